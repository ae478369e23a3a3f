import * as Y from "yjs";
import { fragmentText } from "../commentary/commentary-content";
import { isIsoDate } from "../dates";
import { isPeriod } from "../performance/periods";

/*
 * The shared record of a meeting: one Yjs document, `meeting:<meeting id>`, holding per
 * agenda item (keyed by the item's id):
 *
 *   minutes:<item>     Y.XmlFragment   the minutes, written in Tiptap by the clerk, officers, members
 *   actions:<item>     Y.Array<Y.Map>  actions agreed: id, action, ownerId, due (YYYY-MM-DD), indicatorId
 *   challenges:<item>  Y.Array<Y.Map>  on a scorecard review: id, indicatorId, question, raisedBy, answer, answeredBy
 *   milestones:<item>  Y.Array<Y.Map>  a clinic's improvement plan: id, milestone, due
 *   trajectory:<item>  Y.Map           a clinic's recovery trajectory: "<indicator id>|<YYYY-MM>" → value (string)
 *   suggestions:<item> Y.Array<Y.Map>  where the clerk holds the pen, members' suggested wording: id, text, by, byName, at
 *
 * Resolutions and votes are not here: they are decided by the server (motions table).
 * Read through these functions, in the browser and on the server alike: whatever a
 * client wrote, they return plain, checked values.
 */

export const RECORD_PARTS = ["minutes", "actions", "challenges", "milestones", "trajectory", "suggestions"] as const;
export type RecordPart = (typeof RECORD_PARTS)[number];

export const recordRoot = (part: RecordPart, itemId: string) => `${part}:${itemId}`;

/** The agenda item a top-level name belongs to, or null for a name outside the scheme. */
export function itemOfRoot(root: string): string | null {
  const colon = root.indexOf(":");
  if (colon < 0) return null;
  const part = root.slice(0, colon);
  return (RECORD_PARTS as readonly string[]).includes(part) ? root.slice(colon + 1) : null;
}

export const minutesFragment = (doc: Y.Doc, itemId: string) => doc.getXmlFragment(recordRoot("minutes", itemId));
export const actionsList = (doc: Y.Doc, itemId: string) => doc.getArray<Y.Map<unknown>>(recordRoot("actions", itemId));
export const challengesList = (doc: Y.Doc, itemId: string) => doc.getArray<Y.Map<unknown>>(recordRoot("challenges", itemId));
export const milestonesList = (doc: Y.Doc, itemId: string) => doc.getArray<Y.Map<unknown>>(recordRoot("milestones", itemId));
export const suggestionsList = (doc: Y.Doc, itemId: string) => doc.getArray<Y.Map<unknown>>(recordRoot("suggestions", itemId));
export const trajectoryMap = (doc: Y.Doc, itemId: string) => doc.getMap<unknown>(recordRoot("trajectory", itemId));

const MAX_TEXT = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const text = (value: unknown) => (typeof value === "string" ? value.slice(0, MAX_TEXT) : "");
const uuidOrEmpty = (value: unknown) => (typeof value === "string" && UUID.test(value) ? value : "");
const dateOrEmpty = (value: unknown) => (isIsoDate(value) ? value : "");
const idOf = (map: Y.Map<unknown>, fallback: string) => {
  const id = map.get("id");
  return typeof id === "string" && id.length > 0 && id.length <= 64 ? id : fallback;
};

function readMaps<T>(array: Y.Array<Y.Map<unknown>>, read: (map: Y.Map<unknown>, index: number) => T): T[] {
  const rows: T[] = [];
  // A client may have pushed anything into the array: only maps are entries.
  (array.toArray() as unknown[]).forEach((entry, index) => {
    if (entry instanceof Y.Map) rows.push(read(entry as Y.Map<unknown>, index));
  });
  return rows;
}

export type AgreedActionEntry = { id: string; action: string; ownerId: string; due: string; indicatorId: string };

