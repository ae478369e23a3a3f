import { createHash } from "node:crypto";
import type { DOMOutputSpec, Mark, Node as ProseMirrorNode, NodeType, MarkType, Schema } from "@tiptap/pm/model";
import * as Y from "yjs";
import { getSchema } from "@tiptap/core";
import { commentaryExtensions, isSafeHref, LINK_REL } from "../../app/shared/commentary/commentary-extensions";
import {
  fragmentText,
  readActions,
  readRecoveryDate,
  richTextFragment,
  toActionRows,
  type RenderedCommentaryData,
} from "../../app/shared/commentary/commentary-content";
import { RICH_TEXT_FIELDS, type RichTextField } from "../../app/shared/commentary/commentary-sections";
import { NESTING_LIMIT, TABLE_LIMIT } from "../../app/shared/commentary/nesting-limit";
import { formatUkDay } from "../../app/shared/dates";
import type { Database } from "../../db/client";
import { SharedDocuments } from "../realtime/yjs/shared-documents";

/**
 * Server-side rendering of commentaries: a stored Yjs document becomes HTML through the
 * same Tiptap schema the editor uses. Whatever a client wrote into the document (it is
 * only Yjs structure, never HTML, but a hostile client can write any element name,
 * attribute or mark), the output holds only the elements and attributes listed in
 * OUTPUT below, text is escaped, and links go only to http, https and mailto.
 */

/** The ProseMirror schema of a commentary section: the editor's extensions, without the browser-only ones. */
export function commentarySchema(): Schema {
  return getSchema(commentaryExtensions());
}

let schema: Schema | null = null;
const theSchema = () => (schema ??= commentarySchema());

/** The document as the collab server stored it: snapshot plus the log after it. Empty when it was never opened. */
export async function loadCommentaryDoc(db: Database, documentName: string): Promise<Y.Doc> {
  return new SharedDocuments(db).read(documentName);
}

// ---------------------------------------------------------------------------
// Y.XmlFragment → ProseMirror JSON → a node checked against the schema
// ---------------------------------------------------------------------------

type JsonNode = { type: string; text?: string; attrs?: Record<string, unknown>; marks?: JsonMark[]; content?: JsonNode[] };
type JsonMark = { type: string; attrs?: Record<string, unknown> };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Keeps only the attributes the type declares, and only scalar values. */
function cleanAttrs(raw: unknown, type: NodeType | MarkType): Record<string, unknown> | undefined {
  if (!isRecord(raw)) return undefined;
  const declared = type.spec.attrs ?? {};
  const attrs: Record<string, unknown> = {};
  for (const key of Object.keys(declared)) {
    const value = raw[key];
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) attrs[key] = value;
  }
  return attrs;
}

function cleanMarks(raw: unknown, s: Schema): JsonMark[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const seen = new Set<string>();
  const marks: JsonMark[] = [];
  for (const mark of raw) {
    if (!isRecord(mark) || typeof mark.type !== "string") continue;
    const type = s.marks[mark.type];
    if (!type || seen.has(type.name)) continue;
    seen.add(type.name);
    marks.push({ type: type.name, attrs: cleanAttrs(mark.attrs, type) });
  }
  return marks.length ? marks : undefined;
}

/**
 * Rebuilds the JSON with known types only. An unknown element (a "script", an "img")
 * is dropped and its text kept; inline content loose among blocks is put in paragraphs.
 */
function cleanNode(raw: unknown, s: Schema): JsonNode[] {
  // y-tiptap gives the text of a Y.XmlText as an array of text nodes.
  if (Array.isArray(raw)) return raw.flatMap((item) => cleanNode(item, s));
  if (!isRecord(raw)) return [];
  if (raw.type === "text") {
    return typeof raw.text === "string" && raw.text !== ""
      ? [{ type: "text", text: raw.text, marks: cleanMarks(raw.marks, s) }]
      : [];
  }
  const children = Array.isArray(raw.content) ? raw.content.flatMap((child) => cleanNode(child, s)) : [];
  const type = typeof raw.type === "string" && Object.hasOwn(s.nodes, raw.type) ? s.nodes[raw.type] : undefined;
  if (!type || type === s.topNodeType || type.name === "text") {
    // Its words stay a block of their own (and merge into the paragraph if it sat inside one).
    return children.length > 0 && children.every((child) => isInlineJson(child, s))
      ? [{ type: "paragraph", content: children }]
      : children;
  }
  return [{ type: type.name, attrs: cleanAttrs(raw.attrs, type), content: fitChildren(type, children, s) }];
}

