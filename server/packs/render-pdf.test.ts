import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packContents, type PackDocument, type RichText } from "../../app/shared/packs/pack-document";
import { samplePack } from "../../app/shared/packs/pack-fixture";
import { EXEMPT_ITEM_TITLE, publicCopy } from "../../app/shared/packs/public-copy";
import { canonicalJson, sha256Hex } from "./canonical-json";
import { renderPackPdf, type RenderedPdf } from "./render-pdf";

/*
 * The PDF is read back with poppler (pdftotext, pdfinfo, pdftohtml), the tools a clerk
 * or an auditor would use, so these tests check what a reader gets, not what we drew.
 */

const run = promisify(execFile);
let dir: string;
let fileCount = 0;

async function pdfFile(pdf: RenderedPdf): Promise<string> {
  const path = join(dir, `pack-${++fileCount}.pdf`);
  await writeFile(path, pdf.bytes);
  return path;
}

/** The text of each page, in order (pdftotext ends every page with a form feed). */
async function pageTexts(path: string, layout = false): Promise<string[]> {
  const { stdout } = await run("pdftotext", [...(layout ? ["-layout"] : []), "-enc", "UTF-8", path, "-"], {
    maxBuffer: 32 << 20,
  });
  return stdout.split("\f").slice(0, -1);
}

async function pdfInfo(path: string): Promise<Record<string, string>> {
  const { stdout } = await run("pdfinfo", [path]);
  return Object.fromEntries(
    stdout
      .split("\n")
      .filter((l) => l.includes(":"))
      .map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()]),
  );
}

type Bookmark = { title: string; page: number; children: Bookmark[] };

/** The document outline as poppler reads it: pdftohtml's XML lists it as nested <outline> elements. */
async function bookmarks(path: string): Promise<Bookmark[]> {
  const { stdout } = await run("pdftohtml", ["-xml", "-i", "-stdout", "-f", "1", "-l", "1", path], { maxBuffer: 32 << 20 });
  const tokens = [...stdout.matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)];
  let at = 0;
  const list = (): Bookmark[] => {
    at++; // past <outline>
    const items: Bookmark[] = [];
    while (at < tokens.length && tokens[at][0] !== "</outline>") {
      if (tokens[at][0] === "<outline>") items[items.length - 1].children = list();
      else items.push({ title: unescapeXml(tokens[at++][2]), page: Number(tokens[at - 1][1]), children: [] });
    }
    at++; // past </outline>
    return items;
  };
  return tokens.length > 0 ? list() : [];
}

