import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { commentarySchema, fragmentToNode, loadCommentaryDoc, renderRichText } from "./render-commentary";
import { createTestDatabase } from "../../tests/support/test-database";
import { SYSTEM_ACTOR } from "../audit";
import { createOrganisation } from "../commands/organisation-creator";
import { createPostgresStorage } from "../realtime/yjs/document-storage";
import { NESTING_LIMIT } from "../../app/shared/commentary/nesting-limit";
import { nestDeeply } from "../../tests/support/deep-content";

/** A section written the way the editor writes it: ProseMirror JSON through y-tiptap. */
function editorFragment(content: unknown[]) {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("reason");
  prosemirrorJSONToYXmlFragment(commentarySchema(), { type: "doc", content }, fragment);
  return fragment;
}

/** A section written by a hostile client straight into Yjs, which no schema checks. */
function hostileFragment(build: (fragment: Y.XmlFragment) => void) {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("reason");
  doc.transact(() => build(fragment));
  return fragment;
}

const paragraph = (...children: (Y.XmlText | Y.XmlElement)[]) => {
  const p = new Y.XmlElement("paragraph");
  p.insert(0, children);
  return p;
};
const text = (value: string, attributes?: Record<string, unknown>) => {
  const t = new Y.XmlText();
  t.insert(0, value, attributes);
  return t;
};

/**
 * Every tag in the output is one the renderer allows, with allowed attributes, and every
 * address is http, https or mailto. Text is escaped, so each "<" opens a tag we wrote.
 */
function expectInert(html: string) {
  const tags = html.match(/<[^>]*>/g) ?? [];
  for (const tag of tags) {
    const match = /^<\/?([a-z]+)((?:\s+[a-z]+="[^"<>]*")*)\s*>$/.exec(tag);
    expect(match, `a well-formed tag: ${tag}`).not.toBeNull();
    const [, name, attributes] = match!;
    expect(["p", "br", "strong", "em", "ul", "ol", "li", "a", "table", "tbody", "tr", "th", "td"]).toContain(name);
    for (const [, attr, value] of attributes.matchAll(/([a-z]+)="([^"]*)"/g)) {
      expect(["href", "rel", "start", "type", "colspan", "rowspan"]).toContain(attr);
      if (attr === "colspan" || attr === "rowspan") expect(value).toMatch(/^\d{1,3}$/);
      if (attr === "href") expect(value).toMatch(/^(https?:\/\/|mailto:)/);
    }
  }
  expect(html).not.toMatch(/<(script|img|iframe|svg|style|object|embed|form|input)/i);
}