const isInlineJson = (node: JsonNode, s: Schema) => s.nodes[node.type]?.isInline ?? false;

function inlineOf(node: JsonNode, s: Schema): JsonNode[] {
  return isInlineJson(node, s) ? [node] : (node.content ?? []).flatMap((child) => inlineOf(child, s));
}

function fitChildren(type: NodeType, children: JsonNode[], s: Schema): JsonNode[] {
  if (type.isLeaf) return [];
  if (type.isTextblock) return children.flatMap((child) => inlineOf(child, s));
  // A block container: runs of inline content become paragraphs.
  const blocks: JsonNode[] = [];
  let run: JsonNode[] = [];
  const endRun = () => {
    if (run.length) blocks.push({ type: "paragraph", content: run });
    run = [];
  };
  for (const child of children) {
    if (isInlineJson(child, s)) run.push(child);
    else {
      endRun();
      blocks.push(child);
    }
  }
  endRun();
  // Lists hold list items only.
  if (type.name === "bulletList" || type.name === "orderedList") {
    return blocks.map((block) => (block.type === "listItem" ? block : { type: "listItem", content: [block] }));
  }
  return blocks;
}

/** y-tiptap names a mark that overlaps itself "<name>--<hash>"; the mark is <name>. */
const markName = (attribute: string) => /(.*)(--[a-zA-Z0-9+/=]{8})$/.exec(attribute)?.[1] ?? attribute;

/**
 * The fragment as ProseMirror JSON, as y-tiptap's yXmlFragmentToProsemirrorJSON makes
 * it, except that an element deeper than the nesting limit becomes a paragraph saying
 * so: the walk (and every walk of its result) then stays within a few dozen levels.
 */
function fragmentJson(fragment: Y.XmlFragment): JsonNode {
  const serialize = (node: unknown, depth: number): JsonNode[] => {
    if (node instanceof Y.XmlText) {
      return (node.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[])
        .filter((op) => typeof op.insert === "string")
        .map((op) => ({
          type: "text",
          text: op.insert as string,
          marks: op.attributes
            ? Object.entries(op.attributes).map(([name, attrs]) => ({
                type: markName(name),
                attrs: attrs as Record<string, unknown>,
              }))
            : undefined,
        }));
    }
    if (!(node instanceof Y.XmlElement)) return [];
    if (depth > NESTING_LIMIT.maxDepth) return [{ type: "paragraph", content: [{ type: "text", text: NESTING_LIMIT.marker }] }];
    return [
      {
        type: node.nodeName,
        attrs: node.getAttributes() as Record<string, unknown>,
        content: node.toArray().flatMap((child) => serialize(child, depth + 1)),
      },
    ];
  };
  return { type: "doc", content: fragment.toArray().flatMap((child) => serialize(child, 1)) };
}

/** The section as a ProseMirror document valid under the schema, or null when it is empty. */
export function fragmentToNode(fragment: Y.XmlFragment): ProseMirrorNode | null {
  const s = theSchema();
  let json: unknown;
  try {
    json = fragmentJson(fragment);
  } catch {
    json = null;
  }
  const content =
    isRecord(json) && Array.isArray(json.content)
      ? fitChildren(
          s.topNodeType,
          json.content.flatMap((c) => cleanNode(c, s)),
          s,
        )
      : [];
  try {
    if (content.length === 0) throw new Error("empty");
    const node = s.nodeFromJSON({ type: s.topNodeType.name, content });
    node.check();
    return node.textContent.trim() ? node : null;
  } catch {
    // A structure the editor could never have made: keep the words, one paragraph per line.
    const lines = fragmentText(fragment)
      .split("\n")
      .filter((line) => line.trim());
    if (lines.length === 0) return null;
    return s.topNodeType.create(
      null,
      lines.map((line) => s.nodes.paragraph.create(null, s.text(line))),
    );
  }
}

// ---------------------------------------------------------------------------
// ProseMirror node → HTML, from each type's toDOM, through an allowlist
// ---------------------------------------------------------------------------

/** A cell's span: a small whole number (2 to the table limit); 1, the default, is not written. */
function isSpan(value: string): boolean {
  return /^\d{1,3}$/.test(value) && Number(value) > 1 && Number(value) <= Math.max(TABLE_LIMIT.maxRows, TABLE_LIMIT.maxColumns);
}

