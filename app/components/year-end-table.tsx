import { Link } from "@remix-run/react";
import { DirectionBadge } from "~/components/direction-badge";
import { StatusBadge } from "~/components/status-badge";
import { TableRegion } from "~/components/ui/table-region";
import { financialYearOf } from "~/shared/performance/periods";
import type { YearEndLine } from "~/shared/performance/year-end";

/**
 * The year-end report to the board: per indicator, the year's outturn against the annual
 * target, last year's outturn, better or worse, and quartile.
 */
export function YearEndTable({ lines, orgSlug, period }: { lines: YearEndLine[]; orgSlug: string; period: string }) {
  const year = financialYearOf(period);
  return (
    <section aria-labelledby="year-end-heading">
      <h2 id="year-end-heading">Year end {year}</h2>
      <p>
        Each indicator’s outturn for {year} (its figures for the year combined, as year to date at March) against the annual
        target the board set, compared with last year’s outturn.
      </p>
      <TableRegion label={`Year end ${year} table`}>
        <table className="table scorecard" data-testid="year-end">
          <caption className="visually-hidden">
            Year end {year}: outturn, annual target, status, last year’s outturn, better or worse, quartile
          </caption>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col" className="numeric">
                Outturn {year}
              </th>
              <th scope="col" className="numeric">
                Annual target
              </th>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">
                Last year’s outturn
              </th>
              <th scope="col">Against last year</th>
              <th scope="col">Quartile</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.code} data-code={line.code} data-status={line.status}>
                <th scope="row">
                  <Link to={`/o/${orgSlug}/indicators/${encodeURIComponent(line.code)}?period=${period}`}>
                    <span className="indicator-code">{line.code}</span> {line.title}
                  </Link>
                </th>
                <td className="numeric">{line.outturnText}</td>
                <td className="numeric">{line.annualTargetText}</td>
                <td>
                  <StatusBadge status={line.status} text={line.statusText} />
                </td>
                <td className="numeric">{line.lastYearText}</td>
                <td>
                  <DirectionBadge direction={line.direction} polarity={line.polarity} />
                </td>
                <td>{line.quartileText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
