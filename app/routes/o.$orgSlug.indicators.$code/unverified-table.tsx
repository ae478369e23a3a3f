// Figures entered or imported but not yet checked by the performance team. Everyone who
// can read the page sees which figures are unchecked; only those the policy lets verify
// get a Verify button, each its own small form posting intent=verify to the page's action.
import { Form } from "@remix-run/react";
import { TableRegion } from "~/components/ui/table-region";
import type { IndicatorPageData } from "./indicator-page-data.server";

export function UnverifiedTable({ page, busy }: { page: IndicatorPageData; busy: boolean }) {
  if (!page.unverified.length) return <p>Every figure of this indicator has been verified.</p>;
  return (
    <TableRegion label="Figures waiting to be verified">
      <table className="table" data-testid="unverified-table">
        <caption className="caption--quiet">
          {page.unverified.length === page.unverifiedLimit ? `The latest ${page.unverifiedLimit} figures` : "Figures"} entered or
          imported but not yet checked by the performance team
        </caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" className="numeric">
              Value
            </th>
            <th scope="col">Status</th>
            <th scope="col">Entered</th>
            {page.permissions.verify ? (
              <th scope="col">
                <span className="visually-hidden">Verify</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {page.unverified.map((f) => (
            <tr key={f.id}>
              <th scope="row">
                {f.period}, {f.area}
              </th>
              <td className="numeric">{f.valueText}</td>
              <td>{f.status === "draft" ? "Draft" : "Submitted"}</td>
              <td>
                {f.enteredBy}, {f.enteredAt}
              </td>
              {page.permissions.verify ? (
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="verify" />
                    <input type="hidden" name="actualId" value={f.id} />
                    <button className="button button--secondary button--small" type="submit" disabled={busy}>
                      Verify
                      <span className="visually-hidden">
                        {" "}
                        the figure for {f.period}, {f.area}
                      </span>
                    </button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
