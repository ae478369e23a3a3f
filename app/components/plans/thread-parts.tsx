import { Link } from "@remix-run/react";
import { ActionStatusTag } from "~/components/meetings/action-status-tag";
import { TableRegion } from "~/components/ui/table-region";
import { formatUkDay } from "~/shared/dates";
import { MILESTONE_STATE_LABELS, type MilestoneState, type ThreadAction } from "~/shared/plans/plan-status";

/*
 * Pieces of the golden thread's pages (ADR 021): statuses are words and shapes (the
 * action log's tags), never colour alone.
 */

export type ThreadActionRow = ThreadAction;

export function PlanActionsTable({
  orgSlug,
  rows,
  caption,
  showPlan = true,
}: {
  orgSlug: string;
  rows: ThreadActionRow[];
  caption: string;
  showPlan?: boolean;
}) {
  return (
    <TableRegion label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {showPlan ? <th scope="col">Plan</th> : null}
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} data-plan-action={`${a.planCode} ${a.code}`}>
              {showPlan ? (
                <td>
                  <Link to={`/o/${orgSlug}/plans/${a.planId}`}>{a.planCode}</Link>
                  <div className="hint">{a.planTitle}</div>
                </td>
              ) : null}
              <th scope="row">
                <Link to={`/o/${orgSlug}/plans/${a.planId}/actions/${a.id}`}>
                  {a.code}: {a.title}
                </Link>
              </th>
              <td>
                <bdi>{a.ownerName ?? "No owner"}</bdi>
              </td>
              <td>{formatUkDay(a.dueDate)}</td>
              <td>
                <ActionStatusTag status={a.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

const MILESTONE_SHAPES: Record<MilestoneState, string> = { done: "✓", done_late: "✓", slipped: "!", due: "○" };

export function MilestoneStateTag({ state }: { state: MilestoneState }) {
  return (
    <span className={`milestone-state milestone-state--${state.replace("_", "-")}`} data-milestone-state={state}>
      <span aria-hidden="true">{MILESTONE_SHAPES[state]} </span>
      {MILESTONE_STATE_LABELS[state]}
    </span>
  );
}

export type SlippedRow = {
  milestoneId: string;
  planId: string;
  planCode: string;
  actionId: string;
  actionCode: string;
  actionTitle: string;
  ownerName: string | null;
  title: string;
  dueDate: string;
  state: MilestoneState;
  commentary: { note: string; expectedDate: string | null; by: string } | null;
};

/** Slipped milestones as exceptions: each needs a short commentary, and says so when it has none. */
export function SlippedMilestonesList({ orgSlug, rows }: { orgSlug: string; rows: SlippedRow[] }) {
  return (
    <ul className="slipped-list">
      {rows.map((s) => (
        <li key={s.milestoneId} className="slipped-list__item" data-slipped-milestone={s.title}>
          <h3 className="slipped-list__title">
            <Link to={`/o/${orgSlug}/plans/${s.planId}/actions/${s.actionId}`}>{s.title}</Link>
          </h3>
          <p className="hint">
            {s.planCode} {s.actionCode}: {s.actionTitle}. Due {formatUkDay(s.dueDate)}; <bdi>{s.ownerName ?? "no owner"}</bdi>.{" "}
            <MilestoneStateTag state={s.state} />
          </p>
          {s.commentary ? (
            <div className="slipped-list__commentary">
              <p>{s.commentary.note}</p>
              <p className="hint">
                <bdi>{s.commentary.by}</bdi>
                {s.commentary.expectedDate ? `; now expected ${formatUkDay(s.commentary.expectedDate)}` : ""}
              </p>
            </div>
          ) : (
            <p className="slipped-list__missing">
              <strong>Commentary needed:</strong> say why it slipped and when it is now expected.
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
