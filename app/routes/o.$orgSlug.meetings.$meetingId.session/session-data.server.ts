import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { meetingDocumentName } from "~/shared/collab/document-names";
import { caretColourFor } from "~/shared/commentary/commentary-extensions";
import { formatUkDateTime } from "~/shared/dates";
import { MEETING_KIND_LABELS } from "~/shared/meetings/labels";
import { authorizeOr403, notFound, requireOrgMember } from "~/utils/auth.server";
import { findBody, findMeeting, findSeat, listAgendaItems } from "../../../db/queries/meetings";
import { listMembersOfOrganisation } from "../../../db/queries/users";
import { listIndicators } from "../../../server/performance/scorecard";
import { authorize } from "../../../server/policies/authorize";
import { meetingPermissions, meetingPolicy } from "../../../server/policies/meeting-policy";
import { coverReportPolicy } from "../../../server/policies/cover-report-policy";
import { papersInTheRoom } from "../../../server/meetings/papers-in-the-room";
import { loadItemContent } from "./item-content.server";
import { loadMemberHelp } from "../../../server/members/member-help";

/** The meeting of the URL, in the person's organisation, which they may view; 404 otherwise. */
export async function requireMeeting({ request, context, params }: LoaderFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const { db } = context.services;
  const meeting =
    params.meetingId && z.uuid().safeParse(params.meetingId).success ? await findMeeting(db, org.id, params.meetingId) : null;
  if (!meeting) throw notFound();
  authorizeOr403(() => authorize(meetingPolicy.view(principal, meeting)));
  const body = await findBody(db, org.id, meeting.bodyId);
  if (!body) throw notFound();
  const seat = principal.kind === "user" ? await findSeat(db, body.id, principal.userId) : null;
  return { user, org, principal, meeting, body, seat };
}

/** Everything the session page and the projector view show. */
export async function loadSessionData(args: LoaderFunctionArgs) {
  const { user, org, principal, meeting, body, seat } = await requireMeeting(args);
  const { db } = args.context.services;
  const [items, members, indicatorList] = await Promise.all([
    listAgendaItems(db, meeting.id),
    listMembersOfOrganisation(db, org.id),
    listIndicators(db, org.id),
  ]);
  // Everyone who may view the meeting may read its cover reports; checked as the report page checks it.
  const papers = coverReportPolicy.read(principal, meeting)
    ? await papersInTheRoom(db, args.context.services.documents, meeting, items)
    : new Map();
  const contents: Record<string, Awaited<ReturnType<typeof loadItemContent>>> = {};
  // One at a time: PGlite has one connection.
  for (const item of items)
    contents[item.id] = await loadItemContent({ db, org, principal, meeting, bodyAreaId: body.areaId, seat, papers }, item);
  const memberHelp = await loadMemberHelp(db, { principal, meeting, seat, items });
  return {
    orgSlug: org.slug,
    organisationName: org.name,
    /** The person's register of interests as prompts on the items (ItemInterestPrompts). */
    interestPrompts: memberHelp.prompts,
    user: { id: user.id, name: user.name, colour: caretColourFor(user.id) },
    meeting: {
      id: meeting.id,
      title: meeting.title,
      kind: meeting.kind,
      kindLabel: MEETING_KIND_LABELS[meeting.kind],
      status: meeting.status,
      when: formatUkDateTime(meeting.startsAt),
      place: meeting.place,
      onlineLink: meeting.onlineLink,
      currentItemId: meeting.currentItemId,
    },
    body: { name: body.name, prefix: body.minutePrefix },
    documentName: meetingDocumentName(meeting.id),
    items: items.map((item) => ({
      id: item.id,
      position: item.position,
      kind: item.kind,
      title: item.title,
      presenter: item.presenter,
      minutesAllowed: item.minutesAllowed,
      exempt: item.exempt,
      exemptParagraph: item.exemptParagraph,
      minuteNumber: item.minuteNumber,
      indicatorIds: item.options?.indicatorIds ?? [],
    })),
    contents,
    people: members.map((m) => ({ id: m.userId, name: m.name })),
    indicators: indicatorList.map((i) => ({ id: i.id, code: i.code, title: i.title })),
    permissions: meetingPermissions(principal, meeting, seat),
  };
}

export type SessionData = Awaited<ReturnType<typeof loadSessionData>>;
