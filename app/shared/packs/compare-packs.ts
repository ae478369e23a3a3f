import { diffArrays, diffWords } from "diff";
import { itemHeading, type PackAppendix, type PackDocument, type PackItem } from "./pack-document";
import { richTextPlain } from "./rich-text-plain";
import { motionStatement, statusOfOutcome } from "../meetings/motion-wording";

/*
 * What a correction changed: two versions of a pack compared as the words a reader sees.
 * Each item and each appendix is cut into parts (a cover report section, the minutes,
 * the resolutions, a scorecard row…), each part written as plain text, and the parts
 * that differ are diffed word by word. Items are matched by title, so inserting an item
 * does not make every later item look changed; a title that changed in place shows as
 * that item retitled.
 */

/** A run of words the same in both versions, or only in the later (added) or earlier (removed). */
export type WordRun = { kind: "same" | "added" | "removed"; text: string };

export type PartChange = {
  /** "Minutes", "Cover report: Summary", "Scorecard: October 2026: KPI01 Repairs…" */
  label: string;
  /** "added" and "removed" parts are the whole text on one side; "changed" parts are a diff. */
  change: "added" | "removed" | "changed";
  words: WordRun[];
};

export type PackChange =
  /** The meeting's details, attendance or quorum. */
  | { kind: "details"; parts: PartChange[] }
  | { kind: "item-added"; sectionId: string; heading: string }
  | { kind: "item-removed"; sectionId: string; heading: string }
  | {
      kind: "item-changed";
      /** Of the later version. */
      sectionId: string;
      heading: string;
      /** The earlier heading when it changed (retitled or renumbered), else null. */
      previousHeading: string | null;
      headingWords: WordRun[] | null;
      parts: PartChange[];
    };

/** The changes from `before` to `after`, in the later version's reading order; empty when they say the same. */
export function comparePacks(before: PackDocument, after: PackDocument): PackChange[] {
  const changes: PackChange[] = [];
  const details = compareParts(detailParts(before), detailParts(after));
  if (details.length) changes.push({ kind: "details", parts: details });
  for (const step of alignItems(before.items, after.items)) {
    if (step.before && step.after) {
      const change = compareItems(step.before, step.after);
      if (change) changes.push(change);
    } else if (step.after)
      changes.push({ kind: "item-added", sectionId: step.after.sectionId, heading: itemHeading(step.after) });
    else if (step.before)
      changes.push({ kind: "item-removed", sectionId: step.before.sectionId, heading: itemHeading(step.before) });
  }
  return changes;
}

/**
 * Words as Unicode word segmentation finds them, so a figure ("92.0", "1,234") or "it's"
 * is one word and changes whole rather than around its point or apostrophe.
 */
const WORDS = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("en-GB", { granularity: "word" }) : undefined;

/** Word-level difference of two texts; whitespace alone is no difference. */
export function diffText(before: string, after: string): WordRun[] {
  return diffWords(before, after, { intlSegmenter: WORDS }).map((c) => ({
    kind: c.added ? "added" : c.removed ? "removed" : "same",
    text: c.value,
  }));
}

// ---------------------------------------------------------------------------
// Alignment
// ---------------------------------------------------------------------------

type Pair<T> = { before: T | null; after: T | null };

/**
 * Pairs the items of two versions: equal titles in order match; between matches, a
 * removed item and an added item at the same place are one item retitled.
 */
function alignItems(before: PackItem[], after: PackItem[]): Pair<PackItem>[] {
  return alignBy(before, after, (a, b) => a.title === b.title, true);
}

