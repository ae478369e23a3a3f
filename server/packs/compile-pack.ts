import { leavesForItem } from "../../app/shared/meetings/quorum-for-item";
import { eq } from "drizzle-orm";
import { findThemeName } from "../../db/queries/performance-library";
import * as Y from "yjs";
import { exceptionDocumentName, meetingDocumentName, reportDocumentName } from "../../app/shared/collab/document-names";
import { loadCarriedActions } from "../commentary/carried-forward";
import { readActions, readRecoveryDate, richTextFragment, toActionRows } from "../../app/shared/commentary/commentary-content";
import { RICH_TEXT_FIELDS, sectionTitle } from "../../app/shared/commentary/commentary-sections";
import { formatUkDate, formatUkDateTime, formatUkDay } from "../../app/shared/dates";
import { ukToday } from "../../app/shared/meetings/action-status";
import {
  AGENDA_ITEM_KIND_LABELS,
  CAPACITY_LABELS,
  EXEMPT_PARAGRAPHS,
  INTEREST_KIND_LABELS,
  MEETING_KIND_LABELS,
  MEMBER_KIND_LABELS,
  MOTION_STATUS_LABELS,
  SEAT_POSITION_LABELS,
  VOTE_CHOICE_LABELS,
  VOTE_METHOD_LABELS,
} from "../../app/shared/meetings/labels";
import {
  minutesFragment,
  readAgreedActions,
  readChallenges,
  readMilestones,
  readTrajectory,
} from "../../app/shared/meetings/meeting-record";
import { computeQuorum } from "../../app/shared/meetings/quorum";
import { describeTally } from "../../app/shared/meetings/votes";
import { coverReportGaps, readCoverReport } from "../../app/shared/packs/cover-report-content";
import {
  PACK_FORMAT,
  type PackAppendix,
  type PackDocument,
  type PackItem,
  type PackKind,
  type PackPerson,
  type PackTrendPoint,
  type RichText,
} from "../../app/shared/packs/pack-document";
import { directionPresentation } from "../../app/shared/performance/direction";
import { formatValue } from "../../app/shared/performance/format";
import { addMonths, financialYearOf, monthLabel } from "../../app/shared/performance/periods";
import { peerCellText, peerColumnHeading, peerColumns, peersCaption } from "../../app/shared/performance/peer-groups";
import type { Database } from "../../db/client";
import {
  findBody,
  listAgendaItems,
  listAttendance,
  listBodyMembers,
  listDeclarations,
  listMotionsWithVotes,
} from "../../db/queries/meetings";
import { listMembersOfOrganisation } from "../../db/queries/users";
import { organisations } from "../../db/schema/identity";
import type { AgendaItem, AgendaItemOptions, Meeting } from "../../db/schema/meetings";
import { findPlan, loadActionsForProgress, planIdsOfTheme } from "../../db/queries/plans";
import { improvementLogAppendix, planProgressAppendix } from "../../app/shared/packs/plan-appendices";
import { quarterProgress } from "../../app/shared/plans/quarter-progress";
import { quarterOfDay } from "../../app/shared/plans/quarters";
import { improvementLog } from "../plans/thread-view";
import { minutesApprovals } from "../../db/schema/packs";
import { listCoverReportsOfMeeting } from "../../db/queries/cover-reports";
import { fragmentToNode } from "../commentary/render-commentary";
import { loadActionReview } from "../meetings/action-review";
import { presentedItem } from "./papers-as-presented";
import { COMMENTARY_STATUS_LABELS, loadExceptions, type ExceptionItem } from "../performance/exceptions";
import {
  defaultReportingPeriod,
  listIndicators,
  loadIndicatorSeries,
  loadScorecard,
  organisationWideFigures,
  historyWindow,
  type IndicatorSeries,
} from "../performance/scorecard";
import { scorecardLines, type ScorecardLine } from "../performance/scorecard-view";

/*
 * Compiling a pack: the meeting's agenda with, per item, its cover report, its record
 * (minutes, resolutions, agreed actions) and its appendices (the scorecard chosen on
 * the item, the exception reports of the indicators off target, the action log), as a
 * PackDocument. Shared documents are read through `documents` (the live copy where this
 * process has one), figures through `db`, which freezing passes as its transaction.
 */

