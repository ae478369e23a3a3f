import { Fragment, type ReactNode } from "react";
import { isSafeHref, LINK_REL } from "../../shared/commentary/commentary-extensions";
import type { RichText } from "../../shared/packs/pack-document";

/**
 * Rich text of a pack (ProseMirror JSON under the commentary schema) as React elements.
 * Only the schema's nodes (paragraph, bulletList, orderedList, listItem, hardBreak, text,
 * table, tableRow, tableHeader, tableCell) and marks (bold, italic, link) become elements; anything else a stored document might
 * hold is dropped and its text kept. Text goes through React, so it is escaped, and a
 * link whose address is not http, https or mailto is shown as its words alone.
 */
export function RichTextView({ content, className = "pack-prose" }: { content: RichText | null; className?: string }) {
  if (!content) return null;
  return <div className={className}>{renderNodes(content.type === "doc" ? (content.content ?? []) : [content])}</div>;
}

function renderNodes(nodes: RichText[]): ReactNode[] {
  return nodes.map((node, i) => renderNode(node, i));
}

function renderNode(node: RichText, key: number): ReactNode {
  const children = () => renderNodes(node.content ?? []);
  switch (node.type) {
    case "paragraph":
      return <p key={key}>{children()}</p>;
    case "bulletList":
      return <ul key={key}>{children()}</ul>;
    case "orderedList": {
      const start = node.attrs?.start;
      return (
        <ol key={key} start={typeof start === "number" && Number.isInteger(start) && start !== 1 ? start : undefined}>
          {children()}
        </ol>
      );
    }
    case "listItem":
      return <li key={key}>{children()}</li>;
    case "hardBreak":
      return <br key={key} />;
    case "table":
      return (
        <div key={key} className="rich-table">
          <table>
            <tbody>{children()}</tbody>
          </table>
        </div>
      );
    case "tableRow":
      return <tr key={key}>{children()}</tr>;
    case "tableHeader":
      return (
        <th key={key} scope={spanOf(node.attrs?.colspan) > 1 ? "colgroup" : "col"} {...spans(node)}>
          {children()}
        </th>
      );
    case "tableCell":
      return (
        <td key={key} {...spans(node)}>
          {children()}
        </td>
      );
    case "text":
      return typeof node.text === "string" && node.text !== "" ? (
        <MarkedText key={key} text={node.text} marks={node.marks ?? []} />
      ) : null;
    default:
      // Not in the schema: keep the words, lose the element.
      return node.content?.length ? <Fragment key={key}>{children()}</Fragment> : null;
  }
}

/** A cell's span as written, or 1 when it is not a small whole number. */
function spanOf(value: unknown): number {
  return typeof value === "number" && Number.isInteger(value) && value > 1 && value <= 1000 ? value : 1;
}

const spans = (node: RichText) => ({
  colSpan: spanOf(node.attrs?.colspan) > 1 ? spanOf(node.attrs?.colspan) : undefined,
  rowSpan: spanOf(node.attrs?.rowspan) > 1 ? spanOf(node.attrs?.rowspan) : undefined,
});

/** Marks wrap in a fixed order (link outermost), so the same text always gives the same markup. */
function MarkedText({ text, marks }: { text: string; marks: NonNullable<RichText["marks"]> }) {
  const has = (type: string) => marks.some((mark) => mark.type === type);
  let result: ReactNode = text;
  if (has("italic")) result = <em>{result}</em>;
  if (has("bold")) result = <strong>{result}</strong>;
  const href = marks.find((mark) => mark.type === "link")?.attrs?.href;
  if (isSafeHref(href))
    result = (
      <a href={href} rel={LINK_REL}>
        {result}
      </a>
    );
  return <>{result}</>;
}