function unescapeXml(text: string): string {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

const lines = (text: string) => text.split("\n").map((l) => l.trim());

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "minuted-pdf-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("renderPackPdf on the sample minutes", () => {
  const pack = samplePack();
  const sha256 = sha256Hex(canonicalJson(pack));
  let pdf: RenderedPdf;
  let path: string;
  let pages: string[];

  beforeAll(async () => {
    pdf = await renderPackPdf(pack, { sha256 });
    path = await pdfFile(pdf);
    pages = await pageTexts(path);
  });

  it("has the page count it reports", async () => {
    expect(pdf.pageCount).toBeGreaterThan(10);
    expect(pages).toHaveLength(pdf.pageCount);
    expect((await pdfInfo(path)).Pages).toBe(String(pdf.pageCount));
  });

  it("prints the hash and 'Page N of M' in the footer of every page", async () => {
    pages.forEach((text, index) => {
      expect(text, `page ${index + 1}`).toContain(`SHA-256 ${sha256}`);
      expect(text, `page ${index + 1}`).toContain(`Page ${index + 1} of ${pdf.pageCount}`);
    });
    // And page by page, as a reader extracting one page would get it.
    const last = pdf.pageCount;
    const { stdout } = await run("pdftotext", ["-f", String(last), "-l", String(last), path, "-"]);
    expect(stdout).toContain(`SHA-256 ${sha256} · Page ${last} of ${last}`);
  });

  it("puts every section's heading on the page the contents and the page map give", async () => {
    const entries = packContents(pack);
    expect(Object.keys(pdf.pageMap).sort()).toEqual(entries.map((e) => e.sectionId).sort());

    // The contents, read with the layout kept so each title and its number share a line.
    const laidOut = await pageTexts(path, true);
    const contentsText = laidOut.slice(1, pdf.pageMap[entries[0].sectionId] - 1).join("\n");
    const printed = new Map<string, number>();
    for (const line of contentsText.split("\n")) {
      const match = line.match(/^\s*(\S.*?)\s{2,}(\d+)\s*$/);
      if (match) printed.set(match[1], Number(match[2]));
    }
    for (const entry of entries) {
      const page = pdf.pageMap[entry.sectionId];
      expect(printed.get(entry.title), entry.title).toBe(page);
      expect(lines(pages[page - 1]), `${entry.title} on page ${page}`).toContain(entry.title);
      // ...and not as a heading on an earlier page after the contents.
      for (let earlier = 3; earlier < page; earlier++) expect(lines(pages[earlier - 1])).not.toContain(entry.title);
    }
  });

  it("has bookmarks for every item, with each appendix under its item, on the right pages", async () => {
    const outline = await bookmarks(path);
    expect(outline.map((b) => b.title)).toEqual(pack.items.map((item) => packContents({ ...pack, items: [item] })[0].title));
    for (const [index, item] of pack.items.entries()) {
      expect(outline[index].page).toBe(pdf.pageMap[item.sectionId]);
      expect(outline[index].children.map((c) => [c.title, c.page])).toEqual(
        item.appendices.map((a) => [a.title, pdf.pageMap[a.sectionId]]),
      );
    }
    expect(Buffer.from(pdf.bytes).includes("/Outlines")).toBe(true);
  });

  it("records the title, author, language and tagging in the document information", async () => {
    const info = await pdfInfo(path);
    expect(info.Title).toBe(pack.title);
    expect(info.Author).toBe("Riverside Homes");
    expect(info.Tagged).toBe("yes");
    expect(info["PDF version"]).toBe("1.7");
    expect(info["Page size"]).toContain("(A4)");
    expect(info.CreationDate).toContain("2026");
    const bytes = Buffer.from(pdf.bytes);
    expect(bytes.includes("/Lang (en-GB)")).toBe(true);
    expect(bytes.includes("/DisplayDocTitle true")).toBe(true);
    expect(bytes.includes("/StructTreeRoot")).toBe(true);
  });

  it("prints the minutes, resolutions, actions and challenges of every item", () => {
    const text = pages.join("\n");
    for (let n = 1; n <= 8; n++) if (n !== 7) expect(text).toContain(`MARKER-minutes-${n}`);
    expect(text).toContain("MARKER-exempt-minutes");
    expect(text).toMatch(/RESOLVED that the report at item 3 be noted\. MARKER-resolution-3/);
    expect(text.match(/RESOLVED that/g)).toHaveLength(6);
    expect(text).toContain("For 5, against 0, abstentions 1");
    expect(text).toContain("Report the repairs recovery plan to the next meeting");
    expect(text).toContain("Why is the north worse?");
    expect(text).toContain("Quorate: 4 of 6 members, including a tenant member");
  });

  it("prints every scorecard line, exception report and action, with status words", () => {
    const text = pages.join("\n");
    for (let i = 1; i <= 30; i++) expect(text).toContain(`KPI${String(i).padStart(2, "0")}`);
    for (let e = 1; e <= 10; e++) expect(text).toContain(`MARKER-exception-${e}`);
    for (let a = 1; a <= 40; a++) expect(text).toContain(`Action ${a}: report back`);
    expect(text).toContain("Within tolerance");
    expect(text).toContain("Exempt: paragraph 3 of Schedule 12A — Information relating to the financial");
    expect(text).toMatch(/Trend of Indicator number 1, 2025-10 to 2026-10: latest/);
  });

  it("repeats the scorecard's header row on each page it runs onto", () => {
    const scorecardPages = pages.filter((p) => /KPI\d\d\s/.test(p) && p.includes("Quartile"));
    expect(scorecardPages.length).toBeGreaterThan(1);
    for (const page of scorecardPages)
      expect(lines(page)).toEqual(expect.arrayContaining(["Code", "Indicator", "Value", "Target", "Status", "Quartile"]));
  });

  it("never splits a scorecard row across pages", () => {
    for (let i = 1; i <= 30; i++) {
      const code = `KPI${String(i).padStart(2, "0")}`;
      const page = pages.find((p) => lines(p).includes(code) && p.includes("Quartile"));
      expect(page, code).toBeDefined();
      // The title wraps to three lines; all three are on the page with the code.
      expect(page?.replace(/\s+/g, " "), code).toContain(
        `Indicator number ${i} with a long enough title to wrap in a narrow column`,
      );
    }
  });

  it("gives the same bytes for the same pack", async () => {
    const again = await renderPackPdf(pack, { sha256 });
    expect(Buffer.from(again.bytes).equals(Buffer.from(pdf.bytes))).toBe(true);
  });
});

