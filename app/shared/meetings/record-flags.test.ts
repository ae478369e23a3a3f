import { describe, expect, it } from "vitest";
import type { PackDocument } from "../packs/pack-document";
import { samplePack } from "../packs/pack-fixture";
import { recordFlags } from "./record-flags";

const minutes = (change: (pack: PackDocument) => void = () => {}) => {
  const pack = samplePack({ kind: "minutes", items: 5, marker: "flags" });
  pack.attendance.present = [{ name: "Cllr Ann Chair", role: "Chair" }];
  pack.quorumText = "Quorate: 4 of 6 members, including a tenant member";
  change(pack);
  return pack;
};

describe("what a minuted pack flags to the meeting that approves it", () => {
  it.each<[string, PackDocument, RegExp[]]>([
    ["a consistent record", minutes(), []],
    ["an agenda pack, which is not a record", samplePack({ kind: "agenda" }), []],
    [
      "a resolution recorded as made when inquorate",
      minutes((pack) => {
        pack.items[2].resolutions[0].outcomeLabel = "Carried when the meeting was not quorate. Clerk's note: urgent repairs";
      }),
      [
        /^PC .*|^3\. .*: the resolution that the report at item 3 be noted\. .* carried when the meeting was not quorate\. Clerk's note: urgent repairs$/,
      ],
    ],
    [
      "an agreed action with no owner and no date",
      minutes((pack) => {
        pack.items[4].agreedActions[0] = { ...pack.items[4].agreedActions[0], owner: "", dueText: "" };
      }),
      [/the agreed action “Report the repairs recovery plan to the next meeting” has no owner and no due date\.$/],
    ],
    [
      "nobody present and inquorate at the close",
      minutes((pack) => {
        pack.attendance.present = [];
        pack.quorumText = "Not quorate: 0 of 6 members present, 4 needed";
      }),
      [/^At the close of the meeting: Not quorate/, /^No member is recorded as present\.$/],
    ],
  ])("%s", (_, pack, expected) => {
    const flags = recordFlags(pack);
    expect(flags).toHaveLength(expected.length);
    flags.forEach((flag, i) => expect(flag).toMatch(expected[i]));
  });
});
