import { NESTING_LIMIT } from "../commentary/nesting-limit";
import type { RichText } from "./pack-document";

/**
 * The words of a rich-text body as plain text, one block to a line: what the comparison
 * of two pack versions diffs and what tells a view whether anything was written.
 * List items start "- " (bulleted) or "1. " (numbered, from the list's start) so a
 * change of list shows; a table row is one line, its cells separated by " | " (a cell's
 * own lines joined by spaces); marks and link addresses are left out, as a reader sees only
 * the words. Unknown nodes keep their text, as the renderers do. A node deeper than the
 * nesting limit reads as the limit's marker, so that no body runs the walk out of stack.
 */
export function richTextPlain(rt: RichText | null | undefined): string {
  if (!rt) return "";
  return blockLines(rt, 0)
    .map((line) => line.replace(/[ \t]+$/g, ""))
    .join("\n")
    .trim();
}

/** The lines of a block node (or of the document). */
function blockLines(node: RichText, depth: number): string[] {
  if (depth > NESTING_LIMIT.maxDepth) return [NESTING_LIMIT.marker];
  switch (node.type) {
    case "paragraph":
      return inlineText(node.content ?? [], depth + 1).split("\n");
    case "bulletList":
      return (node.content ?? []).flatMap((item) => listItemLines(item, "- ", depth + 1));
    case "orderedList": {
      const start = typeof node.attrs?.start === "number" && Number.isInteger(node.attrs.start) ? node.attrs.start : 1;
      return (node.content ?? []).flatMap((item, i) => listItemLines(item, `${start + i}. `, depth + 1));
    }
    case "table":
      return (node.content ?? []).map((row) => tableRowLine(row, depth + 1));
    case "text":
    case "hardBreak":
      // Inline content loose among blocks: one line of its own.
      return inlineText([node], depth).split("\n");
    default:
      return childLines(node.content ?? [], depth + 1);
  }
}

/** Consecutive inline nodes among blocks join into one line, as a paragraph would. */
function childLines(children: RichText[], depth: number): string[] {
  const lines: string[] = [];
  let inline: RichText[] = [];
  const flush = () => {
    if (inline.length) lines.push(...inlineText(inline, depth).split("\n"));
    inline = [];
  };
  for (const child of children) {
    if (child.type === "text" || child.type === "hardBreak") inline.push(child);
    else {
      flush();
      lines.push(...blockLines(child, depth));
    }
  }
  flush();
  return lines;
}

/** A list item's first line carries the marker; its later lines (nested lists, more paragraphs) are indented. */
function listItemLines(item: RichText, marker: string, depth: number): string[] {
  if (depth > NESTING_LIMIT.maxDepth) return [marker + NESTING_LIMIT.marker];
  const lines = childLines(item.content ?? [], depth + 1).filter((line, i) => i === 0 || line !== "");
  if (lines.length === 0) return [marker.trimEnd()];
  return lines.map((line, i) => (i === 0 ? marker + line : `  ${line}`));
}

function tableRowLine(row: RichText, depth: number): string {
  if (depth > NESTING_LIMIT.maxDepth) return NESTING_LIMIT.marker;
  return (row.content ?? [])
    .map((cell) =>
      depth + 1 > NESTING_LIMIT.maxDepth
        ? NESTING_LIMIT.marker
        : childLines(cell.content ?? [], depth + 2)
            .map((line) => line.trim())
            .filter((line) => line !== "")
            .join(" "),
    )
    .join(" | ")
    .trim();
}

function inlineText(nodes: RichText[], depth: number): string {
  if (depth > NESTING_LIMIT.maxDepth) return NESTING_LIMIT.marker;
  let text = "";
  for (const node of nodes) {
    if (node.type === "text") text += node.text ?? "";
    else if (node.type === "hardBreak") text += "\n";
    else if (node.content) text += inlineText(node.content, depth + 1);
  }
  return text;
}
