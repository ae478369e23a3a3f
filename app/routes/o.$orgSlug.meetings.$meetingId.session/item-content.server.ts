import { findThemeName } from "../../../db/queries/performance-library";
import { recordFlags } from "~/shared/meetings/record-flags";
import type { PackDocument } from "~/shared/packs/pack-document";
import type { RoomPaper } from "~/shared/meetings/papers-in-the-room";
import type { Database } from "../../../db/client";
import type { AgendaItem, Meeting } from "../../../db/schema/meetings";
import { findMinutesApproval, findPackVersion } from "../../../db/queries/packs";
import { carriedApprovalMotion, latestMinutesVersion, previousMeetingOf } from "../../../server/packs/approve-minutes";
import { packPolicy } from "../../../server/policies/pack-policy";
import type { Seat } from "../../../server/policies/meeting-roles";
import { formatUkDateTime } from "~/shared/dates";
import { loadAreaComparison, type AreaComparisonRow } from "../../../server/performance/area-comparison";
import { loadCommentarySummary, loadExceptions } from "../../../server/performance/exceptions";
import { renderedCommentary } from "../../../server/commentary/render-commentary";
import { listMembersOfOrganisation } from "../../../db/queries/users";
import type { RenderedCommentaryData } from "~/shared/commentary/commentary-content";
import { defaultReportingPeriod, listIndicators, loadScorecard } from "../../../server/performance/scorecard";
import { scorecardLines, type ScorecardLine } from "../../../server/performance/scorecard-view";
import type { Principal } from "../../../server/policies/principal";
import { loadActionReview } from "../../../server/meetings/action-review";
import { findIndicator } from "../o.$orgSlug.indicators.$code/indicator-queries.server";
import { loadIndicatorPageData } from "../o.$orgSlug.indicators.$code/indicator-page-data.server";

/*
 * What each agenda item shows beside its minutes, loaded on the server from the figures
 * as they stand: the scorecard chosen on the item, the exceptions of a period, a clinic's
 * indicators, the action log under review, the previous meeting.
 */

export type ScorecardContent = {
  kind: "scorecard";
  period: string;
  areaName: string | null;
  /** An area panel reads its own area beside the others, in plain words. */
  plainLanguage: boolean;
  lines: (ScorecardLine & { indicatorId: string })[];
  comparison: { areaNames: string[]; rows: AreaComparisonRow[] } | null;
};

export type ItemContent =
  | ScorecardContent
  | {
      kind: "exceptions";
      period: string;
      items: {
        indicatorId: string;
        code: string;
        title: string;
        valueText: string;
        targetText: string;
        status: ScorecardLine["status"];
        commentary: string;
        excerptHtml: string;
        period: string;
      }[];
    }
  | { kind: "clinic"; indicators: (Awaited<ReturnType<typeof loadIndicatorPageData>> & { commentary: RenderedCommentaryData })[] }
  | { kind: "action_log"; rows: Awaited<ReturnType<typeof loadActionReview>> }
  | { kind: "previous_minutes"; itemId: string; meetingId: string; previous: PreviousMinutes | null }
  /** A report item: its cover report as presented (papers-in-the-room.ts), and where the whole report page is. */
  | { kind: "report"; reportHref: string; paper: RoomPaper | null }
  | { kind: "none" };

/** The last meeting's minutes as this meeting approves them: the minuted pack, the vote, the chair's signature. */
export type PreviousMinutes = {
  id: string;
  title: string;
  startsAt: string;
  status: Meeting["status"];
  /** The latest frozen version of its minuted pack, which is what the chair signs. */
  minutes: { packId: string; version: number; sha256: string } | null;
  /** The meeting has voted that they are a correct record. */
  carried: boolean;
  /** What the frozen record flags (record-flags.ts): the room hears it before it votes. */
  flags: string[];
  signed: { by: string; atText: string; sha256: string } | null;
  canSign: boolean;
};

type Context = {
  db: Database;
  org: { id: string; slug: string };
  principal: Principal;
  meeting: Meeting;
  bodyAreaId: string | null;
  seat: Seat;
  /** Report items' cover reports, loaded once for the meeting. */
  papers: Map<string, RoomPaper | null>;
};

