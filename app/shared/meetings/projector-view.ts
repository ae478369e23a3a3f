import type { AgendaItemKind } from "../vocabulary";
import { AGENDA_ITEM_KIND_LABELS } from "./labels";
import type { RoomMotion } from "./room-events";

/*
 * What the projector puts on the wall for the chair's item: each line once (an "Any
 * other business" item is not captioned "Any other business" again), and the motion
 * the room is voting on, or, once the vote closes, its result.
 */

/** Letters and digits only, lower case: "Any other business." and "any other business" are the same line. */
const sameWords = (text: string) =>
  text
    .normalize("NFKC")
    .toLocaleLowerCase("en-GB")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/**
 * The lines in order, without a blank one or one that says what an earlier line says
 * already, word for word, or is contained in it ("Report" under "Report: rent arrears").
 */
export function distinctLines(lines: (string | null | undefined)[]): string[] {
  const kept: string[] = [];
  for (const line of lines) {
    const words = line ? sameWords(line) : "";
    if (!words) continue;
    if (kept.some((k) => containsWords(sameWords(k), words))) continue;
    kept.push(line!.trim());
  }
  return kept;
}

function containsWords(longer: string, shorter: string): boolean {
  return ` ${longer} `.includes(` ${shorter} `);
}

/** The kind of item, unless its title says it already ("" for "Any other business" titled so). */
export function kindCaption(item: { kind: AgendaItemKind; title: string }): string {
  return distinctLines([item.title, AGENDA_ITEM_KIND_LABELS[item.kind]])[1] ?? "";
}

/**
 * The motion to show for an item: the one being voted on, else the last one decided
 * (carried or lost); a withdrawn motion is not shown. Null when there is none.
 */
export function projectedMotion<M extends Pick<RoomMotion, "agendaItemId" | "status">>(motions: M[], itemId: string): M | null {
  const ofItem = motions.filter((m) => m.agendaItemId === itemId);
  return ofItem.find((m) => m.status === "open") ?? ofItem.filter((m) => m.status !== "withdrawn").at(-1) ?? null;
}

/** The fields of an item the projector shows. */
type ProjectedItemFields = {
  id: string;
  position: number;
  kind: AgendaItemKind;
  title: string;
  presenter: string | null;
  exempt: boolean;
  minuteNumber: string | null;
};

/**
 * The page the projector loads: what it shows and nothing more. The screen is a browser
 * signed in as the clerk, in a room the public may sit in: an exempt item's papers, the
 * members' names and the clerk's permissions never reach it, not even unseen in the page.
 */
export function projectorPage<Item extends ProjectedItemFields, Content>(session: {
  orgSlug: string;
  organisationName: string;
  meeting: { id: string; title: string; when: string; status: string; currentItemId: string | null };
  items: Item[];
  contents: Record<string, Content>;
}) {
  const { id, title, when, status, currentItemId } = session.meeting;
  return {
    orgSlug: session.orgSlug,
    organisationName: session.organisationName,
    meeting: { id, title, when, status, currentItemId },
    items: session.items.map(({ id, position, kind, title, presenter, exempt, minuteNumber }) => ({
      id,
      position,
      kind,
      title,
      presenter,
      exempt,
      minuteNumber,
    })),
    contents: Object.fromEntries(
      session.items
        .filter((item) => !item.exempt && item.id in session.contents)
        .map((item) => [item.id, session.contents[item.id]]),
    ) as Record<string, Content>,
  };
}
