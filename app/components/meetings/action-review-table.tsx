import { Link } from "@remix-run/react";
import { TableRegion } from "~/components/ui/table-region";
import { actionCountsText, countRows, type ActionReviewRow } from "~/shared/meetings/action-log-view";
import { LatestNoteCell } from "./action-log-table";
import { ActionStatusTag } from "./action-status-tag";
import { IndicatorMovementCell } from "./indicator-movement-cell";

/*
 * The next meeting's "Review of the action log" (plan, do, check, act: each meeting first
 * checks the last one's actions). Rows come from loadActionReview, already worded. The
 * route that shows it adds `...actionStylesLinks()` (./action-styles) to its links.
 *
 * `actionHref` links each action to its page; leave it out where links mean nothing
 * (a printed pack).
 */
export function ActionReviewTable({
  rows,
  caption = "Actions carried forward from earlier meetings",
  actionHref,
}: {
  rows: ActionReviewRow[];
  caption?: string;
  actionHref?: (actionId: string) => string;
}) {
  const counts = countRows(rows);
  if (rows.length === 0) {
    return (
      <p className="action-review__empty">No actions to review: none were open at the last meeting and none have closed since.</p>
    );
  }
  return (
    <div className="action-review">
      <p className="action-review__summary" data-testid="action-review-summary">
        {actionCountsText(counts)}
      </p>
      <TableRegion label={caption}>
        <table className="table action-table action-review__table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Minute</th>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Status since the last meeting</th>
              <th scope="col">Indicator when agreed and now</th>
              <th scope="col">Latest progress note</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.id}
                data-action-id={row.id}
                data-shown-status={row.shownStatus}
                className={row.shownStatus === "overdue" ? "action-table__row--overdue" : undefined}
              >
                <td className="action-table__minute">{row.minuteNumber ?? "–"}</td>
                <th scope="row" className="action-table__description">
                  {actionHref ? <Link to={actionHref(row.id)}>{row.description}</Link> : row.description}
                </th>
                <td>
                  <bdi>{row.ownerName}</bdi>
                </td>
                <td className="action-table__due">{row.dueText}</td>
                <td>
                  <ActionStatusTag status={row.shownStatus} />
                  <div className="hint">{row.statusChangeText}</div>
                </td>
                <td>
                  <IndicatorMovementCell indicator={row.indicator} full />
                </td>
                <LatestNoteCell note={row.latestNote} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </div>
  );
}
