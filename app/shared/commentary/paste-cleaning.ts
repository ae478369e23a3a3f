import { TABLE_LIMIT, TABLE_LIMIT_MESSAGE } from "./nesting-limit";

/**
 * Cleaning what is pasted from Word, Excel or a web page before the editor reads it.
 * The editor's schema already drops what it cannot hold, but Word's HTML needs help to
 * keep what it means: its lists are paragraphs styled "mso-list" with the bullet or
 * number as text (which would be pasted as a "·" at the start of a paragraph), Excel
 * makes a cell bold through a class defined in a <style> block, and a Word table may
 * hold another table the schema cannot. What comes out is plain HTML of the elements the
 * schema reads: paragraphs, line breaks, bold, italic, links, lists and tables (cells
 * with their spans), tables cut to the limit. Styles, classes, images and the rest go,
 * and the result says so, for the notice under the toolbar.
 *
 * A string walk, not a DOM, so that it is a pure function tested in Node; it is no
 * security boundary (the schema's parser is), only a matter of faithful reading.
 */

export const PASTE_NOTICE = "Images and formatting were removed from the pasted text";

export type CleanedPaste = {
  html: string;
  /** Something was left out: an image, a style, a class, a font. */
  removed: boolean;
  /** A table had more rows or columns than the limit: the rest was left out. */
  tableCut: boolean;
};

/** What the editor says after a paste, or null when nothing was lost. */
export function pasteNotice(result: CleanedPaste): string | null {
  const parts: string[] = [];
  if (result.removed) parts.push(`${PASTE_NOTICE}.`);
  if (result.tableCut) parts.push(`${TABLE_LIMIT_MESSAGE}: the rest of the pasted table was left out.`);
  return parts.length ? parts.join(" ") : null;
}

/** Elements dropped with everything inside them. */
const DROPPED_WITH_CONTENT = new Set([
  "head",
  "style",
  "script",
  "title",
  "xml",
  "template",
  "noscript",
  "object",
  "iframe",
  "svg",
  "canvas",
  "video",
  "audio",
  "math",
  "select",
  "textarea",
  "button",
]);
const IMAGES = new Set(["img", "picture", "svg", "canvas", "video", "v:shape", "v:imagedata", "v:image", "object", "iframe"]);
const VOID = new Set([
  "br",
  "img",
  "hr",
  "meta",
  "link",
  "input",
  "col",
  "area",
  "base",
  "wbr",
  "source",
  "embed",
  "param",
  "track",
]);
/** Attributes that are meaning, not formatting, on the elements that keep them. */
const KEPT_ATTRIBUTES: Record<string, string[]> = {
  a: ["href"],
  td: ["colspan", "rowspan"],
  th: ["colspan", "rowspan"],
  ol: ["start"],
};
/** Attributes that carry nothing a reader would miss. */
const IGNORED_ATTRIBUTES = new Set(["lang", "dir", "id", "name", "x:str", "x:num", "height", "span", "data-sheets-value"]);
const BLOCKS = new Set(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "address", "center"]);
const LIST_PARTS = new Set(["ul", "ol", "li"]);
const TABLE_PARTS = new Set(["table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col"]);

type Tag = { name: string; end: boolean; selfClosing: boolean; attrs: Map<string, string> };

/** A Word list paragraph, gathered until its end, then put into a list with its neighbours. */
type ListParagraph = { level: number; marker: string; parts: string[] };

type Open = {
  name: string;
  /** What closes what was written for the start tag ("" when nothing was written). */
  close: string;
  list?: ListParagraph;
  /** Word's span around a list marker: the marker ends with it. */
  endsMarker?: boolean;
};

