// What the meeting page shows: the meeting, its body, the agenda with each item's options
// in words, the attendance list, and, for those who may change them, the choices the
// agenda builder and the attendance forms offer. Permissions come from the policy.
import { formatUkDateTime } from "~/shared/dates";
import { ukToday } from "~/shared/meetings/action-status";
import {
  AGENDA_ITEM_KIND_LABELS,
  ATTENDANCE_LABELS,
  MEETING_KIND_LABELS,
  MEMBER_KIND_LABELS,
  SEAT_POSITION_LABELS,
  STANDARD_OPENING_ITEMS,
} from "~/shared/meetings/labels";
import { describeQuorumRule } from "~/shared/meetings/quorum-rule";
import { addMonths, lastNPeriods, monthLabel } from "~/shared/performance/periods";
import type { Database } from "../../../db/client";
import { listAgendaChoices } from "../../../db/queries/meeting-planning";
import { findBody, findSeat, listAgendaItems, listAttendance, listBodyMembers } from "../../../db/queries/meetings";
import { listMembersOfOrganisation } from "../../../db/queries/users";
import type { AgendaItem, AttendanceCapacity, Meeting } from "../../../db/schema/meetings";
import { defaultReportingPeriod } from "../../../server/performance/scorecard";
import { meetingPermissions } from "../../../server/policies/meeting-policy";
import type { Principal } from "../../../server/policies/principal";
import { isBeforeOpening } from "~/shared/meetings/meeting-stage";
import { agendaChangesSincePublished, latestAgendaPack } from "../../../server/packs/papers-as-presented";
import { loadMemberHelp } from "../../../server/members/member-help";
import { describeAttendance, mayReadApologyReason } from "~/shared/members/apologies";

type Choices = Awaited<ReturnType<typeof listAgendaChoices>>;

/** An item's options in words: "October 2026 · North · Tenants' top ten". */
function describeOptions(item: AgendaItem, choices: Choices): string {
  const { options } = item;
  const nameOf = <T extends { id: string }>(list: T[], id: string | null | undefined) =>
    id ? list.find((x) => x.id === id) : undefined;
  if (item.kind === "scorecard_review") {
    const area = nameOf(choices.areas, options.areaId)?.name ?? "Whole organisation";
    const theme = nameOf(choices.themes, options.themeId)?.name;
    const set = theme ? `Theme: ${theme}` : options.tenantTopTen ? "Tenants' top ten" : "All indicators";
    return [options.period ? monthLabel(options.period) : null, area, set].filter(Boolean).join(" · ");
  }
  if (item.kind === "exceptions") return options.period ? `Off-target indicators in ${monthLabel(options.period)}` : "";
  if (item.kind === "performance_clinic") {
    return (options.indicatorIds ?? [])
      .map((id) => nameOf(choices.indicators, id))
      .filter((i) => i !== undefined)
      .map((i) => `${i.code} ${i.title}`)
      .join("; ");
  }
  if (item.kind === "plan_progress") {
    const plan = nameOf(choices.plans, options.planId);
    const theme = nameOf(choices.themes, options.themeId)?.name;
    const which = plan ? `${plan.code} ${plan.title}` : theme ? `Plans of the theme ${theme}` : "";
    return [which, options.period ? `Quarter of ${monthLabel(options.period)}` : "Quarter of the meeting"].join(" · ");
  }
  return "";
}

const CAPACITY_ORDER: Record<AttendanceCapacity, number> = { member: 0, officer: 1, guest: 2 };
const POSITION_ORDER = { chair: 0, vice_chair: 1, member: 2 } as const;

const timeOf = (at: Date | null) =>
  at ? new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" }).format(at) : "";