describe("renderPackPdf on the public copy", () => {
  it("contains nothing of the exempt item but its notice", async () => {
    const pack = publicCopy(samplePack());
    const pdf = await renderPackPdf(pack, { sha256: sha256Hex(canonicalJson(pack)) });
    const text = (await pageTexts(await pdfFile(pdf))).join("\n");
    expect(text).not.toContain("MARKER-exempt");
    expect(text).not.toContain("Contract award");
    expect(text).toContain(EXEMPT_ITEM_TITLE);
    expect(text).toContain("Exempt: paragraph 3 of Schedule 12A");
    expect(text).toContain("MARKER-minutes-8");
  });
});

describe("renderPackPdf on other packs", () => {
  it("renders an agenda pack", async () => {
    const pack = samplePack({ kind: "agenda", exceptions: 2, actions: 5 });
    const pdf = await renderPackPdf(pack, { sha256: "0".repeat(64) });
    const pages = await pageTexts(await pdfFile(pdf));
    expect(pages[0]).toContain("AGENDA PACK");
    expect(pages[0]).toContain("Members");
    expect(pages.join("\n")).not.toContain("RESOLVED that");
    expect(lines(pages[pdf.pageMap["item-4"] - 1])).toContain("4. Scorecard review");
  });

  it("prints named votes and the approval of previous minutes with its hash", async () => {
    const base = samplePack({ items: 3, exemptItem: false });
    const approvedHash = "c".repeat(64);
    const pack: PackDocument = {
      ...base,
      items: base.items.map((item, index) =>
        index === 0
          ? {
              ...item,
              approval: {
                text: "The minutes of the meeting held on 14 September 2026 were approved as a correct record.",
                sha256: approvedHash,
              },
              resolutions: [
                {
                  wording: "the minutes be approved.",
                  methodLabel: "Named vote",
                  outcomeLabel: "Carried",
                  tallyText: "For 1, against 1, abstentions 0",
                  namedVotes: [
                    { name: "Cllr Ama Osei", choiceLabel: "For" },
                    { name: "Joan Whitaker", choiceLabel: "Against" },
                  ],
                },
              ],
            }
          : item,
      ),
    };
    const pdf = await renderPackPdf(pack, { sha256: "d".repeat(64) });
    const text = (await pageTexts(await pdfFile(pdf), true)).join("\n");
    expect(text).toContain("RESOLVED that the minutes be approved.");
    expect(text).toMatch(/Cllr Ama Osei\s+For/);
    expect(text).toMatch(/Joan Whitaker\s+Against/);
    expect(text).toContain("were approved as a correct record.");
    expect(text).toContain(approvedHash);
  });

  it("renders a pack with no items as a cover and an empty contents page", async () => {
    const pack: PackDocument = { ...samplePack(), items: [] };
    const pdf = await renderPackPdf(pack, { sha256: "f".repeat(64) });
    expect(pdf.pageCount).toBe(2);
    expect(pdf.pageMap).toEqual({});
    const pages = await pageTexts(await pdfFile(pdf));
    expect(pages[1]).toContain("This pack has no items.");
    expect(pages[1]).toContain(`Page 2 of 2`);
  });

  it("prints odd and hostile text without throwing or garbling it", async () => {
    const text = (t: string, marks?: string[], href?: string): RichText => ({
      type: "text",
      text: t,
      marks: [...(marks ?? []).map((type) => ({ type })), ...(href ? [{ type: "link", attrs: { href } }] : [])],
    });
    const paragraph = (...content: RichText[]): RichText => ({ type: "paragraph", content });
    const longWord = "Supercalifragilistic".repeat(30);
    const base = samplePack({ items: 2, exceptions: 0, indicators: 0, actions: 0, exemptItem: false });
    const minutes: RichText = {
      type: "doc",
      content: [
        paragraph(text("Rent arrears → down 🎉 ≥ 5% ≤ 9% × 2 — “quoted” £10 €5 Łódź naïve 文字")),
        paragraph(text("Families 👩‍👩‍👧 in Wales 🏴󠁧󠁢󠁷󠁬󠁳󠁿 and the UK 🇬🇧 ❤️ 👍🏽")),
        paragraph(text(longWord)),
        paragraph(
          text("Bold", ["bold"]),
          text(" italic", ["italic"]),
          text(" both", ["bold", "italic"]),
          { type: "hardBreak" },
          text("after break"),
        ),
        paragraph(
          text("the policy", [], "https://example.org/policy"),
          text(" and "),
          text("bad link", [], "javascript:alert(1)"),
        ),
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [paragraph(text("first bullet"))] },
            { type: "listItem", content: [paragraph(text("second bullet"))] },
          ],
        },
        { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [paragraph(text("third point"))] }] },
        { type: "mysteryBlock", content: [paragraph(text("inside an unknown block"))] },
        paragraph(),
      ],
    };
    const pack: PackDocument = {
      ...base,
      title: `Emoji 🏠 title → ${"very ".repeat(40)}long`,
      meeting: { ...base.meeting, title: "Committee ✅ → review", place: longWord },
      items: base.items.map((item) => ({ ...item, title: `${item.title} 🚧 → ${longWord}`, minutes, resolutions: [] })),
    };
    const pdf = await renderPackPdf(pack, { sha256: "e".repeat(64) });
    const path = await pdfFile(pdf);
    const all = (await pageTexts(path)).join("\n");
    // Every character prints as itself; one no font has prints as its code, never as "?".
    expect(all).toContain("Rent arrears → down 🎉 ≥ 5% ≤ 9% × 2 — “quoted” £10 €5 Łódź naïve [U+6587][U+5B57]");
    expect(all).toContain("Families 👩‍👩‍👧 in Wales 🏴󠁧󠁢󠁷󠁬󠁳󠁿 and the UK 🇬🇧 ❤️ 👍🏽"); // sequences whole, as typed, the tone too
    expect(all).toContain("Committee ✅ → review");
    expect(all).toContain("Supercalifragilistic");
    expect(all).toContain("after break");
    expect(all).toContain("the policy (https://example.org/policy)");
    expect(all).toContain("third point");
    expect(all).toContain("inside an unknown block");
    const bytes = Buffer.from(pdf.bytes);
    expect(bytes.includes("/URI (https://example.org/policy)")).toBe(true);
    expect(bytes.includes("javascript:")).toBe(false);
    expect((await pdfInfo(path)).Pages).toBe(String(pdf.pageCount));
  });
});