/** Every element the renderer may write, with the attributes each may carry. */
const OUTPUT: Record<string, Record<string, (value: string) => boolean>> = {
  p: {},
  br: {},
  strong: {},
  em: {},
  ul: {},
  li: {},
  ol: { start: (v) => /^\d{1,6}$/.test(v), type: (v) => /^[1aAiI]$/.test(v) },
  a: { href: isSafeHref },
  table: {},
  tbody: {},
  tr: {},
  th: { colspan: isSpan, rowspan: isSpan },
  td: { colspan: isSpan, rowspan: isSpan },
};

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Writes a DOMOutputSpec (["p", {attrs}, 0]) as HTML; the hole (0) is `inner`. */
function specToHtml(spec: DOMOutputSpec, inner: string): string {
  if (typeof spec === "string") return escapeHtml(spec);
  if (!Array.isArray(spec)) return inner; // a DOM node: not made by our extensions, keep the content only
  const [tagSpec, ...rest] = spec as unknown as [string, ...unknown[]];
  const tag = String(tagSpec).toLowerCase();
  let children = rest;
  let attrs: Record<string, unknown> = {};
  if (isRecord(children[0]) && !Array.isArray(children[0])) {
    attrs = children[0];
    children = children.slice(1);
  }
  const body = children.map((child) => (child === 0 ? inner : specToHtml(child as DOMOutputSpec, inner))).join("");
  const allowed = Object.hasOwn(OUTPUT, tag) ? OUTPUT[tag] : null;
  if (!allowed) return body;
  const written: string[] = [];
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || !Object.hasOwn(allowed, name)) continue;
    const text = String(value);
    if (allowed[name](text)) written.push(`${name}="${escapeHtml(text)}"`);
  }
  if (tag === "a") {
    // A link whose address is refused is shown as its words only.
    if (!written.some((w) => w.startsWith("href="))) return body;
    written.push(`rel="${LINK_REL}"`);
  }
  const open = `<${tag}${written.length ? ` ${written.join(" ")}` : ""}>`;
  return tag === "br" ? open : `${open}${body}</${tag}>`;
}

function markToHtml(mark: Mark, inner: string): string {
  const toDOM = mark.type.spec.toDOM;
  return toDOM ? specToHtml(toDOM(mark, true), inner) : inner;
}

function nodeToHtml(node: ProseMirrorNode): string {
  if (node.isText) {
    // Marks outermost first, as ProseMirror orders them.
    return node.marks.reduceRight((html, mark) => markToHtml(mark, html), escapeHtml(node.text ?? ""));
  }
  let inner = "";
  node.forEach((child) => {
    inner += nodeToHtml(child);
  });
  const toDOM = node.type.spec.toDOM;
  return toDOM ? specToHtml(toDOM(node), inner) : inner;
}

/**
 * One rich-text section as HTML ("" when nothing is written). `maxBlocks` keeps only the
 * first blocks, for an excerpt; `truncated` says whether anything was left out.
 */
export function renderRichText(
  fragment: Y.XmlFragment,
  options: { maxBlocks?: number } = {},
): { html: string; truncated: boolean } {
  const node = fragmentToNode(fragment);
  if (!node) return { html: "", truncated: false };
  let html = "";
  let count = 0;
  node.forEach((block) => {
    if (options.maxBlocks !== undefined && count >= options.maxBlocks) return;
    html += nodeToHtml(block);
    count += 1;
  });
  return { html, truncated: count < node.childCount };
}

export function renderSection(doc: Y.Doc, field: RichTextField, options?: { maxBlocks?: number }) {
  return renderRichText(richTextFragment(doc, field), options);
}

/**
 * A digest of what the commentary says: every section as rendered, the actions and the
 * recovery date. Two documents that read the same have the same fingerprint, however
 * their Yjs histories differ (an empty paragraph added by an editor changes nothing).
 */
export function commentaryFingerprint(doc: Y.Doc): string {
  const content = {
    sections: RICH_TEXT_FIELDS.map((field) => renderSection(doc, field).html),
    actions: readActions(doc).map(({ action, ownerId, due, status }) => [action.trim(), ownerId, due, status]),
    recoveryDate: readRecoveryDate(doc),
  };
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

/** The whole commentary, read only, as the page shows it before (or without) the live editor. */
export function renderedCommentary(doc: Y.Doc, people: { id: string; name: string }[]): RenderedCommentaryData {
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? "";
  return {
    sections: Object.fromEntries(RICH_TEXT_FIELDS.map((field) => [field, renderSection(doc, field).html])),
    actions: toActionRows(readActions(doc), nameOf),
    recoveryDate: formatUkDay(readRecoveryDate(doc)),
  };
}
