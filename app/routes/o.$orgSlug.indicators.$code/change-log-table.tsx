// One frame for the indicator page's audit trails (figures, targets): newest first, who
// changed what, from what to what, and why. Each trail gives its own rows and words.
import type { ReactNode } from "react";
import { TableRegion } from "~/components/ui/table-region";

export type ChangeLogRow = {
  id: string | number;
  when: string;
  who: string;
  subject: ReactNode;
  change: ReactNode;
  reason: string;
};

export function ChangeLogTable(props: {
  label: string;
  testId: string;
  /** What each row changed, as the column heading says it: "Figure", "Target". */
  subjectHeading: string;
  /** What the trail is of, for the caption: "this indicator’s figures". */
  of: string;
  rows: ChangeLogRow[];
}) {
  return (
    <TableRegion label={props.label}>
      <table className="table revisions" data-testid={props.testId}>
        <caption className="caption--quiet">
          The latest {props.rows.length} changes to {props.of}, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">{props.subjectHeading}</th>
            <th scope="col">Change</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.id}>
              <td>{row.when}</td>
              <td>{row.who}</td>
              <th scope="row">{row.subject}</th>
              <td>{row.change}</td>
              <td>{row.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