/**
 * Something that must be done before the agenda pack can be published: a cover report
 * with an empty required section, an exception commentary not ready for committee. The
 * minuted pack records the meeting as it was, so nothing stops it being frozen once the
 * meeting has closed (closing already refused incomplete actions and open votes).
 */
export type PackGap = {
  sectionId: string;
  message: string;
  /** The page where it is put right (the cover report, the commentary, the attendance list…). */
  href: string | null;
};

export type CompiledPack = {
  pack: PackDocument;
  /** Every shared document the pack was built from, with its Yjs state then. */
  documentStates: Map<string, Uint8Array>;
  gaps: PackGap[];
};

type DocumentReader = { read(name: string): Promise<Y.Doc> };

export type CompileInput = {
  meeting: Meeting;
  kind: PackKind;
  version: PackDocument["version"];
  /**
   * Minutes only: the papers as members received them (the published agenda pack, or the
   * papers captured when the meeting opened). Each item's cover report and appendices are
   * taken from here, never compiled again; without papers the minutes carry the record only.
   */
  papers?: PackDocument | null;
  /** Minutes only: resolutions made when the meeting was not quorate, by motion id, with the clerk's reason. */
  inquorate?: Map<string, string>;
};

const TREND_MONTHS = 13;

export async function compilePack(db: Database, documents: DocumentReader, input: CompileInput): Promise<CompiledPack> {
  const { meeting, kind } = input;
  const minutes = kind === "minutes";
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, meeting.organisationId));
  const body = await findBody(db, meeting.organisationId, meeting.bodyId);
  if (!organisation || !body) throw new Error(`Meeting ${meeting.id} has no organisation or body`);
  const items = await listAgendaItems(db, meeting.id);
  const people = await listMembersOfOrganisation(db, meeting.organisationId);
  const nameOf = (userId: string) => people.find((p) => p.userId === userId)?.name ?? "";
  const documentStates = new Map<string, Uint8Array>();
  const gaps: PackGap[] = [];
  const meetingHref = `/o/${organisation.slug}/meetings/${meeting.id}`;
  // The date actions are judged overdue on: the day the pack was frozen, so it reads the same for ever.
  const today = ukToday(new Date(input.version.frozenAt));

  const readDocument = async (name: string) => {
    const doc = await documents.read(name);
    documentStates.set(name, Y.encodeStateAsUpdate(doc));
    return doc;
  };
  const richText = (fragment: Y.XmlFragment): RichText | null =>
    (fragmentToNode(fragment)?.toJSON() as RichText | undefined) ?? null;

  const record = minutes ? await readDocument(meetingDocumentName(meeting.id)) : null;
  const reports = new Map(
    (await listCoverReportsOfMeeting(db, meeting.organisationId, meeting.id)).map((r) => [r.itemId, r.reportId]),
  );
  const [declarations, motions, approvals] = minutes
    ? await Promise.all([
        listDeclarations(db, meeting.id),
        listMotionsWithVotes(db, meeting.id),
        db.select().from(minutesApprovals).where(eq(minutesApprovals.approvingMeetingId, meeting.id)),
      ])
    : [[], [], []];

  // Actions and challenges name their indicator by id; the pack names it by code and title.
  const indicatorList = await listIndicators(db, meeting.organisationId);
  const indicatorName = (indicatorId: string) => {
    const found = indicatorList.find((i) => i.id === indicatorId);
    return found ? `${found.code} ${found.title}` : "";
  };
  const context: AppendixContext = {
    db,
    organisationSlug: organisation.slug,
    kind,
    meeting,
    bodyAreaId: body.areaId,
    readDocument,
    richText,
    nameOf,
    today,
    gaps,
    series: new Map(),
  };
  const packItems: PackItem[] = [];
  const itemLabel = new Map(items.map((i) => [i.id, minutes && i.minuteNumber ? i.minuteNumber : `item ${i.position}`]));
  for (const item of items) {
    const sectionId = `item-${item.position}`;
    // Minutes take the papers as presented; an agenda pack compiles them now.
    const presented = minutes ? papersOfItem(input.papers ?? null, item) : null;
    let coverReport: PackItem["coverReport"] = presented?.coverReport ?? null;
    if (item.kind === "report" && !minutes) {
      const reportId = reports.get(item.id);
      if (!reportId) {
        gaps.push({
          sectionId,
          message: `Item ${item.position}, ${item.title}: no cover report has been written`,
          href: `${meetingHref}/reports/${item.id}`,
        });
      } else {
        const doc = await readDocument(reportDocumentName(reportId));
        coverReport = readCoverReport(doc, richText);
        for (const gap of coverReportGaps(doc))
          gaps.push({
            sectionId,
            message: `Item ${item.position}, ${item.title}: ${gap.message}`,
            href: `${meetingHref}/reports/${item.id}`,
          });
      }
    }
    const itemMotions = motions.filter((m) => m.motion.agendaItemId === item.id && m.motion.status !== "open");
    const approval = approvals.find((a) => item.kind === "previous_minutes" && a.approvingMeetingId === meeting.id);
    // The declarations item records every interest declared at the meeting; each item repeats its own.
    const itemDeclarations =
      item.kind === "declarations"
        ? declarations.map((d) => ({
            name: d.name,
            kindLabel: `${INTEREST_KIND_LABELS[d.kind]}, ${itemLabel.get(d.agendaItemId) ?? "an item"}`,
            note: d.note,
          }))
        : declarations
            .filter((d) => d.agendaItemId === item.id)
            .map((d) => ({
              name: d.name,
              // A prejudicial interest takes the member out of the meeting (and its quorum) for the item.
              kindLabel: leavesForItem(d.kind)
                ? `${INTEREST_KIND_LABELS[d.kind]}. ${d.name} left the meeting for this item`
                : INTEREST_KIND_LABELS[d.kind],
              note: d.note,
            }));
    packItems.push({
      sectionId,
      number: item.position,
      minuteNumber: minutes ? item.minuteNumber : null,
      title: item.title,
      kindLabel: AGENDA_ITEM_KIND_LABELS[item.kind],
      presenter: item.presenter,
      minutesAllowed: item.minutesAllowed,
      exempt:
        item.exempt && item.exemptParagraph
          ? { paragraph: item.exemptParagraph, paragraphText: EXEMPT_PARAGRAPHS[item.exemptParagraph] ?? "" }
          : null,
      coverReport,
      minutes: record ? richText(minutesFragment(record, item.id)) : null,
      declarations: itemDeclarations,
      resolutions: itemMotions.map(({ motion, votes }) => ({
        wording: motion.wording,
        methodLabel: VOTE_METHOD_LABELS[motion.method],
        outcomeLabel: outcomeOf(motion.status, input.inquorate?.get(motion.id) ?? null),
        tallyText:
          motion.status === "withdrawn"
            ? ""
            : describeTally({ for: motion.votesFor ?? 0, against: motion.votesAgainst ?? 0, abstain: motion.abstentions ?? 0 }),
        namedVotes:
          motion.method === "named" ? votes.map((v) => ({ name: v.name, choiceLabel: VOTE_CHOICE_LABELS[v.choice] })) : [],
      })),
      agreedActions: record
        ? readAgreedActions(record, item.id)
            .filter((a) => a.action !== "")
            .map((a) => ({
              action: a.action,
              owner: nameOf(a.ownerId),
              dueText: formatUkDay(a.due),
              indicator: indicatorName(a.indicatorId),
            }))
        : [],
      challenges: record
        ? readChallenges(record, item.id)
            .filter((c) => c.question.trim() !== "")
            .map((c) => ({
              indicator: indicatorName(c.indicatorId),
              question: c.question,
              raisedBy: c.raisedBy,
              answer: c.answer,
              answeredBy: c.answeredBy,
            }))
        : [],
      approval: approval
        ? {
            text: `Approved as a correct record and signed by the chair, ${approval.signedByName}, on ${formatUkDateTime(approval.signedAt)}.`,
            sha256: approval.sha256,
          }
        : null,
      appendices: minutes
        ? [
            ...(presented?.appendices ?? []),
            ...(record && item.kind === "performance_clinic"
              ? await improvementPlanAppendices(context, item, sectionId, record, indicatorList)
              : []),
          ]
        : await appendicesOf(context, item, sectionId),
    });
  }

  const pack: PackDocument = {
    format: PACK_FORMAT,
    kind,
    title: `${body.name}: ${minutes ? "minutes" : "agenda pack"}, ${formatUkDate(meeting.startsAt)}`,
    organisation: { name: organisation.name, slug: organisation.slug },
    body: { name: body.name, minutePrefix: body.minutePrefix },
    meeting: {
      id: meeting.id,
      title: meeting.title,
      kindLabel: MEETING_KIND_LABELS[meeting.kind],
      startsAt: meeting.startsAt.toISOString(),
      whenText: formatUkDateTime(meeting.startsAt),
      place: meeting.place,
      onlineLink: meeting.onlineLink,
    },
    version: input.version,
    ...(await attendanceOf(db, meeting, body, minutes)),
    items: packItems,
  };
  return { pack, documentStates, gaps };
}

