import { Extension, Node, type AnyExtension } from "@tiptap/core";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { TableMap } from "@tiptap/pm/tables";
import StarterKit from "@tiptap/starter-kit";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { TABLE_LIMIT } from "./nesting-limit";

/**
 * What a commentary's rich text may hold: paragraphs, bold, italic, bulleted and
 * numbered lists, line breaks, links and tables. The browser's editor and the server's
 * renderer build their schema from this one list, so the server never renders
 * anything the editor could not have made.
 *
 * Tables sit at the top level only (not in a list, not in a cell), so a table is always
 * four levels from the document (table, row, cell, paragraph) and never one inside
 * another; a cell holds paragraphs and lists. Cells keep no width or alignment: pasted
 * widths in pixels would make a page scroll sideways on a phone, and the PDF shares the
 * page width out itself. The node and attribute names are @tiptap/extension-table's.
 */

/** Links go to web pages or e-mail addresses: nothing that runs script or opens other handlers. */
export const LINK_PROTOCOLS = ["http:", "https:", "mailto:"] as const;

/** True for an absolute http(s) or mailto URL; control characters and whitespace tricks are refused. */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string" || href.length === 0 || href.length > 2048) return false;
  // Browsers ignore tabs and newlines inside a scheme ("java\tscript:"): refuse any control character or space.
  if (/[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return (LINK_PROTOCOLS as readonly string[]).includes(url.protocol);
}

export const LINK_REL = "noopener noreferrer nofollow";

/** The extensions that define the schema. The browser adds Collaboration and CollaborationCaret to these. */
export function commentaryExtensions(options: { onTableLimit?: () => void } = {}): AnyExtension[] {
  return [
    Node.create({ name: "doc", topNode: true, content: "(block | topBlock)+" }),
    ...tableExtensions(options.onTableLimit),
    StarterKit.configure({
      document: false,
      // Collaboration brings its own (per-person) undo.
      undoRedo: false,
      // A trailing paragraph added by each client at once would duplicate in a shared document.
      trailingNode: false,
      heading: false,
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: "https",
        isAllowedUri: (url) => isSafeHref(url),
        shouldAutoLink: (url) => isSafeHref(url) || isSafeHref(`https://${url}`),
        HTMLAttributes: { target: null, rel: LINK_REL, class: null },
      },
    }),
  ];
}

/** Table nodes under the commentary's rules (see above). */
function tableExtensions(onTableLimit?: () => void): AnyExtension[] {
  const cellAttributes = () => ({
    colspan: { default: 1 },
    rowspan: { default: 1 },
    // Kept (null) so documents read the same under @tiptap/extension-table's own schema.
    colwidth: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
  });
  const cellContent = "(paragraph | bulletList | orderedList)+";
  return [
    // A narrow minimum width (12 columns, 192 px) so that a table fits a phone's screen.
    Table.extend({ group: "topBlock" }).configure({
      resizable: false,
      renderWrapper: true,
      allowTableNodeSelection: false,
      cellMinWidth: 16,
    }),
    TableRow,
    TableCell.extend({ content: cellContent, addAttributes: cellAttributes }),
    TableHeader.extend({ content: cellContent, addAttributes: cellAttributes }),
    onTableLimit ? TableLimit.configure({ onRefused: onTableLimit }) : TableLimit,
  ];
}

/** Rows and columns of a table, by the table map (a cell spanning two columns counts two). */
export function tableSize(table: ProseMirrorNode): { rows: number; columns: number } {
  const map = TableMap.get(table);
  return { rows: map.height, columns: map.width };
}

/** How far the document's tables go past the limit, summed over rows and columns: 0 within it. */
export function tableOverflow(doc: ProseMirrorNode): number {
  let over = 0;
  doc.forEach((node) => {
    if (node.type.name !== "table") return;
    const { rows, columns } = tableSize(node);
    over += Math.max(0, rows - TABLE_LIMIT.maxRows) + Math.max(0, columns - TABLE_LIMIT.maxColumns);
  });
  return over;
}

export const tableLimitKey = new PluginKey("tableLimit");

/**
 * Refuses a local change that takes a table past the limit (a row added by Tab in the
 * last cell, "Add a column" on the twelfth). Changes from others arrive through the
 * shared document and are never refused here: the collab server holds the limit for
 * them. A refused change calls `onRefused` so the editor can say why nothing happened.
 */
export const TableLimit = Extension.create<{ onRefused: () => void }>({
  name: "tableLimit",
  addOptions: () => ({ onRefused: () => {} }),
  addProseMirrorPlugins() {
    const onRefused = () => this.options.onRefused();
    return [
      new Plugin({
        key: tableLimitKey,
        filterTransaction(tr) {
          if (!tr.docChanged || tr.getMeta(ySyncPluginKey)?.isChangeOrigin) return true;
          if (tableOverflow(tr.doc) <= tableOverflow(tr.before)) return true;
          onRefused();
          return false;
        },
      }),
    ];
  },
});

/**
 * Caret colours: white label text on each reaches WCAG AA (4.5:1 or more). A person
 * keeps their colour from one visit to the next.
 */
export const CARET_COLOURS = ["#1d4ed8", "#b91c1c", "#047857", "#7c3aed", "#b45309", "#0e7490", "#be185d", "#4d7c0f"] as const;

export function caretColourFor(key: string): string {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return CARET_COLOURS[hash % CARET_COLOURS.length];
}
