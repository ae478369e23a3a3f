import type { RichText } from "./pack-document";

/**
 * The words of a rich-text body as plain text, one block to a line: what the comparison
 * of two pack versions diffs and what tells a view whether anything was written.
 * List items start "- " (bulleted) or "1. " (numbered, from the list's start) so a
 * change of list shows; marks and link addresses are left out, as a reader sees only
 * the words. Unknown nodes keep their text, as the renderers do.
 */
export function richTextPlain(rt: RichText | null | undefined): string {
  if (!rt) return "";
  return blockLines(rt)
    .map((line) => line.replace(/[ \t]+$/g, ""))
    .join("\n")
    .trim();
}

/** The lines of a block node (or of the document). */
function blockLines(node: RichText): string[] {
  switch (node.type) {
    case "paragraph":
      return inlineText(node.content ?? []).split("\n");
    case "bulletList":
      return (node.content ?? []).flatMap((item) => listItemLines(item, "- "));
    case "orderedList": {
      const start = typeof node.attrs?.start === "number" && Number.isInteger(node.attrs.start) ? node.attrs.start : 1;
      return (node.content ?? []).flatMap((item, i) => listItemLines(item, `${start + i}. `));
    }
    case "text":
    case "hardBreak":
      // Inline content loose among blocks: one line of its own.
      return inlineText([node]).split("\n");
    default:
      return childLines(node.content ?? []);
  }
}

/** Consecutive inline nodes among blocks join into one line, as a paragraph would. */
function childLines(children: RichText[]): string[] {
  const lines: string[] = [];
  let inline: RichText[] = [];
  const flush = () => {
    if (inline.length) lines.push(...inlineText(inline).split("\n"));
    inline = [];
  };
  for (const child of children) {
    if (child.type === "text" || child.type === "hardBreak") inline.push(child);
    else {
      flush();
      lines.push(...blockLines(child));
    }
  }
  flush();
  return lines;
}

/** A list item's first line carries the marker; its later lines (nested lists, more paragraphs) are indented. */
function listItemLines(item: RichText, marker: string): string[] {
  const lines = childLines(item.content ?? []).filter((line, i) => i === 0 || line !== "");
  if (lines.length === 0) return [marker.trimEnd()];
  return lines.map((line, i) => (i === 0 ? marker + line : `  ${line}`));
}

function inlineText(nodes: RichText[]): string {
  let text = "";
  for (const node of nodes) {
    if (node.type === "text") text += node.text ?? "";
    else if (node.type === "hardBreak") text += "\n";
    else if (node.content) text += inlineText(node.content);
  }
  return text;
}