/** Names and figures a housing association in Wales, Ireland or anywhere in Europe will print. */
const INTERNATIONAL = {
  organisation: "Cymdeithas Tai Tŷ Ŵyn",
  body: "Pwyllgor Perfformiad",
  chair: "Siân Llŷr",
  members: ["Seán Ó Muirí", "Siôn Llŷr-Ŵyn", "Ştefan Țară", "Ğüneş Yıldız"],
  itemTitle: "Homes in Łódź and Żółć",
  minutes: "Ωμέγα Housing reported £1,379,674 and €250 of arrears at Tŷ Ŵyn 🏠, up → 5% in İstanbul Road.",
  link: "Ștefan's report",
  owner: "Seán Ó Muirí",
  money: "£1,379,674",
};

const EXPECTED_TEXT = [
  INTERNATIONAL.organisation,
  INTERNATIONAL.body,
  INTERNATIONAL.chair,
  ...INTERNATIONAL.members,
  INTERNATIONAL.itemTitle,
  INTERNATIONAL.minutes,
  INTERNATIONAL.link,
  INTERNATIONAL.money,
];

function internationalPack(kind: "agenda" | "minutes"): PackDocument {
  const base = samplePack({ kind, items: 5, indicators: 6, exceptions: 1, actions: 4 });
  const text = (t: string, href?: string): RichText => ({
    type: "text",
    text: t,
    ...(href ? { marks: [{ type: "link", attrs: { href } }] } : {}),
  });
  const minutes: RichText = {
    type: "doc",
    content: [
      { type: "paragraph", content: [text(INTERNATIONAL.minutes)] },
      { type: "paragraph", content: [text("See "), text(INTERNATIONAL.link, "https://example.org/report"), text(".")] },
    ],
  };
  return {
    ...base,
    organisation: { ...base.organisation, name: INTERNATIONAL.organisation },
    body: { ...base.body, name: INTERNATIONAL.body },
    attendance: {
      ...base.attendance,
      present: [INTERNATIONAL.chair, ...INTERNATIONAL.members].map((name) => ({ name, role: "Member" })),
    },
    items: base.items.map((item) => ({
      ...item,
      title: item.number === 1 ? INTERNATIONAL.itemTitle : item.title,
      minutes: item.number === 1 ? minutes : item.minutes,
      presenter: INTERNATIONAL.chair,
      appendices: item.appendices.map((appendix) => {
        if (appendix.kind === "scorecard")
          return {
            ...appendix,
            rows: appendix.rows.map((row, i) => (i === 0 ? { ...row, valueText: INTERNATIONAL.money } : row)),
          };
        if (appendix.kind === "action_log")
          return { ...appendix, rows: appendix.rows.map((row) => ({ ...row, owner: INTERNATIONAL.owner })) };
        return { ...appendix, owner: INTERNATIONAL.owner };
      }),
    })),
  };
}