const TOKEN =
  /<!--([\s\S]*?)-->|<!\[([^\]]*)\]>|<!(?!--)[^>]*>|<(\/?)([a-zA-Z][\w:.-]*)((?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>|[^<]+|</;
const ATTRIBUTE = /([^\s/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

function readAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) attrs.set(match[1].toLowerCase(), match[2] ?? match[3] ?? match[4] ?? "");
  return attrs;
}

const escapeAttribute = (value: string) => value.replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** Bold and italic of a style declaration (Word, Excel and browsers write them all ways). */
function emphasis(style: string): { bold: boolean | null; italic: boolean | null } {
  const weight = /(?:^|;)\s*font-weight\s*:\s*([^;]+)/i.exec(style)?.[1]?.trim().toLowerCase();
  const fontStyle = /(?:^|;)\s*font-style\s*:\s*([^;]+)/i.exec(style)?.[1]?.trim().toLowerCase();
  return {
    bold: weight === undefined ? null : weight === "bold" || weight === "bolder" || /^[6-9]00$/.test(weight),
    italic: fontStyle === undefined ? null : fontStyle === "italic" || fontStyle === "oblique",
  };
}

/** The classes a <style> block makes bold or italic (Excel writes ".xl65 {font-weight:700;}"). */
function classEmphasis(html: string): Map<string, { bold: boolean; italic: boolean }> {
  const classes = new Map<string, { bold: boolean; italic: boolean }>();
  for (const block of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
    for (const rule of block[1].matchAll(/([^{}]+)\{([^}]*)\}/g)) {
      const { bold, italic } = emphasis(rule[2]);
      if (!bold && !italic) continue;
      for (const selector of rule[1].split(","))
        for (const name of selector.matchAll(/\.([\w-]+)/g)) classes.set(name[1], { bold: !!bold, italic: !!italic });
    }
  }
  return classes;
}

const isOrderedMarker = (marker: string) => /^(\d{1,4}|[a-z]{1,4})[.)]$/i.test(marker);

/** Word list paragraphs in a row, as nested lists by their levels. */
function listsOf(paragraphs: ListParagraph[]): string {
  let html = "";
  const open: string[] = [];
  for (const paragraph of paragraphs) {
    const tag = isOrderedMarker(paragraph.marker) ? "ol" : "ul";
    const level = Math.max(1, Math.min(paragraph.level, open.length + 1));
    while (open.length > level) html += `</li></${open.pop()}>`;
    if (open.length === level && open[level - 1] === tag) html += "</li><li>";
    else {
      if (open.length === level) html += `</li></${open.pop()}>`;
      html += `<${tag}><li>`;
      open.push(tag);
    }
    html += `<p>${paragraph.parts.join("")}</p>`;
  }
  while (open.length) html += `</li></${open.pop()}>`;
  return html;
}

