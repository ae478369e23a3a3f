import { itemHeading, type PackDocument } from "../packs/pack-document";

/*
 * What a frozen minuted pack flags to the meeting asked to approve it as a correct
 * record: the room should hear it before it votes. Freezing refuses most of these
 * (record-consistency.ts); what remains are resolutions the clerk recorded as made when
 * the meeting was not quorate, and anything in packs frozen before that check existed.
 */
export function recordFlags(pack: PackDocument): string[] {
  const flags: string[] = [];
  if (pack.kind !== "minutes") return flags;
  if (pack.quorumText?.startsWith("Not quorate")) flags.push(`At the close of the meeting: ${pack.quorumText}.`);
  if (pack.attendance.present.length === 0) flags.push("No member is recorded as present.");
  for (const item of pack.items) {
    for (const resolution of item.resolutions)
      if (/not quorate/i.test(resolution.outcomeLabel))
        flags.push(
          `${itemHeading(item)}: the resolution that ${resolution.wording} ${resolution.outcomeLabel.replace(/^(\w+)/, (w) => w.toLowerCase())}`,
        );
    for (const action of item.agreedActions) {
      const missing = [action.owner ? null : "owner", action.dueText ? null : "due date"].filter(Boolean);
      if (missing.length)
        flags.push(`${itemHeading(item)}: the agreed action “${action.action}” has no ${missing.join(" and no ")}.`);
    }
  }
  return flags;
}
