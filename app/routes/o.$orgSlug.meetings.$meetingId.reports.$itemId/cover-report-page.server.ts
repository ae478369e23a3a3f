import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import type * as Y from "yjs";
import { reportDocumentName } from "~/shared/collab/document-names";
import { formatUkDateTime } from "~/shared/dates";
import { isUuid } from "~/shared/meetings/form-values";
import { isBeforeOpening } from "~/shared/meetings/meeting-stage";
import type { RenderedCoverReportData } from "~/components/packs/cover-report-view";
import { coverReportFragment, coverReportGaps, readChecklist, readReportDetails } from "~/shared/packs/cover-report-content";
import { COVER_REPORT_SECTIONS, NO_IMPLICATIONS_AREAS } from "~/shared/packs/cover-report-sections";
import { authorizeOr403, notFound, requireOrgMember } from "~/utils/auth.server";
import { readFormData } from "~/utils/request-body.server";
import { findItemWithCoverReport } from "../../../db/queries/cover-reports";
import { findMeeting } from "../../../db/queries/meetings";
import { renderRichText } from "../../../server/commentary/render-commentary";
import { ensureCoverReport } from "../../../server/packs/cover-reports";
import { authorize, ForbiddenError } from "../../../server/policies/authorize";
import { collabDocumentPolicy } from "../../../server/policies/collab-document-policy";
import { coverReportPolicy } from "../../../server/policies/cover-report-policy";
import { meetingPolicy } from "../../../server/policies/meeting-policy";
import { createPostgresStorage } from "../../../server/realtime/yjs/document-storage";

function renderedCoverReport(doc: Y.Doc): RenderedCoverReportData {
  const ticked = readChecklist(doc);
  return {
    sections: Object.fromEntries(COVER_REPORT_SECTIONS.map((s) => [s.key, renderRichText(coverReportFragment(doc, s.key)).html])),
    checklist: NO_IMPLICATIONS_AREAS.map((area) => ({ key: area.key, label: area.label, noImplications: ticked[area.key] })),
    details: readReportDetails(doc),
  };
}

/**
 * The report item of the page: the meeting must be the person's organisation's and the
 * item a report item on it (404 otherwise, as for anything outside their organisation).
 */
async function requireReportItem({ request, context, params }: LoaderFunctionArgs | ActionFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const { db } = context.services;
  const meeting = isUuid(params.meetingId) ? await findMeeting(db, org.id, params.meetingId) : null;
  if (!meeting) throw notFound();
  authorizeOr403(() => authorize(meetingPolicy.view(principal, meeting)));
  const item = isUuid(params.itemId) ? await findItemWithCoverReport(db, org.id, meeting.id, params.itemId) : null;
  if (!item || item.kind !== "report") throw notFound();
  authorizeOr403(() => authorize(coverReportPolicy.read(principal, meeting)));
  return { user, org, principal, meeting, item };
}

/**
 * The cover report page of a report item. Opening it changes nothing: a report not yet
 * started is shown as such, with a button to start it for someone who may (an officer
 * or admin, before the meeting opens). Whether they may write is the shared document's
 * rule, frozen documents included, worked out here and enforced again by the collab server.
 */
export async function loadCoverReportPage(args: LoaderFunctionArgs) {
  const { user, org, principal, meeting, item } = await requireReportItem(args);
  const { db, documents } = args.context.services;
  const reportId = item.reportId;

  const page = {
    orgSlug: org.slug,
    user: { id: user.id, name: user.name },
    meeting: { id: meeting.id, title: meeting.title, when: formatUkDateTime(meeting.startsAt), status: meeting.status },
    item: {
      id: item.id,
      number: item.position,
      minuteNumber: item.minuteNumber,
      title: item.title,
      presenter: item.presenter,
      exempt: item.exempt,
      exemptParagraph: item.exemptParagraph,
    },
  };
  if (!reportId) {
    return {
      ...page,
      report: null,
      canStart: coverReportPolicy.start(principal, meeting),
      meetingOpened: !isBeforeOpening(meeting),
    };
  }

  const documentName = reportDocumentName(reportId);
  const doc = await documents.read(documentName);
  const initial = renderedCoverReport(doc);
  const gaps = coverReportGaps(doc);
  doc.destroy();
  const frozenAt = await createPostgresStorage(db).frozenAt(documentName);
  const access = collabDocumentPolicy.access(principal, { type: "report", organisationId: org.id, frozenAt });
  return {
    ...page,
    report: { documentName, initial, gaps, canWrite: access === "write", frozen: frozenAt !== null },
    canStart: false,
    meetingOpened: !isBeforeOpening(meeting),
  };
}

/**
 * "Start the cover report" (POST): makes the report, once, and shows the page again with
 * its editor. Refused (403) to members and viewers and once the meeting has opened.
 */
export async function startCoverReport(args: ActionFunctionArgs) {
  const { user, principal, meeting, item } = await requireReportItem(args);
  const form = await readFormData(args.request);
  if (form.get("intent") !== "start") throw new Response("Unknown form", { status: 400 });
  try {
    await ensureCoverReport(
      args.context.services.db,
      principal,
      { meetingId: meeting.id, itemId: item.id },
      { userId: user.id, label: user.email },
    );
  } catch (error) {
    if (error instanceof ForbiddenError) throw new Response(error.message, { status: 403 });
    throw error;
  }
  return redirect(new URL(args.request.url).pathname);
}

export type CoverReportPageData = Awaited<ReturnType<typeof loadCoverReportPage>>;