type FontRow = { name: string; type: string; embedded: string };

/** pdffonts' table: name, type, encoding, then emb, sub, uni, object number and generation. */
async function pdfFonts(path: string): Promise<FontRow[]> {
  const { stdout } = await run("pdffonts", [path]);
  return stdout
    .split("\n")
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      return { name: fields[0], type: fields.slice(1, -6).join(" "), embedded: fields[fields.length - 5] };
    });
}

describe("renderPackPdf prints every name as it is written", () => {
  const renders: [string, () => PackDocument][] = [
    ["agenda pack", () => internationalPack("agenda")],
    ["public agenda pack", () => publicCopy(internationalPack("agenda"))],
    ["minutes", () => internationalPack("minutes")],
    ["public minutes", () => publicCopy(internationalPack("minutes"))],
  ];

  it.each(renders)("%s: the text reads back character for character, in embedded fonts", async (_, makePack) => {
    const pack = makePack();
    const path = await pdfFile(await renderPackPdf(pack, { sha256: sha256Hex(canonicalJson(pack)) }));
    // Lines wrap wherever the layout puts them: compare with runs of white space made one.
    const text = (await pageTexts(path)).join("\n").replace(/\s+/g, " ");
    for (const expected of EXPECTED_TEXT) expect(text, expected).toContain(expected);
    expect(text).not.toMatch(/Ty Wyn|Llyr|Lodz/); // what the standard fonts made of them

    const fonts = await pdfFonts(path);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual(
      expect.arrayContaining(["NotoEmoji-Regular", "NotoSans-Bold", "NotoSans-Regular", "NotoSansMath-Regular"]),
    );
    for (const font of fonts) {
      expect(font.embedded, `${font.name} embedded`).toBe("yes");
      expect(font.name, "a subset").toMatch(/^[A-Z]{6}\+/);
    }
  });

  it("tags each link, in the minutes and in the contents, as a Link element holding its annotation", async () => {
    const pack = internationalPack("minutes");
    const pdf = await renderPackPdf(pack, { sha256: "1".repeat(64) });
    const path = await pdfFile(pdf);
    const { stdout, stderr } = await run("pdfinfo", ["-struct-text", path], { maxBuffer: 32 << 20 });
    expect(stderr).toBe(""); // poppler found nothing malformed
    // The link in the minutes, as a Link element with its text and the annotation (an "Object").
    expect(stdout).toMatch(/\n(\s*)Link \(inline\)\n\1\s+"Ștefan's report"\n\1\s+Object \d+/);
    // Every contents entry is a TOCI holding a Link with the entry's text, page number and annotation.
    const entries = packContents(pack);
    const tocLinks = [...stdout.matchAll(/TOCI\n\s*Link \(inline\)\n\s*"([^"]*)"\n\s*Object \d+/g)].map((m) => m[1]);
    expect(tocLinks).toEqual(entries.map((e) => `${e.title} ${pdf.pageMap[e.sectionId]}`));
    const bytes = Buffer.from(pdf.bytes).toString("latin1");
    expect(bytes).toMatch(/\/Type \/OBJR/);
    expect(bytes).toMatch(/\/Subtype \/Link[\s\S]{0,400}\/StructParent \d+/);
  });
});

