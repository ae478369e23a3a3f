import { describe, expect, it } from "vitest";
import { packContents, type PackDocument, type RichText } from "../../app/shared/packs/pack-document";
import { samplePack } from "../../app/shared/packs/pack-fixture";
import { publicCopy } from "../../app/shared/packs/public-copy";
import { renderPackHtml } from "./render-html";

const SHA = "3f0a9c1e".repeat(8);

/** A made-up PDF layout: two pages of front matter, then three pages per entry. */
function pageMapOf(pack: PackDocument): Record<string, number> {
  return Object.fromEntries(packContents(pack).map((entry, i) => [entry.sectionId, 3 + i * 3]));
}

function render(pack: PackDocument, pageMap = pageMapOf(pack)): string {
  return renderPackHtml(pack, { sha256: SHA, pageMap, pageCount: 99 });
}

const ids = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);

describe("renderPackHtml", () => {
  const pack = samplePack();
  const html = render(pack);

  it("is a whole, self-contained English document titled with the pack's title", () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("<title>Performance Committee: minutes, 19 October 2026</title>");
    expect(html).toMatch(/<style>[\s\S]*\.pack-item[\s\S]*<\/style>/);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
    // Nothing runs and nothing is fetched.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|\ssrc=|url\(|@import/i);
  });

  it("has one h1, the pack's title, and every id once", () => {
    expect(html.match(/<h1\b/g)).toHaveLength(1);
    const all = ids(html);
    expect(new Set(all).size).toBe(all.length);
  });

  it("points every aria-labelledby and aria-describedby at an element that exists", () => {
    const existing = new Set(ids(html));
    const references = [...html.matchAll(/aria-(?:labelledby|describedby)="([^"]*)"/g)].flatMap((m) => m[1].split(" "));
    expect(references.length).toBeGreaterThan(pack.items.length);
    for (const id of references) expect(existing, id).toContain(id);
  });

  it("lists every contents entry with a link to its section and the page the PDF gives it", () => {
    const existing = new Set(ids(html));
    const pageMap = pageMapOf(pack);
    const nav = html.match(/<nav class="pack-contents" aria-labelledby="pack-contents-heading">[\s\S]*?<\/nav>/)?.[0] ?? "";
    expect(nav).toContain(">Contents</h2>");
    for (const entry of packContents(pack)) {
      expect(existing).toContain(entry.sectionId);
      expect(nav).toMatch(
        new RegExp(
          `<a href="#${entry.sectionId}">[^<]+</a><span class="pack-contents__page">page ${pageMap[entry.sectionId]}</span>`,
        ),
      );
    }
    expect(nav).toContain("PC 26/24 Scorecard review");
    expect(nav).toContain("99 pages");
  });

  it("leaves out a page number the PDF did not give, rather than inventing one", () => {
    const partial = render(pack, { "item-1": 3 });
    expect(partial).toContain("page 3");
    expect(partial).not.toMatch(/page (undefined|NaN|0)\b/);
  });

  it("shows the version, who froze it and the full hash", () => {
    expect(html).toContain("<dt>SHA-256 of this version</dt>");
    expect(html).toContain(SHA);
    expect(html).toContain("Alex Clerk");
    expect(html).toContain("19 October 2026 at 21:00");
    const corrected = render({
      ...pack,
      version: { ...pack.version, number: 2, previousSha256: "b".repeat(64), reason: "Apologies recorded wrongly." },
    });
    expect(corrected).toContain("2, a correction of version 1");
    expect(corrected).toContain("Apologies recorded wrongly.");
    expect(corrected).toContain("b".repeat(64));
  });

  it("shows attendance and quorum for minutes, and the membership for an agenda pack", () => {
    expect(html).toContain("Quorate: 4 of 6 members, including a tenant member");
    expect(html).toContain("Cllr Ama Osei");
    const agenda = render(samplePack({ kind: "agenda" }));
    expect(agenda).toContain("<dd>Agenda pack</dd>");
    expect(agenda).toContain(">Membership</h2>");
    expect(agenda).not.toContain(">Minutes</h3>");
    expect(agenda).toContain('<h2 id="item-4-heading">4. Scorecard review</h2>');
  });

  it("writes status in words beside a shape, never by colour alone", () => {
    for (const words of ["Off target", "Within tolerance", "On target"])
      expect(html).toContain(`<span class="status-badge__label">${words}</span>`);
    expect(html).toMatch(/data-status="off_target"><svg class="status-badge__glyph"[^>]*aria-hidden="true"[^>]*><rect/);
    expect(html).toMatch(/<th scope="row"><span class="pack-code">KPI01<\/span>/);
  });

  it("gives each exception report's chart a name and a summary in words, and its figures as a table", () => {
    expect(html).toMatch(
      /<svg class="pack-chart__svg"[^>]*role="img"[^>]*aria-label="Trend chart of KPI01 Indicator number 1[^"]*"[^>]*aria-describedby="item-5-exception-1-trend-summary"/,
    );
    expect(html).toContain(
      '<figcaption id="item-5-exception-1-trend-summary" class="pack-chart__summary">Line chart of KPI01 Indicator number 1, 2025-10 to 2026-10, against a target of 95.0%.',
    );
    expect(html).toContain("No figure for 1 of the 13 periods.");
    expect(html).toContain("<summary>The figures of the chart as a table</summary>");
  });

  it("gives every wide table a focusable, named region to scroll in", () => {
    const tables = html.match(/<table\b/g)?.length ?? 0;
    const regions = [...html.matchAll(/<div class="table-wrapper" tabindex="0" role="region" aria-label="([^"]+)">/g)].map(
      (m) => m[1],
    );
    expect(regions).toHaveLength(tables);
    expect(new Set(regions).size).toBe(regions.length);
  });

  it("writes cover reports, the no-implications checklist, resolutions and agreed actions", () => {
    expect(html).toContain("<h4>Equalities impact assessment</h4>");
    expect(html).toMatch(/<th scope="row">Consultation<\/th><td>Yes<\/td>/);
    expect(html).toMatch(/<th scope="row">Personnel<\/th><td>No<\/td>/);
    expect(html).toContain("<strong>RESOLVED</strong> that the report at item 3 be noted. MARKER-resolution-3");
    expect(html).toContain("For 5, against 0, abstentions 1");
    expect(html).toContain("Report the repairs recovery plan to the next meeting");
    expect(html).toContain("Cllr Ama Osei: Personal interest. Tenant of the association");
  });

  it("escapes hostile text and drops unsafe links", () => {
    const hostile = samplePack({ items: 3, exemptItem: false });
    const script = "<script>alert(1)</script>";
    const minutes: RichText = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "run me", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
            { type: "text", text: " and ", marks: [{ type: "bold" }] },
            { type: "text", text: "sneaky", marks: [{ type: "link", attrs: { href: "java\tscript:alert(1)" } }] },
            { type: "text", text: " and " },
            { type: "text", text: "the plan", marks: [{ type: "link", attrs: { href: "https://example.org/plan?a=1&b=2" } }] },
            { type: "text", text: ` ${script} <img src=x onerror=alert(1)>` },
          ],
        },
        { type: "script", content: [{ type: "text", text: "alert(2)" }] },
        { type: "image", attrs: { src: "https://tracker.example/x.png" } },
      ],
    };
    hostile.title = `Minutes ${script}`;
    hostile.meeting.onlineLink = "javascript:alert(3)";
    hostile.items[0] = { ...hostile.items[0], title: script, presenter: '"><svg onload=alert(4)>', minutes };
    hostile.items[1] = {
      ...hostile.items[1],
      resolutions: [{ wording: script, methodLabel: "", outcomeLabel: "Carried", tallyText: "", namedVotes: [] }],
    };
    const out = render(hostile);
    expect(out).not.toMatch(/<script/i);
    // No element has an event handler or is an image: what looked like markup is text.
    expect(out).not.toMatch(/<img\b|<[a-z][^>]*\son\w+=/i);
    expect(out).toContain("<title>Minutes &lt;script&gt;alert(1)&lt;/script&gt;</title>");
    expect(out).toContain("PC 26/21 &lt;script&gt;alert(1)&lt;/script&gt;</h2>");
    expect(out).toContain("&lt;img src=x onerror=alert(1)&gt;");
    // Every link goes to a page, an address or a place in the pack.
    for (const [, href] of out.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(https:|mailto:|#)/);
    expect(out).toContain('<a href="https://example.org/plan?a=1&amp;b=2" rel="noopener noreferrer nofollow">the plan</a>');
    expect(out).toContain("run me<strong> and </strong>sneaky and ");
    expect(out).toContain("alert(2)");
    expect(out).not.toContain("tracker.example");
  });

  it("keeps exempt content out of the public copy and says why it is withheld", () => {
    expect(html).toContain("MARKER-exempt");
    const published = render(publicCopy(pack));
    expect(published).not.toContain("MARKER-exempt");
    expect(published).not.toContain("Contract award: responsive repairs");
    expect(published).toContain("Exempt information: not for publication (paragraph 3)");
    expect(published).toContain("PC 26/27 Exempt item");
    // Its emptied details leave no empty list behind.
    expect(published).not.toMatch(/<(dl|ul|ol)\b[^>]*><\/\1>/);
  });

  it("gives the same string for the same input", () => {
    expect(render(samplePack())).toBe(html);
    expect(render(publicCopy(samplePack({ kind: "agenda" })))).toBe(render(publicCopy(samplePack({ kind: "agenda" }))));
  });

  it("draws a clinic's recovery trajectory against the target, named and described in the PDF's words, and keeps its table", () => {
    const clinic = samplePack();
    clinic.items[0].appendices.push({
      kind: "improvement_plan",
      sectionId: "item-1-plan-1",
      title: "Improvement plan: KPI07 Calls answered",
      code: "KPI07",
      indicatorTitle: "Calls answered",
      unit: "%",
      milestones: [{ milestone: "Train six call handlers", dueText: "15 January 2027" }],
      trajectory: [
        { period: "2027-01", periodText: "January 2027", planned: 72, target: 80, actual: null },
        { period: "2027-02", periodText: "February 2027", planned: 76.5, target: 80, actual: null },
      ],
      trajectoryText: [
        { periodText: "January 2027", plannedText: "72.0%", targetText: "80.0%", actualText: "No figure yet" },
        { periodText: "February 2027", plannedText: "76.5%", targetText: "80.0%", actualText: "No figure yet" },
      ],
    });
    const out = render(clinic);
    expect(out).toMatch(
      /<svg class="pack-chart__svg"[^>]*role="img"[^>]*aria-label="Recovery trajectory of KPI07 Calls answered: the planned figure each month against the target"[^>]*aria-describedby="item-1-plan-1-trajectory-summary"/,
    );
    expect(out).toContain(
      '<figcaption id="item-1-plan-1-trajectory-summary" class="pack-chart__summary">Trend of Calls answered (planned recovery), January 2027 to February 2027: latest 76.5% (February 2027) against a target of 80.0%; lowest 72.0% (January 2027), highest 76.5% (February 2027).</figcaption>',
    );
    expect(out).toMatch(/<th scope="row">February 2027<\/th><td>76\.5%<\/td><td>80\.0%<\/td><td>No figure yet<\/td>/);
  });
});
