import { useEffect, useRef } from "react";
import { RichTextEditor } from "~/components/collab/rich-text-editor.client";
import { DocumentStatusBar } from "~/components/collab/document-status-bar";
import {
  LOCAL_ORIGIN,
  useDocValue,
  usePeers,
  useSharedDocument,
  type SharedDocumentSession,
} from "~/components/collab/use-shared-document.client";
import { caretColourFor } from "~/shared/commentary/commentary-extensions";
import {
  checklistMap,
  coverReportGaps,
  readChecklist,
  readReportDetail,
  REPORT_DETAIL_MAX_LENGTH,
  reportDetailsMap,
  type CoverReportDetails,
  type CoverReportGap,
} from "~/shared/packs/cover-report-content";
import { COVER_REPORT_SECTIONS, REPORT_DETAIL_KEYS, type ReportDetailKey } from "~/shared/packs/cover-report-sections";
import {
  CoverReportSectionFrame,
  DETAIL_FIELDS,
  NoImplicationsChecklist,
  RenderedCoverReport,
  ReportDetailsFrame,
  ReportDetailsList,
  sectionHeadingId,
  sectionHintId,
  type RenderedCoverReportData,
} from "./cover-report-view";

export type CoverReportEditorProps = {
  documentName: string;
  user: { id: string; name: string };
  /** From the shared document's policy on the server; the collab server enforces read-only besides. */
  canWrite: boolean;
  /** The report is in a frozen pack: nobody may change it. */
  frozen: boolean;
  /** What the server rendered: shown until the live document has synced. */
  initial: RenderedCoverReportData;
  /** Live: what is still to write, each time the document changes. */
  onGaps?: (gaps: CoverReportGap[]) => void;
};

/**
 * The live cover report: one Yjs document, a Tiptap editor per section (with the
 * carets and names of the others), the "no implications arising" checklist as
 * checkboxes on one Y.Map, and the author, contact and background papers as inputs on
 * another. Each checkbox and input changes one key, so two people changing different
 * ones never overwrite each other.
 */
export default function CoverReportEditor({ documentName, user, canWrite, frozen, initial, onGaps }: CoverReportEditorProps) {
  const colour = caretColourFor(user.id);
  const { session, status, ready } = useSharedDocument(documentName, colour);
  const peers = usePeers(session);
  const readOnly = !canWrite || frozen || Boolean(status?.readOnly);
  const editable = !readOnly && !status?.stopped;

  const gapsCallback = useRef(onGaps);
  gapsCallback.current = onGaps;
  useEffect(() => {
    if (!session || !ready) return;
    const { doc } = session;
    const report = () => gapsCallback.current?.(coverReportGaps(doc));
    report();
    doc.on("update", report);
    return () => doc.off("update", report);
  }, [session, ready]);

  const connected = status?.connection === "connected";
  let saving: string | null = null;
  if (frozen) saving = "Frozen: this cover report is in a published pack and can no longer change.";
  else if (readOnly) saving = "Read only: you can follow the cover report as it is written, but not change it.";
  else if (connected) saving = status?.saved ? "Saved" : "Saving…";

  return (
    <div className="commentary-editor cover-report-editor" data-editable={editable ? "true" : "false"}>
      <DocumentStatusBar
        status={status}
        saving={saving}
        readOnly={readOnly}
        peers={peers}
        nobodyElse="Nobody else has this cover report open."
      />

      {!session || !ready ? (
        <RenderedCoverReport data={initial} />
      ) : (
        <div className="cover-report" data-testid="live-cover-report">
          {COVER_REPORT_SECTIONS.map((section) => (
            <CoverReportSectionFrame key={section.key} section={section}>
              <RichTextEditor
                session={session}
                field={section.key}
                labelId={sectionHeadingId(section.key)}
                hintId={sectionHintId(section.key)}
                title={section.title}
                editable={editable}
                user={{ name: user.name, colour }}
              />
            </CoverReportSectionFrame>
          ))}
          <ChecklistEditor session={session} editable={editable} />
          <DetailsEditor session={session} editable={editable} />
        </div>
      )}
    </div>
  );
}

/** The checklist: one key of the document's checklist map per area. */
function ChecklistEditor({ session, editable }: { session: SharedDocumentSession; editable: boolean }) {
  const { doc } = session;
  const map = checklistMap(doc);
  const ticked = useDocValue(doc, map, () => readChecklist(doc));
  const change = (key: string, value: boolean) => doc.transact(() => map.set(key, value), LOCAL_ORIGIN);
  return <NoImplicationsChecklist ticked={ticked} editable={editable} onChange={change} />;
}

const readDetails = (session: SharedDocumentSession) =>
  Object.fromEntries(REPORT_DETAIL_KEYS.map((key) => [key, readReportDetail(session.doc, key)])) as CoverReportDetails;

/** Author, contact and background papers: one key of the document's details map each. */
function DetailsEditor({ session, editable }: { session: SharedDocumentSession; editable: boolean }) {
  const { doc } = session;
  const map = reportDetailsMap(doc);
  const details = useDocValue(doc, map, () => readDetails(session));
  const change = (key: ReportDetailKey, value: string) =>
    doc.transact(() => map.set(key, value.slice(0, REPORT_DETAIL_MAX_LENGTH[key])), LOCAL_ORIGIN);

  if (!editable) {
    const trimmed = Object.fromEntries(REPORT_DETAIL_KEYS.map((key) => [key, details[key].trim()])) as CoverReportDetails;
    return (
      <ReportDetailsFrame>
        <ReportDetailsList details={trimmed} />
      </ReportDetailsFrame>
    );
  }
  return (
    <ReportDetailsFrame>
      {DETAIL_FIELDS.map((field) => {
        const id = `report-detail-${field.key}`;
        const control = {
          id,
          value: details[field.key],
          maxLength: REPORT_DETAIL_MAX_LENGTH[field.key],
          "aria-describedby": `${id}-hint`,
        };
        return (
          <div key={field.key} className="form-group">
            <label htmlFor={id}>{field.label}</label>
            <div id={`${id}-hint`} className="hint">
              {field.hint}
            </div>
            {field.multiline ? (
              <textarea {...control} rows={3} onChange={(e) => change(field.key, e.currentTarget.value)} />
            ) : (
              <input {...control} type="text" autoComplete="off" onChange={(e) => change(field.key, e.currentTarget.value)} />
            )}
          </div>
        );
      })}
    </ReportDetailsFrame>
  );
}
