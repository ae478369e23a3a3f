import { Link } from "@remix-run/react";
import { TableRegion } from "~/components/ui/table-region";
import type { ActionRowView } from "~/shared/meetings/action-log-view";
import { ActionStatusTag } from "./action-status-tag";
import { IndicatorMovementCell } from "./indicator-movement-cell";

/** The action log as a table: one row per action, linked to the action's own page. */
export function ActionLogTable({
  rows,
  caption,
  actionHref,
}: {
  rows: ActionRowView[];
  caption: string;
  actionHref: (actionId: string) => string;
}) {
  return (
    <TableRegion label="Action log">
      <table className="table action-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Minute</th>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Indicator</th>
            <th scope="col">Latest note</th>
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
              <td className="action-table__minute">{row.minuteNumber ?? <span className="hint">None</span>}</td>
              <th scope="row" className="action-table__description">
                <Link to={actionHref(row.id)}>{row.description}</Link>
                {row.bodyName ? <div className="hint">{row.bodyName}</div> : null}
              </th>
              <td>
                <bdi>{row.ownerName}</bdi>
              </td>
              <td className="action-table__due">{row.dueText}</td>
              <td>
                <ActionStatusTag status={row.shownStatus} />
                {row.shownStatus === "overdue" ? <div className="hint">Was due {row.dueText}</div> : null}
                {row.completedText ? <div className="hint">Closed {row.completedText}</div> : null}
              </td>
              <td>
                <IndicatorMovementCell indicator={row.indicator} />
              </td>
              <LatestNoteCell note={row.latestNote} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** An action's latest progress note, with who wrote it and when: the log and the meeting's review alike. */
export function LatestNoteCell({ note }: { note: ActionRowView["latestNote"] }) {
  return (
    <td className="action-table__note">
      {note ? (
        <>
          <p>{note.text}</p>
          <p className="hint">
            {note.by}, {note.atText}
          </p>
        </>
      ) : (
        <span className="hint">No notes yet</span>
      )}
    </td>
  );
}