/** Walks a diff of two lists; with `pairReplacements`, a run removed next to a run added is paired up in order. */
function alignBy<T>(before: T[], after: T[], same: (a: T, b: T) => boolean, pairReplacements: boolean): Pair<T>[] {
  const pairs: Pair<T>[] = [];
  let i = 0;
  let j = 0;
  let removed: T[] = [];
  let added: T[] = [];
  const flush = () => {
    const paired = pairReplacements ? Math.min(removed.length, added.length) : 0;
    for (let k = 0; k < paired; k++) pairs.push({ before: removed[k], after: added[k] });
    for (const item of removed.slice(paired)) pairs.push({ before: item, after: null });
    for (const item of added.slice(paired)) pairs.push({ before: null, after: item });
    removed = [];
    added = [];
  };
  for (const change of diffArrays(before, after, { comparator: same })) {
    const count = change.count;
    if (change.removed) {
      removed.push(...before.slice(i, i + count));
      i += count;
    } else if (change.added) {
      added.push(...after.slice(j, j + count));
      j += count;
    } else {
      flush();
      for (let k = 0; k < count; k++) pairs.push({ before: before[i + k], after: after[j + k] });
      i += count;
      j += count;
    }
  }
  flush();
  return pairs;
}

// ---------------------------------------------------------------------------
// Parts: each piece of a pack as a keyed, labelled plain text
// ---------------------------------------------------------------------------

type Part = { key: string; label: string; text: string };

function compareParts(before: Part[], after: Part[]): PartChange[] {
  const changes: PartChange[] = [];
  for (const pair of alignBy(before, after, (a, b) => a.key === b.key, false)) {
    if (pair.before && pair.after) {
      if (pair.before.text === pair.after.text) continue;
      const words = diffText(pair.before.text, pair.after.text);
      if (words.some((w) => w.kind !== "same")) changes.push({ label: pair.after.label, change: "changed", words });
    } else if (pair.after)
      changes.push({ label: pair.after.label, change: "added", words: [{ kind: "added", text: pair.after.text }] });
    else if (pair.before)
      changes.push({ label: pair.before.label, change: "removed", words: [{ kind: "removed", text: pair.before.text }] });
  }
  return changes;
}

function compareItems(before: PackItem, after: PackItem): PackChange | null {
  const parts = compareParts(itemParts(before), itemParts(after));
  for (const pair of alignBy(
    keyed(before.appendices, appendixKey),
    keyed(after.appendices, appendixKey),
    (a, b) => a.key === b.key,
    false,
  )) {
    if (pair.before && pair.after) parts.push(...compareParts(appendixParts(pair.before.value), appendixParts(pair.after.value)));
    else if (pair.after)
      parts.push({
        label: pair.after.value.title,
        change: "added",
        words: [{ kind: "added", text: wholeAppendix(pair.after.value) }],
      });
    else if (pair.before)
      parts.push({
        label: pair.before.value.title,
        change: "removed",
        words: [{ kind: "removed", text: wholeAppendix(pair.before.value) }],
      });
  }
  const previous = itemHeading(before);
  const heading = itemHeading(after);
  const retitled = previous !== heading;
  if (!retitled && parts.length === 0) return null;
  return {
    kind: "item-changed",
    sectionId: after.sectionId,
    heading,
    previousHeading: retitled ? previous : null,
    headingWords: retitled ? diffText(previous, heading) : null,
    parts,
  };
}

/** Only parts with words in them: a part that appears is "added", one that empties is "removed". */
function parts(...list: Part[]): Part[] {
  const seen = new Map<string, number>();
  return list
    .filter((part) => part.text.trim() !== "")
    .map((part) => {
      // Two sections with the same title stay two parts.
      const n = (seen.get(part.key) ?? 0) + 1;
      seen.set(part.key, n);
      return n === 1 ? part : { ...part, key: `${part.key}#${n}` };
    });
}

const lines = (...list: (string | false | null | undefined)[]) => list.filter((line): line is string => Boolean(line)).join("\n");

function detailParts(pack: PackDocument): Part[] {
  const { meeting, attendance } = pack;
  const people = (title: string, list: { name: string; role: string }[]) =>
    list.length ? `${title}: ${list.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(", ")}` : null;
  return parts(
    { key: "title", label: "Title", text: pack.title },
    {
      key: "meeting",
      label: "Meeting details",
      text: lines(
        `${meeting.title} (${meeting.kindLabel})`,
        meeting.whenText,
        meeting.place && `Where: ${meeting.place}`,
        meeting.onlineLink && `Online: ${meeting.onlineLink}`,
      ),
    },
    {
      key: "attendance",
      label: pack.kind === "minutes" ? "Attendance" : "Membership",
      text: lines(
        people("Present", attendance.present),
        people("Apologies", attendance.apologies),
        people("Absent", attendance.absent),
        people("Officers", attendance.officers),
        people("Guests", attendance.guests),
      ),
    },
    { key: "quorum", label: "Quorum", text: pack.quorumText ?? "" },
  );
}