export async function loadItemContent(context: Context, item: AgendaItem): Promise<ItemContent> {
  const { db, org, meeting } = context;
  const options = item.options ?? {};
  switch (item.kind) {
    case "scorecard_review": {
      const period = options.period ?? (await defaultReportingPeriod(db, org.id));
      if (!period) return { kind: "none" };
      const areaId = options.areaId ?? (meeting.kind === "area_panel" ? context.bodyAreaId : null);
      const [scorecard, indicatorList] = await Promise.all([
        loadScorecard(db, { organisationId: org.id, period, areaId }),
        listIndicators(db, org.id),
      ]);
      const idByCode = new Map(indicatorList.map((i) => [i.code, i.id]));
      const theme = options.themeId ? await findThemeName(db, org.id, options.themeId) : null;
      const lines = scorecardLines(scorecard, { tenantTopTenOnly: options.tenantTopTen ?? false, theme }).map((line) => ({
        ...line,
        indicatorId: idByCode.get(line.code) ?? "",
      }));
      let comparison: ScorecardContent["comparison"] = null;
      if (meeting.kind === "area_panel") {
        const all = await loadAreaComparison(db, org.id, period);
        comparison = {
          areaNames: all.areas.map((a) => a.name),
          rows: all.rows.filter((row) => lines.some((l) => l.code === row.code)),
        };
      }
      return {
        kind: "scorecard",
        period,
        areaName: scorecard.area?.name ?? null,
        plainLanguage: meeting.kind === "area_panel",
        lines,
        comparison,
      };
    }
    case "exceptions": {
      const period = options.period ?? (await defaultReportingPeriod(db, org.id));
      if (!period) return { kind: "none" };
      const items = await loadExceptions(db, org.id, period);
      return {
        kind: "exceptions",
        period,
        items: items.map((e) => ({
          indicatorId: e.indicator.id,
          code: e.indicator.code,
          title: e.indicator.title,
          valueText: e.line.valueText,
          targetText: e.line.targetText,
          status: e.line.status,
          commentary: e.commentary.status,
          excerptHtml: e.excerptHtml,
          period: e.period,
        })),
      };
    }
    case "performance_clinic": {
      const loaded = [];
      const [indicatorList, members] = await Promise.all([listIndicators(db, org.id), listMembersOfOrganisation(db, org.id)]);
      const people = members.map((m) => ({ id: m.userId, name: m.name }));
      for (const indicatorId of options.indicatorIds ?? []) {
        const code = indicatorList.find((i) => i.id === indicatorId)?.code;
        const found = code ? await findIndicator(db, org.id, code) : null;
        if (!found) continue;
        const url = new URL("http://minuted.local/");
        if (options.period) url.searchParams.set("period", options.period);
        const page = await loadIndicatorPageData(db, { org, principal: context.principal, found, url });
        // The exception commentary of the period the clinic looks at, rendered with its schema.
        const { doc } = await loadCommentarySummary(db, org.id, found.id, page.period);
        try {
          loaded.push({ ...page, commentary: renderedCommentary(doc, people) });
        } finally {
          doc.destroy();
        }
      }
      return { kind: "clinic", indicators: loaded };
    }
    case "report":
      return {
        kind: "report",
        reportHref: `/o/${org.slug}/meetings/${meeting.id}/reports/${item.id}`,
        paper: context.papers.get(item.id) ?? null,
      };
    case "action_log":
      return { kind: "action_log", rows: await loadActionReview(db, org.id, meeting.bodyId, meeting.startsAt) };
    case "previous_minutes": {
      const previous = await previousMeetingOf(db, meeting);
      if (!previous) return { kind: "previous_minutes", itemId: item.id, meetingId: meeting.id, previous: null };
      const [minutes, motion, approval] = await Promise.all([
        latestMinutesVersion(db, previous.id),
        carriedApprovalMotion(db, item.id),
        findMinutesApproval(db, previous.id),
      ]);
      const frozen = minutes ? await findPackVersion(db, org.id, minutes.packId, minutes.version) : null;
      return {
        kind: "previous_minutes",
        itemId: item.id,
        meetingId: meeting.id,
        previous: {
          flags: frozen ? recordFlags(JSON.parse(frozen.canonicalJson) as PackDocument) : [],
          id: previous.id,
          title: previous.title,
          startsAt: previous.startsAt.toISOString(),
          status: previous.status,
          minutes: minutes ? { packId: minutes.packId, version: minutes.version, sha256: minutes.sha256 } : null,
          carried: motion !== null,
          signed: approval
            ? { by: approval.signedByName, atText: formatUkDateTime(approval.signedAt), sha256: approval.sha256 }
            : null,
          // The vote may close after this page loaded: signing checks it again on the server.
          canSign: !approval && minutes !== null && packPolicy.signMinutes(context.principal, meeting, context.seat),
        },
      };
    }
    default:
      return { kind: "none" };
  }
}