export function readAgreedActions(doc: Y.Doc, itemId: string): AgreedActionEntry[] {
  return readMaps(actionsList(doc, itemId), (map, index) => ({
    id: idOf(map, `action-${index}`),
    action: text(map.get("action")).trim(),
    ownerId: uuidOrEmpty(map.get("ownerId")),
    due: dateOrEmpty(map.get("due")),
    indicatorId: uuidOrEmpty(map.get("indicatorId")),
  }));
}

/** An agreed action is complete enough for the action log with a description, an owner and a due date. */
export const isCompleteAction = (a: AgreedActionEntry) => a.action !== "" && a.ownerId !== "" && a.due !== "";

export type Challenge = {
  id: string;
  indicatorId: string;
  question: string;
  raisedBy: string;
  answer: string;
  answeredBy: string;
};

export function readChallenges(doc: Y.Doc, itemId: string): Challenge[] {
  return readMaps(challengesList(doc, itemId), (map, index) => ({
    id: idOf(map, `challenge-${index}`),
    indicatorId: uuidOrEmpty(map.get("indicatorId")),
    question: text(map.get("question")),
    raisedBy: text(map.get("raisedBy")).slice(0, 200),
    answer: text(map.get("answer")),
    answeredBy: text(map.get("answeredBy")).slice(0, 200),
  }));
}

export type Milestone = { id: string; milestone: string; due: string };

/*
 * A clinic's plan is read into the room, the minuted pack and the plan stored at close:
 * whatever a client pushed into the document, those read no more than these (the room's
 * form stops adding milestones at the limit and says so).
 */
export const CLINIC_MILESTONES_MAX = 20;
export const MILESTONE_TEXT_MAX = 500;
/** Two years of monthly points: far more than the six months the room's form offers. */
export const TRAJECTORY_POINTS_MAX = 24;
/** A planned value beyond any indicator's figures (days, pounds, percentages, counts). */
const TRAJECTORY_VALUE_MAX = 1e12;

export function readMilestones(doc: Y.Doc, itemId: string): Milestone[] {
  return readMaps(milestonesList(doc, itemId), (map, index) => ({
    id: idOf(map, `milestone-${index}`),
    milestone: text(map.get("milestone")).slice(0, MILESTONE_TEXT_MAX),
    due: dateOrEmpty(map.get("due")),
  })).slice(0, CLINIC_MILESTONES_MAX);
}

export type Suggestion = { id: string; text: string; by: string; byName: string; at: string };

/** Members' suggested wording for an item's minutes, oldest first; empty ones are left out. */
export function readSuggestions(doc: Y.Doc, itemId: string): Suggestion[] {
  return readMaps(suggestionsList(doc, itemId), (map, index) => ({
    id: idOf(map, `suggestion-${index}`),
    text: text(map.get("text")).trim(),
    by: uuidOrEmpty(map.get("by")),
    byName: text(map.get("byName")).slice(0, 200),
    at: text(map.get("at")).slice(0, 40),
  })).filter((s) => s.text !== "");
}

export const trajectoryKey = (indicatorId: string, period: string) => `${indicatorId}|${period}`;

/** The recovery trajectory of one indicator: period → planned value, in period order. */
export function readTrajectory(doc: Y.Doc, itemId: string, indicatorId: string): { period: string; value: number }[] {
  const points: { period: string; value: number }[] = [];
  trajectoryMap(doc, itemId).forEach((raw, key) => {
    const [id, period] = key.split("|");
    // The one rule for a month (years 1990–2100): the pack counts back 36 months from each.
    if (id !== indicatorId || !isPeriod(period)) return;
    const value = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
    if (Number.isFinite(value) && Math.abs(value) <= TRAJECTORY_VALUE_MAX) points.push({ period, value });
  });
  return points.sort((a, b) => a.period.localeCompare(b.period)).slice(0, TRAJECTORY_POINTS_MAX);
}

/** The minutes of an item as plain text, one line per block. */
export const minutesText = (doc: Y.Doc, itemId: string) => fragmentText(minutesFragment(doc, itemId));
