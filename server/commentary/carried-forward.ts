import { exceptionDocumentName } from "../../app/shared/collab/document-names";
import { readRecoveryDate } from "../../app/shared/commentary/commentary-content";
import { formatUkDay } from "../../app/shared/dates";
import { ACTION_STATUS_LABELS, shownActionStatus, ukToday } from "../../app/shared/meetings/action-status";
import { monthLabel, previousPeriod } from "../../app/shared/performance/periods";
import type { Database } from "../../db/client";
import { listCarriedCommentaryActions } from "../../db/queries/actions";
import { findPreviousCommentaryPeriod } from "../../db/queries/commentaries";
import { loadCommentaryDoc, renderSection } from "./render-commentary";

/**
 * What an exception commentary carries from the months before: the remedial actions
 * earlier commentaries raised, as the action log has them now (still open, or closed
 * since the start of last month), and last time's reason and expected recovery date,
 * for reference. The actions are the log's own entries, not copies of their words: a
 * status reported on the action log shows here at once.
 */
export type CarriedAction = {
  id: string;
  description: string;
  ownerName: string;
  dueText: string;
  statusText: string;
  open: boolean;
  raisedInText: string;
};

export type CarriedForward = {
  actions: CarriedAction[];
  lastTime: { periodText: string; reasonHtml: string; recoveryDateText: string } | null;
};

export async function loadCarriedForward(
  db: Database,
  organisationId: string,
  indicatorId: string,
  period: string,
  today = ukToday(),
): Promise<CarriedForward> {
  const [actions, lastPeriod] = await Promise.all([
    loadCarriedActions(db, organisationId, indicatorId, period, today),
    findPreviousCommentaryPeriod(db, organisationId, indicatorId, period),
  ]);
  if (!lastPeriod) return { actions, lastTime: null };
  const doc = await loadCommentaryDoc(db, exceptionDocumentName(indicatorId, lastPeriod));
  try {
    return {
      actions,
      lastTime: {
        periodText: monthLabel(lastPeriod),
        reasonHtml: renderSection(doc, "reason").html,
        recoveryDateText: formatUkDay(readRecoveryDate(doc)),
      },
    };
  } finally {
    doc.destroy();
  }
}

/** The carried actions alone (the pack prints them with the month's own). */
export async function loadCarriedActions(
  db: Database,
  organisationId: string,
  indicatorId: string,
  period: string,
  today: string,
): Promise<CarriedAction[]> {
  const closedSince = new Date(`${previousPeriod(period)}-01T00:00:00Z`);
  const rows = await listCarriedCommentaryActions(db, organisationId, indicatorId, period, closedSince);
  return rows.map((row) => ({
    id: row.id,
    description: row.description,
    ownerName: row.ownerName ?? "No owner",
    dueText: formatUkDay(row.dueDate),
    statusText: ACTION_STATUS_LABELS[shownActionStatus(row.status, row.dueDate, today)],
    open: row.status !== "complete",
    raisedInText: row.raisedInPeriod ? monthLabel(row.raisedInPeriod) : "",
  }));
}
