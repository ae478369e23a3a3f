import * as Y from "yjs";
import { formatUkDay, isIsoDate } from "../dates";
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  ACTION_TEXT_MAX_LENGTH,
  ACTIONS_FIELD,
  COMMENTARY_SECTIONS,
  DETAILS_FIELD,
  RECOVERY_DATE_KEY,
  RICH_TEXT_FIELDS,
  type ActionStatus,
  type RemedialAction,
  type RichTextField,
} from "./commentary-sections";
import { NESTING_LIMIT } from "./nesting-limit";

/**
 * Reading a commentary's Yjs document, the same way in the browser (the live checklist)
 * and on the server (the readiness check, the exceptions list, the pack). Whatever a
 * client wrote, these return plain, checked values: a malformed entry reads as blank.
 */

export { isIsoDate } from "../dates";

export const richTextFragment = (doc: Y.Doc, field: RichTextField) => doc.getXmlFragment(field);
export const actionsArray = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(ACTIONS_FIELD);
export const detailsMap = (doc: Y.Doc) => doc.getMap<unknown>(DETAILS_FIELD);

/**
 * The words of a rich-text section, blocks separated by newlines. Walked with a stack of
 * its own, not by recursion; an element deeper than the nesting limit reads as the marker.
 */
export function fragmentText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const parts: string[] = [];
  // A node to read at its depth, or the newline that follows an element once its words are read.
  const stack: ({ node: unknown; depth: number } | "\n")[] = [{ node: fragment, depth: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (entry === "\n") {
      parts.push(entry);
      continue;
    }
    const { node, depth } = entry;
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { insert?: unknown }[]) if (typeof op.insert === "string") parts.push(op.insert);
      continue;
    }
    if (!(node instanceof Y.XmlElement || node instanceof Y.XmlFragment)) continue;
    if (depth > NESTING_LIMIT.maxDepth) {
      parts.push(`\n${NESTING_LIMIT.marker}\n`);
      continue;
    }
    const children = node.toArray();
    for (let i = children.length - 1; i >= 0; i--) {
      if (children[i] instanceof Y.XmlElement) stack.push("\n");
      stack.push({ node: children[i], depth: depth + 1 });
    }
  }
  return parts
    .join("")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

const text = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : "");

export function readAction(map: unknown, index: number): RemedialAction | null {
  if (!(map instanceof Y.Map)) return null;
  const status = map.get("status");
  const due = map.get("due");
  const ownerId = map.get("ownerId");
  return {
    id: text(map.get("id"), 64) || `action-${index}`,
    action: text(map.get("action"), ACTION_TEXT_MAX_LENGTH),
    ownerId: typeof ownerId === "string" && /^[0-9a-f-]{36}$/i.test(ownerId) ? ownerId : "",
    due: isIsoDate(due) ? due : "",
    status: (ACTION_STATUSES as readonly unknown[]).includes(status) ? (status as ActionStatus) : "not_started",
  };
}

export function readActions(doc: Y.Doc): RemedialAction[] {
  return actionsArray(doc)
    .toArray()
    .map((map, index) => readAction(map, index))
    .filter((a): a is RemedialAction => a !== null);
}

export function readRecoveryDate(doc: Y.Doc): string {
  const value = detailsMap(doc).get(RECOVERY_DATE_KEY);
  return isIsoDate(value) ? value : "";
}

const isBlankAction = (a: RemedialAction) => !a.action.trim() && !a.ownerId && !a.due;

/** Nothing has been written: "missing" on the exceptions list. */
export function isCommentaryEmpty(doc: Y.Doc): boolean {
  return (
    RICH_TEXT_FIELDS.every((field) => fragmentText(richTextFragment(doc, field)) === "") &&
    readActions(doc).every(isBlankAction) &&
    readRecoveryDate(doc) === ""
  );
}

export type Gap = { field: string; message: string };

/**
 * What still has to be written before the commentary can go to committee: the reason,
 * at least one remedial action with its owner and due date, the recovery date and the
 * forecast. Impact on tenants and data-quality caveats are optional.
 * `isPerson` checks that an action's owner is someone of the organisation.
 * `carriedOpenActions`: remedial actions of earlier months' commentaries still open in
 * the action log. They are carried into this month's commentary, so while one is open
 * a new action is not required (any written must still be complete).
 */
export function commentaryGaps(doc: Y.Doc, isPerson: (userId: string) => boolean = () => true, carriedOpenActions = 0): Gap[] {
  const gaps: Gap[] = [];
  for (const section of COMMENTARY_SECTIONS) {
    if (!section.required) continue;
    if (section.kind === "rich-text" && fragmentText(richTextFragment(doc, section.field)) === "") {
      gaps.push({ field: section.field, message: `Write the ${section.title.toLowerCase()}` });
    }
    if (section.kind === "actions") {
      const actions = readActions(doc).filter((a) => !isBlankAction(a));
      if (actions.length === 0 && carriedOpenActions === 0) {
        gaps.push({ field: section.field, message: "Add at least one remedial action" });
      } else if (actions.some((a) => !a.action.trim() || !a.ownerId || !isPerson(a.ownerId) || !a.due)) {
        gaps.push({ field: section.field, message: "Give every remedial action a description, an owner and a due date" });
      }
    }
    if (section.kind === "date" && readRecoveryDate(doc) === "") {
      gaps.push({ field: section.field, message: "Give the expected recovery date" });
    }
  }
  return gaps;
}

/** A commentary as read-only HTML and text, for the page before (or without) the live editor. */
export type ActionRow = RenderedCommentaryData["actions"][number];

/** Remedial actions as people read them: the owner's name, the due date in words, the status label. */
export function toActionRows(actions: RemedialAction[], nameOf: (userId: string) => string): ActionRow[] {
  return actions.map((a) => ({
    id: a.id,
    action: a.action,
    owner: nameOf(a.ownerId),
    due: formatUkDay(a.due),
    status: ACTION_STATUS_LABELS[a.status],
  }));
}

export type RenderedCommentaryData = {
  /** By rich-text field: HTML made by server/commentary/render-commentary.ts (allowlisted elements, escaped text). */
  sections: Record<string, string>;
  actions: { id: string; action: string; owner: string; due: string; status: string }[];
  recoveryDate: string;
};

/** How many of an indicator's open commentary actions were raised before `period`: those its commentary carries. */
export function carriedOpenActionCount(
  open: readonly { indicatorId: string; raisedInPeriod: string }[],
  indicatorId: string,
  period: string,
): number {
  return open.filter((a) => a.indicatorId === indicatorId && a.raisedInPeriod < period).length;
}