/** "Carried", or "Carried when the meeting was not quorate: <the clerk's reason>". */
function outcomeOf(status: keyof typeof MOTION_STATUS_LABELS, inquorateReason: string | null): string {
  const label = MOTION_STATUS_LABELS[status];
  return inquorateReason ? `${label} when the meeting was not quorate. Clerk's note: ${inquorateReason}` : label;
}

/** An item's cover report and appendices as presented (papers-as-presented.ts). */
function papersOfItem(papers: PackDocument | null, item: AgendaItem): Pick<PackItem, "coverReport" | "appendices"> | null {
  const found = presentedItem(papers, item);
  // Appendix section ids are per item position; they stay the same in the minutes.
  return found && { coverReport: found.coverReport, appendices: found.appendices };
}

// ---------------------------------------------------------------------------

type AppendixContext = {
  db: Database;
  organisationSlug: string;
  kind: PackKind;
  meeting: Meeting;
  bodyAreaId: string | null;
  readDocument: (name: string) => Promise<Y.Doc>;
  richText: (fragment: Y.XmlFragment) => RichText | null;
  nameOf: (userId: string) => string;
  today: string;
  gaps: PackGap[];
  /** The organisation's series of a period's history window, loaded once per period. */
  series: Map<string, { series: IndicatorSeries[]; areas: { id: string; name: string; homes: number }[] }>;
};

