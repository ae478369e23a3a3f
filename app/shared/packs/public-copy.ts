import { exemptNotice } from "../meetings/labels";
import type { PackDocument, PackItem } from "./pack-document";

/** The title an exempt item has in the public copy: its own title may say too much. */
export const EXEMPT_ITEM_TITLE = "Exempt item";

/**
 * The copy of a pack the public may read: every exempt item keeps its place and number
 * and nothing else, its content replaced by the notice of the paragraph it is exempt
 * under. Built from the same canonical pack, so the public copy has its own hash.
 */
export function publicCopy(pack: PackDocument): PackDocument {
  return { ...pack, items: pack.items.map((item) => (item.exempt ? redactedItem(item) : item)) };
}

function redactedItem(item: PackItem): PackItem {
  const paragraph = item.exempt?.paragraph ?? null;
  return {
    sectionId: item.sectionId,
    number: item.number,
    minuteNumber: item.minuteNumber,
    title: EXEMPT_ITEM_TITLE,
    kindLabel: exemptNotice(paragraph),
    presenter: "",
    minutesAllowed: null,
    exempt: item.exempt,
    coverReport: null,
    minutes: null,
    declarations: [],
    resolutions: [],
    agreedActions: [],
    challenges: [],
    approval: null,
    appendices: [],
  };
}
