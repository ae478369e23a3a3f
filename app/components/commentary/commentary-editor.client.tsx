import { useEffect, useRef } from "react";
import { commentaryGaps, isCommentaryEmpty, type RenderedCommentaryData } from "~/shared/commentary/commentary-content";
import { caretColourFor } from "~/shared/commentary/commentary-extensions";
import { COMMENTARY_SECTIONS } from "~/shared/commentary/commentary-sections";
import { ActionsEditor, RecoveryDateEditor } from "./actions-editor.client";
import type { LiveContent } from "./commentary-readiness";
import { RenderedCommentary } from "./rendered-commentary";
import { RichTextEditor } from "~/components/collab/rich-text-editor.client";
import { DocumentStatusBar } from "~/components/collab/document-status-bar";
import { isLocalChange, useSharedDocument, usePeers } from "~/components/collab/use-shared-document.client";

export type CommentaryEditorProps = {
  documentName: string;
  user: { id: string; name: string };
  /** From commentaryPolicy.write on the server; the collab server enforces read-only besides. */
  canWrite: boolean;
  people: { id: string; name: string }[];
  /** What the server rendered: shown until the live document has synced. */
  initial: RenderedCommentaryData;
  /** Remedial actions of earlier months still open in the action log: a new one is then not required. */
  carriedOpenActions?: number;
  /** Called (at most every few seconds) while this person changes the words. */
  onEdit?: () => void;
  /** Live: the required sections still empty, and whether anything is written at all. */
  onContent?: (content: LiveContent) => void;
};

const EDIT_REPORT_INTERVAL_MS = 15_000;

/**
 * The live commentary: one Yjs document, a Tiptap editor per rich-text section, plain
 * form controls for the actions and the recovery date, the connection state and
 * "Saved" from the provider wrapper, and who else is here.
 */
export default function CommentaryEditor({
  documentName,
  user,
  canWrite,
  people,
  initial,
  carriedOpenActions = 0,
  onEdit,
  onContent,
}: CommentaryEditorProps) {
  const colour = caretColourFor(user.id);
  const { session, status, ready } = useSharedDocument(documentName, colour);
  const peers = usePeers(session);
  const editable = canWrite && !(status?.readOnly ?? false) && !status?.stopped;

  // Report this person's edits (for "being edited by" on the exceptions list) and the live gaps.
  const callbacks = useRef({ onEdit, onContent });
  callbacks.current = { onEdit, onContent };
  useEffect(() => {
    if (!session) return;
    const { doc, collab } = session;
    const isPerson = (id: string) => people.some((p) => p.id === id);
    let lastReport = 0;
    let trailing: ReturnType<typeof setTimeout> | null = null;
    const report = () => {
      lastReport = Date.now();
      trailing = null;
      callbacks.current.onEdit?.();
    };
    const content = () =>
      callbacks.current.onContent?.({
        gaps: commentaryGaps(doc, isPerson, carriedOpenActions),
        empty: isCommentaryEmpty(doc),
      });
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      content();
      if (!canWrite || !isLocalChange(origin, collab)) return;
      const wait = lastReport + EDIT_REPORT_INTERVAL_MS - Date.now();
      if (wait <= 0) report();
      else trailing ??= setTimeout(report, wait);
    };
    content();
    doc.on("update", onUpdate);
    return () => {
      doc.off("update", onUpdate);
      if (trailing) {
        clearTimeout(trailing);
        callbacks.current.onEdit?.();
      }
    };
  }, [session, canWrite, people, carriedOpenActions]);

  const connected = status?.connection === "connected";
  const readOnly = !canWrite || Boolean(status?.readOnly);
  let saving: string | null = null;
  if (readOnly) saving = "Read only: you can follow the commentary as it is written, but not change it.";
  else if (connected) saving = status?.saved ? "Saved" : "Saving…";

  return (
    <div className="commentary-editor" data-editable={editable ? "true" : "false"}>
      <DocumentStatusBar
        status={status}
        saving={saving}
        readOnly={readOnly}
        peers={peers}
        nobodyElse="Nobody else has this commentary open."
      />

      {!session || !ready ? (
        <RenderedCommentary data={initial} />
      ) : (
        <div className="commentary-sections" data-testid="live-commentary">
          {COMMENTARY_SECTIONS.map((section) => {
            const labelId = `section-${section.field}`;
            const hintId = `hint-${section.field}`;
            return (
              <section key={section.field} className="commentary-section" aria-labelledby={labelId}>
                <h2 id={labelId} className="commentary-section__title">
                  {section.title}
                  {section.required ? null : <span className="commentary-section__optional"> (optional)</span>}
                </h2>
                <p id={hintId} className="hint commentary-section__hint">
                  {section.hint}
                </p>
                {section.kind === "rich-text" ? (
                  <RichTextEditor
                    session={session}
                    field={section.field}
                    labelId={labelId}
                    hintId={hintId}
                    title={section.title}
                    editable={editable}
                    user={{ name: user.name, colour }}
                  />
                ) : null}
                {section.kind === "actions" ? <ActionsEditor session={session} editable={editable} people={people} /> : null}
                {section.kind === "date" ? (
                  <RecoveryDateEditor session={session} editable={editable} labelId={labelId} hintId={hintId} />
                ) : null}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
