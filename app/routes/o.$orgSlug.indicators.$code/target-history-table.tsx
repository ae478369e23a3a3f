// The audit trail of the indicator's targets, newest first: who changed which year's (and
// area's) target, from what to what, and why (an import gives its file name).
import { TableRegion } from "~/components/ui/table-region";
import { ChangeText } from "./change-text";
import type { IndicatorPageData } from "./indicator-page-data.server";

export function TargetHistoryTable({ page }: { page: IndicatorPageData }) {
  if (!page.targetHistory.length) return <p>No target has been set or changed yet.</p>;
  return (
    <TableRegion label="Target history">
      <table className="table revisions" data-testid="target-history">
        <caption className="caption--quiet">
          The latest {page.targetHistory.length} changes to this indicator’s targets, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Target</th>
            <th scope="col">Change</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {page.targetHistory.map((r) => (
            <tr key={r.id}>
              <td>{r.when}</td>
              <td>{r.who}</td>
              <th scope="row">{r.target}</th>
              <td>
                <ChangeText beforeText={r.beforeText} afterText={r.afterText} />
              </td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