async function appendicesOf(context: AppendixContext, item: AgendaItem, sectionId: string): Promise<PackAppendix[]> {
  const { db, meeting } = context;
  const options = item.options ?? {};
  switch (item.kind) {
    case "scorecard_review": {
      const period = options.period ?? (await defaultReportingPeriod(db, meeting.organisationId));
      if (!period) return [];
      const areaId = options.areaId ?? (meeting.kind === "area_panel" ? context.bodyAreaId : null);
      const scorecard = await loadScorecard(db, { organisationId: meeting.organisationId, period, areaId });
      const theme = options.themeId ? await findThemeName(db, meeting.organisationId, options.themeId) : null;
      const lines = scorecardLines(scorecard, { tenantTopTenOnly: options.tenantTopTen ?? false, theme });
      const scope = [options.tenantTopTen ? "tenant top ten" : null, theme, scorecard.area?.name].filter(Boolean).join(", ");
      const peers = peerColumns(lines.map((l) => l.peers));
      return [
        {
          kind: "scorecard",
          sectionId: `${sectionId}-scorecard`,
          title: `Scorecard: ${monthLabel(period)}${scope ? ` (${scope})` : ""}`,
          periodText: monthLabel(period),
          areaName: scorecard.area?.name ?? null,
          peerColumns: peers.map(peerColumnHeading),
          peersText: peersCaption(peers),
          rows: lines.map((line) => ({
            ...scorecardRow(line),
            peerTexts: peers.map((column) => peerCellText(line, column, line.peers)),
          })),
        },
      ];
    }
    case "exceptions": {
      const period = options.period ?? (await defaultReportingPeriod(db, meeting.organisationId));
      if (!period) return [];
      const areaId = options.areaId ?? (meeting.kind === "area_panel" ? context.bodyAreaId : null);
      const exceptions = await loadExceptions(db, meeting.organisationId, period, { areaId });
      const appendices: PackAppendix[] = [];
      for (const [index, exception] of exceptions.entries()) {
        if (context.kind === "agenda" && exception.commentary.status !== "ready") {
          context.gaps.push({
            sectionId,
            message: `Exception commentary for ${exception.indicator.code} ${exception.indicator.title} is ${COMMENTARY_STATUS_LABELS[exception.commentary.status].toLowerCase()}, not ready for committee`,
            href: `/o/${context.organisationSlug}/exceptions/${encodeURIComponent(exception.indicator.code)}?period=${exception.period}`,
          });
        }
        appendices.push(await exceptionAppendix(context, exception, `${sectionId}-exception-${index + 1}`, period));
      }
      return appendices;
    }
    case "performance_clinic": {
      const period = options.period ?? (await defaultReportingPeriod(db, meeting.organisationId));
      if (!period || !options.indicatorIds?.length) return [];
      const exceptions = await loadExceptions(db, meeting.organisationId, period, { indicatorIds: options.indicatorIds });
      const appendices: PackAppendix[] = [];
      for (const [index, exception] of exceptions.entries())
        appendices.push(await exceptionAppendix(context, exception, `${sectionId}-clinic-${index + 1}`, period));
      return appendices;
    }
    case "action_log": {
      const rows = await loadActionReview(db, meeting.organisationId, meeting.bodyId, meeting.startsAt, context.today);
      return [
        {
          kind: "action_log",
          sectionId: `${sectionId}-action-log`,
          title: "Action log",
          rows: rows.map((row) => ({
            reference: row.minuteNumber ?? "",
            action: row.description,
            owner: row.ownerName,
            dueText: row.dueText,
            statusText: row.statusChangeText ? `${row.shownStatusText} (${row.statusChangeText})` : row.shownStatusText,
            latestNote: row.latestNote?.text ?? "",
            indicator: row.indicator ? `${row.indicator.code} ${row.indicator.title}` : "",
            movementText: row.indicator?.movementText ?? "",
          })),
        },
      ];
    }
    case "plan_progress":
      return planProgressAppendices(context, options, sectionId);
    case "improvement_log":
      return [
        improvementLogAppendix(await improvementLog(db, meeting.organisationId), {
          sectionId: `${sectionId}-improvement-log`,
          title: "Service improvement log",
        }),
      ];
    default:
      return [];
  }
}