/** Pasted HTML as the editor should read it; see the top of this file. */
export function cleanPastedHtml(html: string): CleanedPaste {
  // Copied from a Minuted editor (ProseMirror marks its slices): already in the schema's
  // shape, and the slice's depth, which a paste into a list or a cell needs, must stay.
  if (/^\s*(?:<meta[^>]*>\s*)?<[a-z][^>]*\sdata-pm-slice=/i.test(html)) return { html, removed: false, tableCut: false };
  const classes = classEmphasis(html);
  let removed = false;
  let tableCut = false;
  // What has been written: text, or a Word list paragraph waiting to join its neighbours.
  const out: (string | ListParagraph)[] = [];
  const stack: Open[] = [];
  const tables: { rows: number; columns: number; skipping: boolean }[] = [];
  let skip: { name: string; depth: number } | null = null;
  let inListMarker = false;

  const capture = () => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].list) return stack[i].list!;
    return null;
  };
  const write = (text: string) => {
    const list = capture();
    if (list) list.parts.push(text);
    else out.push(text);
  };
  const close = (index: number) => {
    while (stack.length > index) {
      const open = stack.pop()!;
      if (open.endsMarker) inListMarker = false;
      if (open.list) out.push(open.list);
      else write(open.close);
    }
  };
  const closeNamed = (name: string) => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].name === name) return close(i);
  };
  /** HTML lets a new block end an open paragraph; a cell, item or table bounds the search. */
  const endParagraph = () => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const name = stack[i].name;
      if (name === "p") return close(i);
      if (name === "td" || name === "th" || name === "li" || name === "table") return;
    }
  };
  const tableDepth = () => tables.length;
  const currentTable = () => tables[tables.length - 1];

  for (const match of html.matchAll(new RegExp(TOKEN, "g"))) {
    const [token, comment, bracket, slash, rawName, rawAttrs, selfSlash] = match;
    if (comment !== undefined) {
      // Word's shapes and images come inside conditional comments.
      if (/v:imagedata|v:shape|<img/i.test(comment)) removed = true;
      if (/^\[if !supportLists\]$/i.test(comment.trim())) inListMarker = true;
      else if (/^\[endif\]$/i.test(comment.trim())) inListMarker = false;
      continue;
    }
    if (bracket !== undefined) {
      if (/^if !supportLists$/i.test(bracket.trim())) inListMarker = true;
      else if (/^endif$/i.test(bracket.trim())) inListMarker = false;
      continue;
    }
    if (rawName === undefined) {
      if (token.startsWith("<!")) continue; // a doctype
      if (skip) continue;
      const text = token === "<" ? "&lt;" : token;
      if (inListMarker) {
        const list = capture();
        if (list) list.marker += text.replace(/&nbsp;|&#160;|\s/g, "");
        continue;
      }
      write(text);
      continue;
    }

    const name = rawName.toLowerCase();
    const tag: Tag = { name, end: slash === "/", selfClosing: selfSlash === "/", attrs: readAttributes(rawAttrs ?? "") };
    if (skip) {
      if (tag.name === skip.name && !VOID.has(name) && !tag.selfClosing) skip.depth += tag.end ? -1 : 1;
      if (skip.depth === 0) skip = null;
      continue;
    }
    if (IMAGES.has(name)) removed = true;
    if (inListMarker && !tag.end) {
      if (!VOID.has(name) && !tag.selfClosing) stack.push({ name, close: "" });
      continue;
    }

    if (tag.end) {
      if (name === "table" && stack.some((open) => open.name === "table")) {
        closeNamed("table");
        tables.pop();
      } else closeNamed(name);
      continue;
    }

    // Formatting that will not come through: any attribute but the few that carry meaning.
    const kept = KEPT_ATTRIBUTES[name] ?? [];
    for (const attribute of tag.attrs.keys()) if (!kept.includes(attribute) && !IGNORED_ATTRIBUTES.has(attribute)) removed = true;
    if (
      ["font", "u", "s", "strike", "sup", "sub", "o:p", "span", "mark", "small", "big", "code"].includes(name) &&
      tag.attrs.size > 0
    )
      removed = true;

    const style = tag.attrs.get("style") ?? "";
    if (DROPPED_WITH_CONTENT.has(name) || (name === "span" && /mso-list\s*:\s*ignore/i.test(style))) {
      if (name === "span") {
        // Word's bullet or number: read as the list's marker, not as text.
        if (!tag.selfClosing) stack.push({ name, close: "", endsMarker: true });
        inListMarker = true;
        continue;
      }
      if (!VOID.has(name) && !tag.selfClosing) skip = { name, depth: 1 };
      continue;
    }
    if (VOID.has(name) || tag.selfClosing) {
      if (name === "br") write("<br>");
      continue;
    }

    // Tables: cut to the limit; one inside another is flattened into its cell.
    if (TABLE_PARTS.has(name)) {
      if (name === "colgroup" || name === "caption") {
        skip = { name, depth: 1 };
        continue;
      }
      if (name === "table") {
        endParagraph();
        tables.push({ rows: 0, columns: 0, skipping: false });
        if (tableDepth() > 1) {
          stack.push({ name, close: "" });
          continue;
        }
        write("<table>");
        stack.push({ name, close: "</table>" });
        continue;
      }
      const table = currentTable();
      if (!table) {
        stack.push({ name, close: "" });
        continue;
      }
      if (tableDepth() > 1) {
        // A table inside a cell: each of its cells becomes a paragraph.
        if (name === "td" || name === "th") {
          write("<p>");
          stack.push({ name, close: "</p>" });
        } else stack.push({ name, close: "" });
        continue;
      }
      if (name === "tr") {
        table.rows += 1;
        table.columns = 0;
        if (table.rows > TABLE_LIMIT.maxRows) {
          tableCut = true;
          skip = { name, depth: 1 };
          continue;
        }
        write("<tr>");
        stack.push({ name, close: "</tr>" });
        continue;
      }
      if (name === "td" || name === "th") {
        const span = (attribute: string, max: number) => {
          const value = Number(tag.attrs.get(attribute));
          return Number.isInteger(value) && value > 1 ? Math.min(value, max) : 1;
        };
        const colspan = span("colspan", TABLE_LIMIT.maxColumns);
        if (table.columns + colspan > TABLE_LIMIT.maxColumns) {
          tableCut = true;
          table.columns += colspan;
          skip = { name, depth: 1 };
          continue;
        }
        table.columns += colspan;
        const rowspan = span("rowspan", TABLE_LIMIT.maxRows);
        const attrs = `${colspan > 1 ? ` colspan="${colspan}"` : ""}${rowspan > 1 ? ` rowspan="${rowspan}"` : ""}`;
        const { open, close: end } = emphasisTags(tag, classes);
        write(`<${name}${attrs}>${open}`);
        stack.push({ name, close: `${end}</${name}>` });
        continue;
      }
      // thead, tbody, tfoot: rows are all the schema knows.
      stack.push({ name, close: "" });
      continue;
    }

    if (BLOCKS.has(name) || LIST_PARTS.has(name)) endParagraph();

    // A Word list paragraph: "mso-list:l0 level2 lfo1" in its style.
    const wordList = /mso-list\s*:\s*l\d+\s+level(\d+)/i.exec(style);
    if (wordList && (name === "p" || /^h[1-6]$/.test(name))) {
      stack.push({ name: "p", close: "", list: { level: Number(wordList[1]), marker: "", parts: [] } });
      continue;
    }
    if (BLOCKS.has(name)) {
      const element = name === "div" || name === "blockquote" ? "div" : "p";
      const { open, close: end } = emphasisTags(tag, classes);
      write(`<${element}>${open}`);
      stack.push({ name, close: `${end}</${element}>` });
      continue;
    }
    if (LIST_PARTS.has(name)) {
      const start = Number(tag.attrs.get("start"));
      const attrs = name === "ol" && Number.isInteger(start) && start > 1 ? ` start="${start}"` : "";
      write(`<${name}${attrs}>`);
      stack.push({ name, close: `</${name}>` });
      continue;
    }
    if (name === "a") {
      const href = tag.attrs.get("href")?.trim();
      // Word's bookmarks and contents entries point within the document: no use once pasted.
      if (href && !href.startsWith("#")) {
        write(`<a href="${escapeAttribute(href)}">`);
        stack.push({ name, close: "</a>" });
      } else stack.push({ name, close: "" });
      continue;
    }
    if (name === "b" || name === "strong" || name === "i" || name === "em") {
      const { bold, italic } = emphasis(style);
      // Google Docs wraps everything in <b style="font-weight:normal">.
      const keep = name === "b" || name === "strong" ? bold !== false : italic !== false;
      const element = name === "b" || name === "strong" ? "strong" : "em";
      write(keep ? `<${element}>` : "");
      stack.push({ name, close: keep ? `</${element}>` : "" });
      continue;
    }
    // span, font and the rest: only their bold and italic come through.
    const { open, close: end } = emphasisTags(tag, classes);
    write(open);
    stack.push({ name, close: end });
  }
  close(0);

  // Word list paragraphs next to each other (with only space between) make one list.
  let result = "";
  let run: ListParagraph[] = [];
  let between = "";
  for (const part of out) {
    if (typeof part !== "string") {
      run.push(part);
      between = "";
    } else if (run.length && part.trim() === "") between += part;
    else {
      if (run.length) result += listsOf(run) + between;
      run = [];
      between = "";
      result += part;
    }
  }
  if (run.length) result += listsOf(run) + between;
  // Word's spacing paragraphs and the ones that held only an image: empty cells are filled by the editor.
  return { html: result.replace(/<p>(?:\s|&nbsp;|&#160;)*<\/p>/g, ""), removed, tableCut };
}

/** <strong> and <em> for what a style or a class makes bold or italic. */
function emphasisTags(tag: Tag, classes: Map<string, { bold: boolean; italic: boolean }>): { open: string; close: string } {
  const fromStyle = emphasis(tag.attrs.get("style") ?? "");
  const fromClass = (tag.attrs.get("class") ?? "")
    .split(/\s+/)
    .map((name) => classes.get(name))
    .filter((value) => value !== undefined);
  const bold = fromStyle.bold ?? fromClass.some((value) => value.bold);
  const italic = fromStyle.italic ?? fromClass.some((value) => value.italic);
  return {
    open: `${bold ? "<strong>" : ""}${italic ? "<em>" : ""}`,
    close: `${italic ? "</em>" : ""}${bold ? "</strong>" : ""}`,
  };
}
