import { and, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { exceptionDocumentName } from "../../app/shared/collab/document-names";
import {
  carriedOpenActionCount,
  commentaryGaps,
  isCommentaryEmpty,
  type Gap,
} from "../../app/shared/commentary/commentary-content";
import { listOpenCommentaryActions } from "../../db/queries/actions";
import type { Database } from "../../db/client";
import { exceptionCommentaries } from "../../db/schema/commentaries";
import { memberships, users } from "../../db/schema/identity";
import { exceptionRuleOf } from "../../db/queries/organisations";
import { commentaryFingerprint, loadCommentaryDoc, renderSection } from "../commentary/render-commentary";
import { loadScorecard, type ScorecardIndicator } from "./scorecard";
import { scorecardLines, type ScorecardLine } from "./scorecard-view";

/**
 * Exceptions and their commentaries: every indicator that is an exception in a reporting
 * period (organisation-wide, by the organisation's rule: see isException), with the state of the commentary that must explain it before
 * the pack is frozen.
 *
 *   missing  nothing written yet (no document, or an empty one)
 *   draft    being written, or changed since it was marked ready, or no longer complete
 *   ready    marked ready for committee by the owner (or an admin), unchanged since
 */
export type CommentaryStatus = "missing" | "draft" | "ready";

export const COMMENTARY_STATUS_LABELS: Record<CommentaryStatus, string> = {
  missing: "Missing",
  draft: "Draft",
  ready: "Ready for committee",
};

/** Within this long of a reported edit, the list says the commentary is being edited. */
export const BEING_EDITED_WINDOW_MS = 2 * 60_000;

export type CommentarySummary = {
  documentName: string;
  status: CommentaryStatus;
  /** Sections still to write before it can be marked ready. */
  gaps: Gap[];
  /** Marked ready, then changed: it needs marking ready again. */
  changedSinceReady: boolean;
  /** Marked ready by ... at ... (also when changed since). */
  ready: { by: string | null; at: Date } | null;
  lastEdited: { by: string | null; at: Date } | null;
  beingEdited: boolean;
};

export type ExceptionItem = {
  indicator: Pick<ScorecardIndicator, "id" | "code" | "title" | "ownerUserId" | "managerUserId" | "ownerName" | "managerName">;
  line: ScorecardLine;
  /** The period the commentary is for: the indicator's latest figure at or before the chosen period. */
  period: string;
  commentary: CommentarySummary;
  /** The first paragraph of the reason for the variance, rendered safely ("" when none). */
  excerptHtml: string;
  excerptTruncated: boolean;
};

type StateRow = {
  indicatorId: string;
  period: string;
  state: "draft" | "ready";
  readyAt: Date | null;
  readyFingerprint: string | null;
  readyByName: string | null;
  lastEditedAt: Date | null;
  lastEditedByName: string | null;
};

const readyByUsers = alias(users, "ready_by_users");
const lastEditedByUsers = alias(users, "last_edited_by_users");

/** The state rows of the given indicators in the given periods, keyed "indicatorId|period". */
async function stateRows(db: Database, organisationId: string, wanted: { indicatorId: string; period: string }[]) {
  const rows = new Map<string, StateRow>();
  if (wanted.length === 0) return rows;
  const found = await db
    .select({
      indicatorId: exceptionCommentaries.indicatorId,
      period: exceptionCommentaries.period,
      state: exceptionCommentaries.state,
      readyAt: exceptionCommentaries.readyAt,
      readyFingerprint: exceptionCommentaries.readyFingerprint,
      readyByName: readyByUsers.name,
      lastEditedAt: exceptionCommentaries.lastEditedAt,
      lastEditedByName: lastEditedByUsers.name,
    })
    .from(exceptionCommentaries)
    .leftJoin(readyByUsers, eq(exceptionCommentaries.readyBy, readyByUsers.id))
    .leftJoin(lastEditedByUsers, eq(exceptionCommentaries.lastEditedBy, lastEditedByUsers.id))
    .where(
      and(
        eq(exceptionCommentaries.organisationId, organisationId),
        inArray(exceptionCommentaries.indicatorId, [...new Set(wanted.map((w) => w.indicatorId))]),
        inArray(exceptionCommentaries.period, [...new Set(wanted.map((w) => w.period))]),
      ),
    );
  for (const row of found) rows.set(`${row.indicatorId}|${row.period}`, row);
  return rows;
}

async function organisationPeople(db: Database, organisationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(eq(memberships.organisationId, organisationId));
  return new Set(rows.map((r) => r.userId));
}

/** The commentary's state from its document and its state row. */
export function summariseCommentary(
  doc: import("yjs").Doc,
  row: StateRow | null,
  context: { documentName: string; people: Set<string>; now?: Date; carriedOpenActions?: number },
): CommentarySummary {
  const now = context.now ?? new Date();
  const empty = isCommentaryEmpty(doc);
  const gaps = commentaryGaps(doc, (userId) => context.people.has(userId), context.carriedOpenActions ?? 0);
  const markedReady = row?.state === "ready" && row.readyAt !== null;
  const changedSinceReady = markedReady && row.readyFingerprint !== commentaryFingerprint(doc);
  const status: CommentaryStatus = empty ? "missing" : markedReady && !changedSinceReady && gaps.length === 0 ? "ready" : "draft";
  const lastEdited = row?.lastEditedAt ? { by: row.lastEditedByName, at: row.lastEditedAt } : null;
  return {
    documentName: context.documentName,
    status,
    gaps,
    changedSinceReady: changedSinceReady || (markedReady && gaps.length > 0),
    ready: markedReady ? { by: row.readyByName, at: row.readyAt! } : null,
    lastEdited,
    beingEdited: lastEdited !== null && now.getTime() - lastEdited.at.getTime() < BEING_EDITED_WINDOW_MS,
  };
}

/** One commentary's summary, for the commentary page. */
export async function loadCommentarySummary(db: Database, organisationId: string, indicatorId: string, period: string) {
  const documentName = exceptionDocumentName(indicatorId, period);
  const [rows, people, doc, open] = await Promise.all([
    stateRows(db, organisationId, [{ indicatorId, period }]),
    organisationPeople(db, organisationId),
    loadCommentaryDoc(db, documentName),
    listOpenCommentaryActions(db, organisationId, [indicatorId]),
  ]);
  const carriedOpenActions = carriedOpenActionCount(open, indicatorId, period);
  return {
    doc,
    carriedOpenActions,
    summary: summariseCommentary(doc, rows.get(`${indicatorId}|${period}`) ?? null, { documentName, people, carriedOpenActions }),
  };
}

/**
 * The exceptions of a period, in scorecard (theme) order, each with its commentary's
 * state and an excerpt of its reason for the variance.
 */
/**
 * Which exceptions: by default the organisation's. An area's are judged on the area's
 * figures against its own targets where it has them (an area panel's exceptions), with
 * the indicator's one commentary for the month. A clinic names its indicators: they
 * are reported whatever their status today, since a clinic is called for a worrying
 * trend as often as for a red figure. What counts as an exception is the organisation's
 * setting (`isException`).
 */
export type ExceptionScope = { areaId?: string | null; indicatorIds?: readonly string[] };

export async function loadExceptions(
  db: Database,
  organisationId: string,
  period: string,
  scope: ExceptionScope = {},
): Promise<ExceptionItem[]> {
  const [scorecard, exceptionRule] = await Promise.all([
    loadScorecard(db, { organisationId, period, areaId: scope.areaId ?? null }),
    exceptionRuleOf(db, organisationId),
  ]);
  const named = scope.indicatorIds ? new Set(scope.indicatorIds) : null;
  const idOf = new Map(scorecard.entries.map((e) => [e.indicator.code, e.indicator.id]));
  const lines = named
    ? scorecardLines(scorecard, { sort: "theme" }).filter((line) => named.has(idOf.get(line.code) ?? ""))
    : scorecardLines(scorecard, { exceptionsOnly: true, exceptionRule, sort: "theme" });
  const byCode = new Map(scorecard.entries.map((e) => [e.indicator.code, e.indicator]));
  const wanted = lines.map((line) => ({ line, indicator: byCode.get(line.code)!, period: line.reportingPeriod }));
  const [rows, people, open] = await Promise.all([
    stateRows(
      db,
      organisationId,
      wanted.map((w) => ({ indicatorId: w.indicator.id, period: w.period })),
    ),
    organisationPeople(db, organisationId),
    listOpenCommentaryActions(
      db,
      organisationId,
      wanted.map((w) => w.indicator.id),
    ),
  ]);
  const now = new Date();
  const items: ExceptionItem[] = [];
  // One at a time: PGlite has one connection, and a period has tens of exceptions, not thousands.
  for (const { line, indicator, period: commentaryPeriod } of wanted) {
    const documentName = exceptionDocumentName(indicator.id, commentaryPeriod);
    const doc = await loadCommentaryDoc(db, documentName);
    try {
      const summary = summariseCommentary(doc, rows.get(`${indicator.id}|${commentaryPeriod}`) ?? null, {
        documentName,
        people,
        now,
        carriedOpenActions: carriedOpenActionCount(open, indicator.id, commentaryPeriod),
      });
      const excerpt = renderSection(doc, "reason", { maxBlocks: 1 });
      items.push({
        indicator: {
          id: indicator.id,
          code: indicator.code,
          title: indicator.title,
          ownerUserId: indicator.ownerUserId,
          managerUserId: indicator.managerUserId,
          ownerName: indicator.ownerName,
          managerName: indicator.managerName,
        },
        line,
        period: commentaryPeriod,
        commentary: summary,
        excerptHtml: excerpt.html,
        excerptTruncated: excerpt.truncated,
      });
    } finally {
      doc.destroy();
    }
  }
  return items;
}

export type MissingCommentary = {
  indicatorId: string;
  code: string;
  title: string;
  /** The period of the commentary (the indicator's reporting period). */
  period: string;
  status: Exclude<CommentaryStatus, "ready">;
  documentName: string;
};

/**
 * The exceptions of a period whose commentary is not ready for committee: the pack
 * cannot be frozen until this is empty. A commentary changed since it was marked
 * ready counts as not ready (its new words have not been signed off).
 */
export async function missingCommentaries(db: Database, organisationId: string, period: string): Promise<MissingCommentary[]> {
  const items = await loadExceptions(db, organisationId, period);
  return items
    .filter((item) => item.commentary.status !== "ready")
    .map((item) => ({
      indicatorId: item.indicator.id,
      code: item.indicator.code,
      title: item.indicator.title,
      period: item.period,
      status: item.commentary.status as Exclude<CommentaryStatus, "ready">,
      documentName: item.commentary.documentName,
    }));
}