export async function loadMeetingPage(
  db: Database,
  {
    organisationId,
    principal,
    meeting,
    editId,
    savedId,
  }: { organisationId: string; principal: Principal; meeting: Meeting; editId: string | null; savedId: string | null },
) {
  const body = await findBody(db, organisationId, meeting.bodyId);
  if (!body) throw new Error(`The meeting ${meeting.id} has no body in its organisation`);
  const [items, attendance, seats, choices, seat, latest, published] = await Promise.all([
    listAgendaItems(db, meeting.id),
    listAttendance(db, meeting.id),
    listBodyMembers(db, body.id),
    listAgendaChoices(db, organisationId),
    principal.kind === "user" ? findSeat(db, body.id, principal.userId) : null,
    defaultReportingPeriod(db, organisationId),
    latestAgendaPack(db, meeting.id),
  ]);
  const permissions = meetingPermissions(principal, meeting, seat);
  const people = permissions.manage ? await listMembersOfOrganisation(db, organisationId) : [];
  const reader = { keepsTheRegister: permissions.manage, userId: principal.kind === "user" ? principal.userId : null };
  const memberHelp = await loadMemberHelp(db, { principal, meeting, seat, items });
  const positionOf = new Map(seats.map((s) => [s.userId, s.position]));
  const onList = new Set(attendance.map((a) => a.userId));
  // The default reporting month (the last published), or last month when there are no figures yet.
  const defaultPeriod = latest ?? addMonths(ukToday().slice(0, 7), -1);

  const membersExpected = attendance.filter(
    (a) => a.capacity === "member" && (a.attendance === "expected" || a.attendance === "present"),
  ).length;
  const apologies = attendance.filter((a) => a.attendance === "apologies").length;
  const editing = permissions.editAgenda && editId ? (items.find((i) => i.id === editId) ?? null) : null;
  const saved = savedId ? items.find((i) => i.id === savedId) : undefined;

  // Members read the published version; the meeting page says which, and what has changed since.
  const publishedAgenda = published
    ? {
        packId: published.packId,
        version: published.version,
        frozenAtText: formatUkDateTime(published.frozenAt),
        changes: isBeforeOpening(meeting) ? await agendaChangesSincePublished(db, meeting, published) : [],
      }
    : null;

  return {
    memberHelp,
    publishedAgenda,
    meeting: {
      id: meeting.id,
      title: meeting.title,
      kind: MEETING_KIND_LABELS[meeting.kind],
      status: meeting.status,
      when: formatUkDateTime(meeting.startsAt),
      place: meeting.place,
      onlineLink: meeting.onlineLink,
    },
    body: {
      id: body.id,
      name: body.name,
      areaId: body.areaId,
      quorum: describeQuorumRule(body),
      quorumCount: body.quorumCount,
      seats: seats.length,
    },
    permissions,
    savedMessage: saved ? `Saved the changes to “${saved.title}”.` : undefined,
    items: items.map((item) => ({
      id: item.id,
      position: item.position,
      kind: item.kind,
      kindLabel: AGENDA_ITEM_KIND_LABELS[item.kind],
      title: item.title,
      presenter: item.presenter,
      minutesAllowed: item.minutesAllowed,
      exempt: item.exempt,
      exemptParagraph: item.exemptParagraph,
      exemptReason: item.exemptReason,
      optionsText: describeOptions(item, choices),
      fromReferral: item.referralId !== null,
      minuteNumber: item.minuteNumber,
    })),
    editing: editing
      ? {
          id: editing.id,
          kind: editing.kind,
          title: editing.title,
          presenter: editing.presenter,
          minutesAllowed: editing.minutesAllowed,
          exempt: editing.exempt,
          exemptParagraph: editing.exemptParagraph,
          exemptReason: editing.exemptReason,
          options: editing.options,
        }
      : null,
    missingStandardItems: STANDARD_OPENING_ITEMS.filter((kind) => !items.some((i) => i.kind === kind)).map((kind) => ({
      kind,
      label: AGENDA_ITEM_KIND_LABELS[kind],
    })),
    attendance: attendance
      .map((a) => {
        const position = a.userId ? positionOf.get(a.userId) : undefined;
        const role =
          a.capacity === "member"
            ? `${position && position !== "member" ? SEAT_POSITION_LABELS[position] : "Member"}${a.memberKind ? ` (${MEMBER_KIND_LABELS[a.memberKind].toLowerCase()})` : ""}`
            : a.capacity === "officer"
              ? "Officer"
              : "Guest";
        return {
          id: a.id,
          name: a.name,
          capacity: a.capacity,
          role,
          attendance: a.attendance,
          attendanceLabel: ATTENDANCE_LABELS[a.attendance],
          /** "Apologies sent (reason)": what the member said, for the clerk and that member only. */
          apologyNote:
            a.attendance === "apologies" && a.apologyReason && mayReadApologyReason(reader, a.userId)
              ? describeAttendance(a.attendance, a.apologyReason)
              : null,
          arrived: timeOf(a.arrivedAt),
          left: timeOf(a.leftAt),
          rank: position ? POSITION_ORDER[position] : 3,
        };
      })
      .sort(
        (x, y) =>
          CAPACITY_ORDER[x.capacity] - CAPACITY_ORDER[y.capacity] || x.rank - y.rank || x.name.localeCompare(y.name, "en-GB"),
      ),
    expected: { members: membersExpected, apologies },
    // What the forms offer; nothing for those who may not use them.
    choices: permissions.editAgenda
      ? {
          areas: choices.areas,
          themes: choices.themes,
          plans: choices.plans.map((p) => ({ id: p.id, label: `${p.code} ${p.title}` })),
          indicators: choices.indicators.map((i) => ({ id: i.id, label: `${i.code} ${i.title}` })),
          periodOptions: lastNPeriods(defaultPeriod, 24).reverse(),
          defaultPeriod,
        }
      : null,
    invitable: people.filter((p) => !onList.has(p.userId)).map((p) => ({ id: p.userId, name: p.name })),
  };
}

export type MeetingPageData = Awaited<ReturnType<typeof loadMeetingPage>>;