describe("renderRichText", () => {
  it("renders a section nested 5,000 levels deep with the marker where the limit is, without running out of stack", () => {
    const fragment = hostileFragment((f) => f.insert(0, [paragraph(text("Above."))]));
    nestDeeply(fragment, 5000, "Below.", "bulletList");
    const { html } = renderRichText(fragment);
    // Lists straight inside lists are no structure the editor makes: the words are kept, one paragraph a line.
    expect(html).toBe(`<p>Above.</p><p>${NESTING_LIMIT.marker}</p>`);
    expect(fragmentToNode(fragment)!.textContent).toBe(`Above.${NESTING_LIMIT.marker}`);
  });

  it("renders what the editor writes: paragraphs, bold, italic, lists, breaks and links", () => {
    const { html, truncated } = renderRichText(
      editorFragment([
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Voids rose ", marks: [{ type: "bold" }] },
            { type: "text", text: "in the North", marks: [{ type: "italic" }] },
          ],
        },
        {
          type: "bulletList",
          content: [
            {
              type: "listItem",
              content: [
                {
                  type: "paragraph",
                  content: [{ type: "text", text: "two" }, { type: "hardBreak" }, { type: "text", text: "lines" }],
                },
              ],
            },
          ],
        },
        {
          type: "orderedList",
          attrs: { start: 3 },
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "third" }] }] }],
        },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "the plan", marks: [{ type: "link", attrs: { href: "https://example.org/plan?a=1&b=2" } }] },
          ],
        },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "write to us", marks: [{ type: "link", attrs: { href: "mailto:voids@example.org" } }] },
          ],
        },
      ]),
    );
    expect(truncated).toBe(false);
    expect(html).toBe(
      "<p><strong>Voids rose </strong><em>in the North</em></p>" +
        "<ul><li><p>two<br>lines</p></li></ul>" +
        '<ol start="3"><li><p>third</p></li></ol>' +
        '<p><a href="https://example.org/plan?a=1&amp;b=2" rel="noopener noreferrer nofollow">the plan</a></p>' +
        '<p><a href="mailto:voids@example.org" rel="noopener noreferrer nofollow">write to us</a></p>',
    );
    expectInert(html);
  });

  it("returns nothing for an empty section, or one of blank paragraphs", () => {
    expect(renderRichText(new Y.Doc().getXmlFragment("reason")).html).toBe("");
    expect(
      renderRichText(editorFragment([{ type: "paragraph" }, { type: "paragraph", content: [{ type: "text", text: "   " }] }]))
        .html,
    ).toBe("");
  });

  it("keeps the first blocks only for an excerpt, and says so", () => {
    const fragment = editorFragment([
      { type: "paragraph", content: [{ type: "text", text: "First." }] },
      { type: "paragraph", content: [{ type: "text", text: "Second." }] },
    ]);
    expect(renderRichText(fragment, { maxBlocks: 1 })).toEqual({ html: "<p>First.</p>", truncated: true });
  });

  it("escapes text that looks like markup", () => {
    const { html } = renderRichText(
      editorFragment([
        {
          type: "paragraph",
          content: [{ type: "text", text: `<script>alert("x")</script><img src=x onerror=alert(1)> & 'quotes'` }],
        },
      ]),
    );
    expect(html).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;quotes&#39;</p>",
    );
    expectInert(html);
  });

  it.each([
    ["javascript:", "javascript:alert(document.cookie)"],
    ["upper-case JavaScript:", "JaVaScRiPt:alert(1)"],
    ["a tab inside the scheme", "java\tscript:alert(1)"],
    ["a leading space", " javascript:alert(1)"],
    ["an entity-looking scheme", "javascript&#58;alert(1)"],
    ["vbscript:", "vbscript:msgbox(1)"],
    ["a data: URL", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="],
    ["a relative address", "/o/northfield/admin"],
    ["a protocol-relative address", "//evil.example/x"],
    ["a file: URL", "file:///etc/passwd"],
  ])("shows a link with %s as its words only", (_label, href) => {
    const fragment = hostileFragment((f) =>
      f.insert(0, [paragraph(text("click me", { link: { href, target: "_blank", class: "x" } }))]),
    );
    const { html } = renderRichText(fragment);
    expect(html).toBe("<p>click me</p>");
    expectInert(html);
  });

  it("drops event-handler and other attributes a client put on an element or a mark", () => {
    const fragment = hostileFragment((f) => {
      const p = paragraph(
        text("bold", { bold: { onclick: "alert(1)", style: "x" } }),
        text(" link", { link: { href: "https://example.org/", onmouseover: "alert(1)", target: "_top", rel: "opener" } }),
      );
      p.setAttribute("onerror", "alert(1)");
      p.setAttribute("style", "background:url(javascript:alert(1))");
      p.setAttribute("class", "x");
      const list = new Y.XmlElement("orderedList");
      list.setAttribute("start", '1" onmouseover="alert(1)');
      list.setAttribute("type", "<script>");
      const item = new Y.XmlElement("listItem");
      item.insert(0, [paragraph(text("item"))]);
      list.insert(0, [item]);
      f.insert(0, [p, list]);
    });
    const { html } = renderRichText(fragment);
    expect(html).toBe(
      '<p><strong>bold</strong><a href="https://example.org/" rel="noopener noreferrer nofollow"> link</a></p><ol><li><p>item</p></li></ol>',
    );
    expectInert(html);
  });

  it("drops elements outside the schema (script, img, iframe) and keeps their words as text", () => {
    const fragment = hostileFragment((f) => {
      const script = new Y.XmlElement("script");
      script.insert(0, [text("alert(document.cookie)")]);
      const img = new Y.XmlElement("img");
      img.setAttribute("src", "x");
      img.setAttribute("onerror", "alert(1)");
      const iframe = new Y.XmlElement("iframe");
      iframe.setAttribute("src", "javascript:alert(1)");
      const heading = new Y.XmlElement("heading");
      heading.setAttribute("level", "1");
      heading.insert(0, [text("Not a heading here")]);
      f.insert(0, [script, img, iframe, heading, paragraph(text("<svg onload=alert(1)>"))]);
    });
    const { html } = renderRichText(fragment);
    expect(html).toBe("<p>alert(document.cookie)</p><p>Not a heading here</p><p>&lt;svg onload=alert(1)&gt;</p>");
    expectInert(html);
  });

  it("drops marks outside the schema and embedded objects", () => {
    const fragment = hostileFragment((f) => {
      const t = new Y.XmlText();
      t.insert(0, "styled", { textStyle: { style: "color:red" }, code: true });
      t.insertEmbed(6, { script: "alert(1)" });
      f.insert(0, [paragraph(t)]);
    });
    const { html } = renderRichText(fragment);
    expect(html).toBe("<p>styled</p>");
    expectInert(html);
  });

  it("mends structure the editor would never make: text straight in the document, paragraphs in a list", () => {
    const fragment = hostileFragment((f) => {
      const list = new Y.XmlElement("bulletList");
      list.insert(0, [paragraph(text("loose"))]);
      f.insert(0, [text("stray words"), list]);
    });
    const { html } = renderRichText(fragment);
    expect(html).toBe("<p>stray words</p><ul><li><p>loose</p></li></ul>");
    expectInert(html);
  });
});