describe("renderPackPdf sets figures in tables", () => {
  const scorecardPack = (values: string[]): PackDocument => {
    const base = samplePack({ items: 4, indicators: values.length, exceptions: 0, actions: 0, exemptItem: false });
    return {
      ...base,
      items: base.items.map((item) => ({
        ...item,
        appendices: item.appendices.map((a) =>
          a.kind === "scorecard" ? { ...a, rows: a.rows.map((row, i) => ({ ...row, valueText: values[i] })) } : a,
        ),
      })),
    };
  };

  /** Each word pdftotext finds, with its box. */
  async function words(path: string): Promise<{ text: string; xMin: number; xMax: number; yMin: number }[]> {
    const { stdout } = await run("pdftotext", ["-bbox", path, "-"], { maxBuffer: 32 << 20 });
    return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(
      (m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: unescapeXml(m[4]) }),
    );
  }

  it("shrinks a figure too long for any column rather than break it", async () => {
    const huge = "£123,456,789,012,345,678.90";
    const base = scorecardPack([huge, huge, huge]);
    const pack: PackDocument = {
      ...base,
      items: base.items.map((item) => ({
        ...item,
        appendices: item.appendices.map((a) =>
          a.kind === "scorecard" ? { ...a, rows: a.rows.map((row) => ({ ...row, targetText: huge, ytdText: huge })) } : a,
        ),
      })),
    };
    const path = await pdfFile(await renderPackPdf(pack, { sha256: "3".repeat(64) }));
    const found = await words(path);
    expect(found.filter((w) => w.text === huge)).toHaveLength(9); // three rows of three, each one word
  });

  it("keeps a long money figure in a narrow column on one line, right-aligned with the others", async () => {
    const values = ["£1,379,674", "92.5%", "£12,345,678,901.25", "7"];
    const pdf = await renderPackPdf(scorecardPack(values), { sha256: "2".repeat(64) });
    const path = await pdfFile(pdf);
    const laidOut = (await pageTexts(path, true)).join("\n");
    for (const value of values) expect(laidOut).toMatch(new RegExp(`KPI0\\d .*${value.replace(/[$.*+?()|[\]\\]/g, "\\$&")}`));

    const found = await words(path);
    const cells = values.map((value) => found.find((w) => w.text === value));
    cells.forEach((cell, i) => expect(cell, values[i]).toBeDefined());
    const rightEdges = cells.map((cell) => cell!.xMax);
    for (const edge of rightEdges) expect(Math.abs(edge - rightEdges[0]), "right-aligned").toBeLessThan(0.6);
  });
});