/**
 * One plan, or the plans of a theme, in the quarter of the item's period (else of the
 * meeting's day), judged on the day the pack is frozen by the plan page's own rule.
 */
async function planProgressAppendices(
  context: AppendixContext,
  options: AgendaItemOptions,
  sectionId: string,
): Promise<PackAppendix[]> {
  const { db, meeting } = context;
  const organisationId = meeting.organisationId;
  const quarter = quarterOfDay(options.period ? `${options.period}-01` : ukToday(meeting.startsAt));
  let planIds: string[];
  let scope: string;
  if (options.planId) {
    const plan = await findPlan(db, organisationId, options.planId);
    if (!plan) return [];
    planIds = [plan.id];
    scope = `${plan.code} ${plan.title}`;
  } else if (options.themeId) {
    const theme = await findThemeName(db, organisationId, options.themeId);
    if (!theme) return [];
    planIds = await planIdsOfTheme(db, organisationId, options.themeId);
    scope = `plans of the theme ${theme}`;
  } else return [];
  const wanted = new Set(planIds);
  const actions = (await loadActionsForProgress(db, organisationId)).filter((a) => wanted.has(a.planId));
  const progress = quarterProgress(actions, quarter, context.today);
  const planOfAction = new Map(actions.map((a) => [a.id, `${a.planCode} ${a.planTitle}`]));
  return [
    planProgressAppendix(progress, (id) => planOfAction.get(id) ?? "", {
      sectionId: `${sectionId}-plan-progress`,
      title: `Plan progress: ${scope}, ${progress.quarter.label}`,
    }),
  ];
}