describe("renderRichText: tables", () => {
  const cell = (type: string, words: string, attrs?: Record<string, unknown>) => ({
    type,
    ...(attrs ? { attrs } : {}),
    content: [{ type: "paragraph", content: [{ type: "text", text: words }] }],
  });

  it("renders a table with its header cells, spans and words, without widths or styles", () => {
    const fragment = editorFragment([
      {
        type: "table",
        content: [
          { type: "tableRow", content: [cell("tableHeader", "Contractor"), cell("tableHeader", "Spend")] },
          { type: "tableRow", content: [cell("tableCell", "Dŵr Cymru"), cell("tableCell", "£2.4m")] },
          { type: "tableRow", content: [cell("tableCell", "Total <all>", { colspan: 2, colwidth: [300, 200] })] },
        ],
      },
    ]);
    const { html } = renderRichText(fragment);
    expect(html).toBe(
      "<table><tbody>" +
        "<tr><th><p>Contractor</p></th><th><p>Spend</p></th></tr>" +
        "<tr><td><p>Dŵr Cymru</p></td><td><p>£2.4m</p></td></tr>" +
        '<tr><td colspan="2"><p>Total &lt;all&gt;</p></td></tr>' +
        "</tbody></table>",
    );
    expectInert(html);
  });

  it("keeps only the words of a table a client put where the schema has none (inside a list)", () => {
    const fragment = hostileFragment((f) => {
      const table = new Y.XmlElement("table");
      const row = new Y.XmlElement("tableRow");
      const td = new Y.XmlElement("tableCell");
      td.insert(0, [paragraph(text("in a list"))]);
      row.insert(0, [td]);
      table.insert(0, [row]);
      const item = new Y.XmlElement("listItem");
      item.insert(0, [paragraph(text("item")), table]);
      const list = new Y.XmlElement("bulletList");
      list.insert(0, [item]);
      f.insert(0, [list]);
    });
    const { html } = renderRichText(fragment);
    expect(html).not.toContain("<table");
    expect(html).toContain("in a list");
    expectInert(html);
  });

  it("writes a span only as a small whole number", () => {
    const fragment = hostileFragment((f) => {
      const table = new Y.XmlElement("table");
      const row = new Y.XmlElement("tableRow");
      const td = new Y.XmlElement("tableCell");
      td.setAttribute("colspan", '2" onmouseover="alert(1)' as unknown as string);
      td.insert(0, [paragraph(text("x"))]);
      row.insert(0, [td]);
      table.insert(0, [row]);
      f.insert(0, [table]);
    });
    const { html } = renderRichText(fragment);
    expect(html).not.toContain("onmouseover");
    expectInert(html);
  });
});

describe("loadCommentaryDoc", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let organisationId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    organisationId = (await createOrganisation(database.db, { slug: "northfield", name: "Northfield" }, SYSTEM_ACTOR)).id;
  });
  afterAll(() => database.cleanup());

  it("reads the document from the collab storage, snapshot and log, and renders it", async () => {
    const name = "exception:0b6f3c1e-9d2a-4c55-8e3f-2a1b0c9d8e7f:2026-10";
    const storage = createPostgresStorage(database.db);
    await storage.ensure(name, organisationId);
    const author = new Y.Doc();
    const updates: Uint8Array[] = [];
    author.on("update", (update: Uint8Array) => updates.push(update));
    prosemirrorJSONToYXmlFragment(
      commentarySchema(),
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Snapshot part." }] }] },
      author.getXmlFragment("reason"),
    );
    await storage.store(
      name,
      updates.splice(0).map((update) => ({ update, userId: null, at: new Date() })),
    );
    await storage.compact(name, () => ({ state: Y.encodeStateAsUpdate(author), stateVector: Y.encodeStateVector(author) }));
    author.getXmlFragment("reason").insert(1, [paragraph(text("Log part <b>."))]);
    await storage.store(
      name,
      updates.splice(0).map((update) => ({ update, userId: null, at: new Date() })),
    );

    const doc = await loadCommentaryDoc(database.db, name);
    expect(renderRichText(doc.getXmlFragment("reason")).html).toBe("<p>Snapshot part.</p><p>Log part &lt;b&gt;.</p>");
  });

  it("gives an empty document for one never opened", async () => {
    const doc = await loadCommentaryDoc(database.db, "exception:11111111-2222-4333-8444-555555555555:2026-10");
    expect(renderRichText(doc.getXmlFragment("reason")).html).toBe("");
  });
});
