import { describe, expect, it } from "vitest";
import { packContents, type PackDocument } from "../../app/shared/packs/pack-document";
import { samplePack } from "../../app/shared/packs/pack-fixture";
import { resolvedText } from "./pdf/item-section";
import { renderPackHtml } from "./render-html";

/*
 * Issue 15, item 8: a motion reads "RESOLVED that" in the record only once carried; a
 * lost or withdrawn motion reads as the motion it was, in the web page and the PDF alike.
 */

function withOutcome(outcomeLabel: string): PackDocument {
  const pack = samplePack({ kind: "minutes", items: 3, marker: "wording" });
  const item = pack.items.find((i) => i.resolutions.length)!;
  item.resolutions = item.resolutions.map((r) => ({ ...r, outcomeLabel }));
  return pack;
}

const html = (pack: PackDocument) =>
  renderPackHtml(pack, {
    sha256: "0".repeat(64),
    pageMap: Object.fromEntries(packContents(pack).map((e, i) => [e.sectionId, i + 3])),
    pageCount: 9,
  }).replace(/<[^>]+>/g, "");

describe("the wording of a motion in the record", () => {
  it.each([
    ["Carried", "RESOLVED that the report at item 3 be noted."],
    ["Lost", "Motion (lost): that the report at item 3 be noted."],
    ["Withdrawn", "Motion (withdrawn): that the report at item 3 be noted."],
    ["Carried when the meeting was not quorate. Clerk's note: urgent", "RESOLVED that the report at item 3 be noted."],
  ])("%s", (outcome, expected) => {
    const pack = withOutcome(outcome);
    const resolution = pack.items.find((i) => i.resolutions.length)!.resolutions[0];
    expect(resolvedText(resolution)).toMatch(new RegExp(`^${expected.replace(/[().]/g, "\\$&")}`));
    expect(html(pack)).toContain(expected);
    if (outcome !== "Carried" && !outcome.startsWith("Carried")) expect(html(pack)).not.toContain("RESOLVED");
  });
});