function scorecardRow(line: ScorecardLine) {
  return {
    code: line.code,
    title: line.title,
    valueText: line.valueText,
    // Only where marked: a pack with no unaudited figure reads (and hashes) as before.
    ...(line.unaudited ? { unaudited: true } : {}),
    targetText: line.targetText,
    status: line.status,
    statusText: line.statusText,
    directionText: directionSinceLastYear(line),
    ytdText: line.ytdText,
    quartileText: line.quartileText,
  };
}

function directionSinceLastYear(line: ScorecardLine): string {
  const { label } = directionPresentation(line.directionVsLastYear, line.polarity);
  if (label === "Not applicable") return label;
  return label === "Same" ? "Same as last year" : `${label} than last year`;
}

async function exceptionAppendix(
  context: AppendixContext,
  exception: ExceptionItem,
  sectionId: string,
  period: string,
): Promise<PackAppendix> {
  const doc = await context.readDocument(exceptionDocumentName(exception.indicator.id, exception.period));
  const { line, indicator } = exception;
  const carried = await loadCarriedActions(
    context.db,
    context.meeting.organisationId,
    indicator.id,
    exception.period,
    context.today,
  );
  return {
    kind: "exception",
    sectionId,
    title: `Exception report: ${indicator.code} ${indicator.title}`,
    code: indicator.code,
    indicatorTitle: indicator.title,
    periodText: monthLabel(exception.period),
    valueText: line.valueText,
    ...(line.unaudited ? { unaudited: true } : {}),
    targetText: line.targetText,
    status: line.status,
    statusText: line.statusText,
    owner: indicator.ownerName ?? "",
    unit: line.unit,
    trend: await trendOf(context, indicator.id, period),
    commentary: {
      stateText: COMMENTARY_STATUS_LABELS[exception.commentary.status],
      sections: RICH_TEXT_FIELDS.map((field) => ({
        title: sectionTitle(field),
        body: context.richText(richTextFragment(doc, field)),
      })),
      actions: [
        // Carried from earlier months' commentaries, as the action log has them (ADR 022).
        ...carried.map((a) => ({
          action: a.description,
          owner: a.ownerName,
          dueText: a.dueText,
          statusText: `${a.statusText} (carried from ${a.raisedInText})`,
        })),
        ...toActionRows(readActions(doc), context.nameOf).map((a) => ({
          action: a.action,
          owner: a.owner,
          dueText: a.due,
          statusText: a.status,
        })),
      ],
      recoveryDateText: formatUkDay(readRecoveryDate(doc)),
    },
  };
}

/**
 * A clinic's improvement plan for each of its indicators, as the meeting agreed it: the
 * milestones, and the recovery trajectory against the target with the figures recorded
 * so far (ADR 022). The same plan is stored as data when the meeting closes.
 */
async function improvementPlanAppendices(
  context: AppendixContext,
  item: AgendaItem,
  sectionId: string,
  record: Y.Doc,
  indicatorList: Awaited<ReturnType<typeof listIndicators>>,
): Promise<PackAppendix[]> {
  const milestones = readMilestones(record, item.id)
    .filter((m) => m.milestone.trim() !== "")
    .map((m) => ({ milestone: m.milestone.trim(), dueText: formatUkDay(m.due) }));
  const appendices: PackAppendix[] = [];
  for (const [index, indicatorId] of (item.options?.indicatorIds ?? []).entries()) {
    const indicator = indicatorList.find((i) => i.id === indicatorId);
    const planned = readTrajectory(record, item.id, indicatorId);
    if (!indicator || (milestones.length === 0 && planned.length === 0)) continue;
    const trend = planned.length ? await trendOf(context, indicatorId, planned[planned.length - 1].period) : [];
    const trajectory = planned.map((p) => {
      const point = trend.find((t) => t.period === p.period);
      return {
        period: p.period,
        periodText: monthLabel(p.period),
        planned: p.value,
        target: point?.target ?? null,
        actual: point?.value ?? null,
      };
    });
    const text = (value: number | null) => (value === null ? "No figure yet" : formatValue(indicator, value));
    appendices.push({
      kind: "improvement_plan",
      sectionId: `${sectionId}-plan-${index + 1}`,
      title: `Improvement plan: ${indicator.code} ${indicator.title}`,
      code: indicator.code,
      indicatorTitle: indicator.title,
      unit: indicator.unit,
      milestones,
      trajectory,
      trajectoryText: trajectory.map((p) => ({
        periodText: p.periodText,
        plannedText: formatValue(indicator, p.planned),
        targetText: p.target === null ? "No target" : formatValue(indicator, p.target),
        actualText: text(p.actual),
      })),
    });
  }
  return appendices;
}

