// The indicator's areas side by side for the reporting period, with the whole organisation
// as the footer. Those who may enter figures get a link on each row to the entry form,
// opened on that area.
import { Link } from "@remix-run/react";
import { DirectionBadge } from "~/components/direction-badge";
import { StatusBadge } from "~/components/status-badge";
import { TableRegion } from "~/components/ui/table-region";
import { monthLabel } from "~/shared/performance/periods";
import type { IndicatorPageData } from "./indicator-page-data.server";

export function AreasTable({ page }: { page: IndicatorPageData }) {
  const { areaRows, wholeOrganisation, rule, period, form } = page;
  return (
    <TableRegion label="Areas">
      <table className="table" data-testid="areas-table">
        <caption className="caption--quiet">
          {page.indicator.title} by area, {monthLabel(period)}: value, target (the area's own, or the organisation's where it
          applies), status against target, direction against the same period last year and the year to date
        </caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col" className="numeric">
              Value
            </th>
            <th scope="col" className="numeric">
              Target
            </th>
            <th scope="col">Status</th>
            <th scope="col">Against last year</th>
            <th scope="col" className="numeric">
              Year to date
            </th>
            {form ? (
              <th scope="col">
                <span className="visually-hidden">Change</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {areaRows.map((area) => (
            <tr key={area.id}>
              <th scope="row">{area.name}</th>
              <td className="numeric">{area.valueText}</td>
              <td className="numeric">{area.targetText}</td>
              <td>
                <StatusBadge status={area.status} text={area.statusText} />
              </td>
              <td>
                <DirectionBadge direction={area.direction} polarity={rule.polarity} />
              </td>
              <td className="numeric">{area.ytdText}</td>
              {form ? (
                <td>
                  <Link to={area.correctHref}>
                    Enter or correct<span className="visually-hidden"> the figure for {area.name}</span>
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Whole organisation</th>
            <td className="numeric">{wholeOrganisation.valueText}</td>
            <td className="numeric">{page.current.targetText}</td>
            <td>
              <StatusBadge status={wholeOrganisation.status} />
            </td>
            <td>
              <DirectionBadge direction={wholeOrganisation.direction} polarity={rule.polarity} />
            </td>
            <td className="numeric">{wholeOrganisation.ytdText}</td>
            {form ? (
              <td>
                <Link to={wholeOrganisation.correctHref}>
                  Enter or correct<span className="visually-hidden"> the figure for the whole organisation</span>
                </Link>
              </td>
            ) : null}
          </tr>
        </tfoot>
      </table>
    </TableRegion>
  );
}