function itemParts(item: PackItem): Part[] {
  const report = item.coverReport;
  return parts(
    {
      key: "details",
      label: "Item details",
      text: lines(
        item.kindLabel && `Kind of item: ${item.kindLabel}`,
        item.presenter && `Presented by: ${item.presenter}`,
        item.minutesAllowed !== null && `Time allowed: ${item.minutesAllowed} minutes`,
        item.exempt && `Exempt under paragraph ${item.exempt.paragraph}: ${item.exempt.paragraphText}`,
      ),
    },
    {
      key: "declarations",
      label: "Declarations of interest",
      text: lines(...item.declarations.map((d) => `${d.name}: ${d.kindLabel}${d.note ? `. ${d.note}` : ""}`)),
    },
    ...(report?.sections ?? []).map((s) => ({
      key: `cover:${s.key}`,
      label: `Cover report: ${s.title}`,
      text: richTextPlain(s.body),
    })),
    {
      key: "cover:checklist",
      label: "Cover report: no implications arising",
      text: lines(...(report?.checklist ?? []).map((c) => `${c.area}: ${c.noImplications ? "Yes" : "No"}`)),
    },
    {
      key: "cover:details",
      label: "Cover report: author, contact and background papers",
      text: report
        ? lines(`Author: ${report.author}`, `Contact: ${report.contact}`, `Background papers: ${report.backgroundPapers}`)
        : "",
    },
    { key: "minutes", label: "Minutes", text: richTextPlain(item.minutes) },
    {
      key: "challenges",
      label: "Questions and challenge",
      text: lines(
        ...item.challenges.map(
          (c) => `${c.indicator ? `${c.indicator}: ` : ""}${c.question} (${c.raisedBy}) Answer: ${c.answer} (${c.answeredBy})`,
        ),
      ),
    },
    {
      key: "resolutions",
      label: "Resolutions",
      text: lines(
        ...item.resolutions.map((r) =>
          [
            motionStatement(statusOfOutcome(r.outcomeLabel), r.wording),
            `${r.outcomeLabel}${r.methodLabel ? ` (${r.methodLabel})` : ""}${r.tallyText ? `: ${r.tallyText}` : ""}.`,
            r.namedVotes.length ? `Named votes: ${r.namedVotes.map((v) => `${v.name} ${v.choiceLabel}`).join(", ")}.` : "",
          ]
            .filter(Boolean)
            .join(" "),
        ),
      ),
    },
    {
      key: "agreed-actions",
      label: "Agreed actions",
      text: lines(
        ...item.agreedActions.map(
          (a) => `${a.action}: ${a.owner}, due ${a.dueText}${a.indicator ? `, indicator ${a.indicator}` : ""}`,
        ),
      ),
    },
    {
      key: "approval",
      label: "Minutes approved",
      text: item.approval ? `${item.approval.text} SHA-256 ${item.approval.sha256}` : "",
    },
  );
}

/** An appendix is the same one in both versions when its kind and title are. */
const appendixKey = (appendix: PackAppendix) => `${appendix.kind}:${appendix.title}`;

function keyed<T>(list: T[], keyOf: (value: T) => string): { key: string; value: T }[] {
  const seen = new Map<string, number>();
  return list.map((value) => {
    const n = (seen.get(keyOf(value)) ?? 0) + 1;
    seen.set(keyOf(value), n);
    return { key: `${keyOf(value)}#${n}`, value };
  });
}