/** The organisation-wide figures of the last thirteen months against the target of each month's financial year. */
async function trendOf(context: AppendixContext, indicatorId: string, period: string): Promise<PackTrendPoint[]> {
  let loaded = context.series.get(period);
  if (!loaded) {
    loaded = await loadIndicatorSeries(context.db, context.meeting.organisationId, historyWindow(period), {
      scope: { kind: "organisation" },
    });
    context.series.set(period, loaded);
  }
  const series = loaded.series.find((s) => s.indicator.id === indicatorId);
  if (!series) return [];
  const figures = new Map(organisationWideFigures(series, loaded.areas).map((f) => [f.period, f.value]));
  const points: PackTrendPoint[] = [];
  for (let back = TREND_MONTHS - 1; back >= 0; back--) {
    const month = addMonths(period, -back);
    points.push({
      period: month,
      periodText: monthLabel(month),
      value: figures.get(month) ?? null,
      target: series.targetsByYear.get(financialYearOf(month))?.target ?? null,
    });
  }
  return points;
}

type BodyRow = NonNullable<Awaited<ReturnType<typeof findBody>>>;

async function attendanceOf(db: Database, meeting: Meeting, body: BodyRow, minutes: boolean) {
  const [attendance, seats] = await Promise.all([listAttendance(db, meeting.id), listBodyMembers(db, body.id)]);
  const roleOf = (userId: string | null, capacity: keyof typeof CAPACITY_LABELS, memberKind: string | null): string => {
    const seat = seats.find((s) => s.userId === userId);
    if (seat) return `${SEAT_POSITION_LABELS[seat.position]}, ${MEMBER_KIND_LABELS[seat.memberKind]}`;
    return memberKind ? MEMBER_KIND_LABELS[memberKind as keyof typeof MEMBER_KIND_LABELS] : CAPACITY_LABELS[capacity];
  };
  const person = (a: (typeof attendance)[number]): PackPerson => ({
    name: a.name,
    role: roleOf(a.userId, a.capacity, a.memberKind),
  });
  const members = attendance.filter((a) => a.capacity === "member");
  const attended = (a: (typeof attendance)[number]) => a.attendance === "present";
  const byName = (a: PackPerson, b: PackPerson) => a.name.localeCompare(b.name, "en-GB");
  return {
    attendance: {
      // An agenda pack lists the body's membership, in seat order (chair first): who is summoned.
      present: minutes
        ? members.filter(attended).map(person).sort(byName)
        : seats.map((s) => ({ name: s.name, role: `${SEAT_POSITION_LABELS[s.position]}, ${MEMBER_KIND_LABELS[s.memberKind]}` })),
      apologies: members
        .filter((a) => a.attendance === "apologies")
        .map(person)
        .sort(byName),
      absent: minutes
        ? members
            .filter((a) => a.attendance !== "present" && a.attendance !== "apologies")
            .map(person)
            .sort(byName)
        : [],
      officers: attendance
        .filter((a) => a.capacity === "officer" && (!minutes || attended(a)))
        .map(person)
        .sort(byName),
      guests: attendance
        .filter((a) => a.capacity === "guest" && (!minutes || attended(a)))
        .map(person)
        .sort(byName),
    },
    quorumText: minutes
      ? computeQuorum(
          { quorumCount: body.quorumCount, quorumRequiresKind: body.quorumRequiresKind },
          seats.length,
          members.filter(attended).flatMap((a) => (a.memberKind ? [a.memberKind] : [])),
        ).message
      : null,
  };
}
