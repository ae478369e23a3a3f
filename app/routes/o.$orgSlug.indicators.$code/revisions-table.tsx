// The audit trail of the indicator's figures, newest first: who changed which figure, from
// what to what, and why. The loader leaves out status and note where they did not change.
import { TableRegion } from "~/components/ui/table-region";
import { ChangeText } from "./change-text";
import type { IndicatorPageData } from "./indicator-page-data.server";

export function RevisionsTable({ page }: { page: IndicatorPageData }) {
  if (!page.revisions.length) return <p>No figure has been entered or changed yet.</p>;
  return (
    <TableRegion label="Changes to the figures">
      <table className="table revisions" data-testid="revisions-table">
        <caption className="caption--quiet">
          The latest {page.revisions.length} changes to this indicator’s figures, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Figure</th>
            <th scope="col">Change</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {page.revisions.map((r) => (
            <tr key={r.id}>
              <td>{r.when}</td>
              <td>{r.who}</td>
              <th scope="row">
                {r.period}, {r.area}
              </th>
              <td>
                <ChangeText beforeText={r.beforeText} afterText={r.afterText} collapseUnchanged />
                {r.statusText ? <div className="hint">Status: {r.statusText}</div> : null}
                {r.note ? <div className="hint">Note: {r.note}</div> : null}
              </td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