function appendixParts(appendix: PackAppendix): Part[] {
  const { title } = appendix;
  switch (appendix.kind) {
    case "scorecard":
      return parts(
        { key: "scope", label: `${title}: period and area`, text: lines(appendix.periodText, appendix.areaName) },
        ...appendix.rows.map((r) => ({
          key: `row:${r.code}`,
          label: `${title}: ${r.code} ${r.title}`,
          text: `${r.code} ${r.title}: ${r.valueText} against a target of ${r.targetText}, ${r.statusText}. ${r.directionText}. Year to date ${r.ytdText}. ${r.quartileText}.`,
        })),
      );
    case "exception": {
      const { commentary } = appendix;
      return parts(
        {
          key: "figures",
          label: `${title}: figures`,
          text: lines(
            `${appendix.code} ${appendix.indicatorTitle}, ${appendix.periodText}`,
            `Value ${appendix.valueText} against a target of ${appendix.targetText}, ${appendix.statusText}`,
            `Owner: ${appendix.owner}`,
            `Commentary: ${commentary.stateText}`,
          ),
        },
        {
          key: "trend",
          label: `${title}: trend`,
          text: lines(...appendix.trend.map((p) => `${p.periodText}: ${p.value ?? "no data"} (target ${p.target ?? "none"})`)),
        },
        ...commentary.sections.map((s) => ({
          key: `section:${s.title}`,
          label: `${title}: ${s.title}`,
          text: richTextPlain(s.body),
        })),
        {
          key: "actions",
          label: `${title}: remedial actions`,
          text: lines(...commentary.actions.map((a) => `${a.action}: ${a.owner}, due ${a.dueText}, ${a.statusText}`)),
        },
        { key: "recovery", label: `${title}: expected recovery`, text: commentary.recoveryDateText },
      );
    }
    case "improvement_plan":
      return parts(
        {
          key: "milestones",
          label: `${title}: milestones`,
          text: lines(...appendix.milestones.map((m) => `${m.milestone}, due ${m.dueText}`)),
        },
        {
          key: "trajectory",
          label: `${title}: recovery trajectory`,
          text: lines(
            ...appendix.trajectoryText.map((p) => `${p.periodText}: planned ${p.plannedText} (target ${p.targetText})`),
          ),
        },
      );
    case "action_log":
      return parts(
        ...appendix.rows.map((r) => ({
          key: `row:${r.reference}`,
          label: `${title}: ${r.reference}`,
          text: lines(
            `${r.reference} ${r.action}: ${r.owner}, due ${r.dueText}, ${r.statusText}`,
            r.latestNote && `Latest note: ${r.latestNote}`,
            r.indicator && `Indicator: ${r.indicator}${r.movementText ? `, ${r.movementText}` : ""}`,
          ),
        })),
      );
    case "plan_progress":
      return parts(
        { key: "quarter", label: `${title}: quarter`, text: appendix.quarterText },
        ...appendix.actions.map((a) => ({
          key: `action:${a.code}`,
          label: `${title}: ${a.code}`,
          text: lines(
            `${a.plan}, ${a.code} ${a.title}: ${a.owner}, due ${a.dueText}, ${a.statusText}`,
            a.progress && `Progress: ${a.progress}`,
            a.milestonesText,
          ),
        })),
        {
          key: "slipped",
          label: `${title}: slipped milestones`,
          text: lines(
            ...appendix.slipped.map((m) => `${m.action}: ${m.milestone}, due ${m.dueText}, ${m.stateText}. ${m.commentary}`),
          ),
        },
      );
    case "improvement_log":
      return parts(
        ...appendix.rows.map((r, i) => ({
          key: `row:${i}:${r.title}`,
          label: `${title}: ${r.title}`,
          text: lines(
            `${r.title}, made ${r.madeOnText}`,
            r.description,
            r.evidence && `Evidence: ${r.evidence}`,
            r.indicator && `Indicator: ${r.indicator}${r.movementText ? `, ${r.movementText}` : ""}`,
            r.planAction && `Plan action: ${r.planAction}`,
          ),
        })),
      );
  }
}

/** All of an appendix, for one that is only in one version. */
function wholeAppendix(appendix: PackAppendix): string {
  return [appendix.title, ...appendixParts(appendix).map((part) => part.text)].join("\n");
}
