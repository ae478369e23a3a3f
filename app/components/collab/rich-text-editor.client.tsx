import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { commentaryExtensions, isSafeHref } from "~/shared/commentary/commentary-extensions";
import { TABLE_LIMIT_MESSAGE } from "~/shared/commentary/nesting-limit";
import { cleanPastedHtml, pasteNotice } from "~/shared/commentary/paste-cleaning";
import type { SharedDocumentSession } from "~/components/collab/use-shared-document.client";

type Props = {
  session: SharedDocumentSession;
  /** The name of the Y.XmlFragment in the shared document. */
  field: string;
  /** Ids of the section's heading and hint, which name and describe the editor. */
  labelId: string;
  hintId: string;
  title: string;
  editable: boolean;
  user: { name: string; colour: string };
};

/** One rich-text section: a Tiptap editor bound to the section's Y.XmlFragment, with carets of the others. */
export function RichTextEditor({ session, field, labelId, hintId, title, editable, user }: Props) {
  // What was lost from the last paste, or why the last table change did nothing.
  const [notice, setNotice] = useState<string | null>(null);
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        ...commentaryExtensions({ onTableLimit: () => setNotice(`${TABLE_LIMIT_MESSAGE}.`) }),
        Collaboration.configure({ document: session.doc, field }),
        CollaborationCaret.configure({
          provider: session.collab.provider,
          user: { name: user.name, color: user.colour },
          render: renderCaret,
        }),
      ],
      editorProps: {
        attributes: editorAttributes(labelId, hintId, editable),
        transformPastedHTML: (html) => {
          const cleaned = cleanPastedHtml(html);
          setNotice(pasteNotice(cleaned));
          return cleaned.html;
        },
      },
    },
    [session, field],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(editable);
    editor.setOptions({
      editorProps: { ...editor.options.editorProps, attributes: editorAttributes(labelId, hintId, editable) },
    });
  }, [editor, editable, labelId, hintId]);

  return (
    <div className={`rich-text-editor${editable ? "" : " rich-text-editor--read-only"}`} data-field={field}>
      {editable && editor ? <Toolbar editor={editor} label={`Formatting: ${title}`} /> : null}
      {/* Always in the page, so that a screen reader announces the notice when it appears. */}
      {editable ? (
        <div role="status" aria-live="polite">
          {notice ? (
            <p className="rich-text-editor__notice" data-testid="paste-notice">
              {notice}
            </p>
          ) : null}
        </div>
      ) : null}
      <EditorContent editor={editor} />
    </div>
  );
}

/**
 * Another person's caret: a line in their colour with their name above it. Hidden from
 * screen readers, which would otherwise read the name as part of the text; the list of
 * who is here says the same.
 */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const colour = typeof user.color === "string" ? user.color : "transparent";
  const caret = document.createElement("span");
  caret.classList.add("collaboration-carets__caret");
  caret.setAttribute("aria-hidden", "true");
  caret.style.borderColor = colour;
  const label = document.createElement("span");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = colour;
  label.textContent = typeof user.name === "string" ? user.name : "Someone";
  caret.append(label);
  return caret;
}

function editorAttributes(labelId: string, hintId: string, editable: boolean): Record<string, string> {
  return {
    class: "rich-text-editor__input",
    role: "textbox",
    "aria-multiline": "true",
    "aria-labelledby": labelId,
    "aria-describedby": hintId,
    ...(editable ? {} : { "aria-readonly": "true" }),
  };
}

function Toolbar({ editor, label }: { editor: Editor; label: string }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      link: e.isActive("link"),
      table: e.isActive("table"),
    }),
  });
  // `pressed` is null for an action (add a row) rather than a style that is on or off.
  const button = (label: string, pressed: boolean | null, run: () => void, shortcut?: string) => (
    <button
      type="button"
      className="rich-text-editor__button"
      aria-pressed={pressed ?? undefined}
      title={shortcut ? `${label} (${shortcut})` : label}
      // Keep the selection in the editor while the button is pressed.
      onMouseDown={(event) => event.preventDefault()}
      onClick={run}
    >
      {label}
    </button>
  );
  const editLink = () => {
    const current = (editor.getAttributes("link").href as string | undefined) ?? "https://";
    const href = window.prompt(
      "Link to a web page (https://…) or an e-mail address (mailto:…). Leave empty to remove the link.",
      current,
    );
    if (href === null) return;
    if (href.trim() === "") {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      return;
    }
    if (!isSafeHref(href.trim())) {
      window.alert("Links must start with https://, http:// or mailto:");
      return;
    }
    editor.chain().focus().extendMarkRange("link").setLink({ href: href.trim() }).run();
  };
  return (
    <div className="rich-text-editor__toolbar" role="toolbar" aria-label={label}>
      {button("Bold", active.bold, () => editor.chain().focus().toggleBold().run(), "Ctrl+B")}
      {button("Italic", active.italic, () => editor.chain().focus().toggleItalic().run(), "Ctrl+I")}
      {button("Bulleted list", active.bulletList, () => editor.chain().focus().toggleBulletList().run())}
      {button("Numbered list", active.orderedList, () => editor.chain().focus().toggleOrderedList().run())}
      {button("Link", active.link, editLink)}
      {active.table ? (
        <>
          {button("Add a row", null, () => editor.chain().focus().addRowAfter().run())}
          {button("Add a column", null, () => editor.chain().focus().addColumnAfter().run())}
          {button("Remove the row", null, () => editor.chain().focus().deleteRow().run())}
          {button("Remove the column", null, () => editor.chain().focus().deleteColumn().run())}
          {button("Remove the table", null, () => editor.chain().focus().deleteTable().run())}
        </>
      ) : (
        button("Table", null, () => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run())
      )}
    </div>
  );
}
