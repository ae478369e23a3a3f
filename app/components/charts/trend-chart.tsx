import { StatusBadge } from "~/components/status-badge";
import { TableRegion } from "~/components/ui/table-region";
import { formatValue } from "~/shared/performance/format";
import { financialYearOf, financialYearStart, monthLabel, periodToIndex } from "~/shared/performance/periods";
import type { IndicatorRule } from "~/shared/performance/types";
import { linearScale, niceAxis } from "./chart-scale";
import { describeTrend, type TrendPoint } from "./trend-summary";

export type { TrendPoint } from "./trend-summary";

const WIDTH = 760;
const HEIGHT = 340;
const MARGIN = { top: 20, right: 20, bottom: 62, left: 96 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
const MONTH_INITIALS = ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"];

type Props = {
  /** The indicator's title, for the text alternative and the table caption. */
  title: string;
  rule: Pick<IndicatorRule, "unit" | "decimals" | "polarity">;
  /** The financial years drawn, oldest first, e.g. ["2024/25", "2025/26", "2026/27"]. */
  financialYears: string[];
  /** One point per period due in those years, oldest first; later periods may have no value yet. */
  points: TrendPoint[];
  /** The period the page is about: drawn larger, and the table stops there. */
  current: string;
  /** "month", "quarter" or "year": what one point is. */
  periodNoun: string;
  id?: string;
};

/** The amber band: how far on the wrong side of the target still counts as within tolerance. */
function toleranceBand(polarity: IndicatorRule["polarity"], target: number, tolerance: number | null): [number, number] | null {
  if (!tolerance || polarity === "none") return null;
  return polarity === "higher" ? [target - tolerance, target] : [target, target + tolerance];
}

/**
 * Values against target over whole financial years, as a vector (SVG) line chart: the
 * target as a dashed line, the tolerance as an amber band, each value as a dot, and the
 * period being reported drawn larger and labelled. It is an image with a text summary
 * for screen readers; the same figures follow in a table.
 */
export function TrendChart({ title, rule, financialYears, points, current, periodNoun, id = "trend" }: Props) {
  const summary = describeTrend(
    title,
    rule,
    points.filter((p) => p.period <= current),
    financialYearOf,
  );
  const firstMonth = periodToIndex(financialYearStart(financialYears[0]));
  const months = financialYears.length * 12;
  const slot = PLOT_WIDTH / months;
  const xOfIndex = (monthIndex: number) => MARGIN.left + (monthIndex - firstMonth + 0.5) * slot;
  const x = (period: string) => xOfIndex(periodToIndex(period));

  const years = financialYears.map((year, i) => {
    const withTarget = points.find((p) => financialYearOf(p.period) === year && p.target !== null);
    const target = withTarget?.target ?? null;
    return {
      year,
      left: MARGIN.left + i * 12 * slot,
      right: MARGIN.left + (i + 1) * 12 * slot,
      target,
      band: target === null ? null : toleranceBand(rule.polarity, target, withTarget?.tolerance ?? null),
    };
  });

  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const axis = niceAxis([...values, ...years.flatMap((y) => [...(y.target === null ? [] : [y.target]), ...(y.band ?? [])])]);
  const y = linearScale([axis.min, axis.max], [MARGIN.top + PLOT_HEIGHT, MARGIN.top]);
  const tickRule = { unit: rule.unit, decimals: Math.max(axis.decimals, 0) };

  let path = "";
  let previous: TrendPoint | null = null;
  for (const p of points) {
    if (p.value !== null) path += `${previous?.value != null ? "L" : "M"}${x(p.period).toFixed(1)},${y(p.value).toFixed(1)}`;
    previous = p;
  }
  const highlighted = points.find((p) => p.period === current && p.value !== null) ?? null;
  const rows = points.filter((p) => p.period <= current);
  const hasValues = values.length > 0;

  return (
    <div className="trend-chart" id={id}>
      {hasValues ? (
        <>
          {/* On a narrow screen the chart scrolls sideways: the frame takes focus so a keyboard can scroll it. */}
          <div className="trend-chart__frame" tabIndex={0} role="group" aria-label="Trend chart">
            <svg
              className="trend-chart__svg"
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              role="img"
              aria-label={summary}
              preserveAspectRatio="xMidYMid meet"
            >
              {years.map((yr, i) =>
                i % 2 === 1 ? (
                  <rect
                    key={`shade-${yr.year}`}
                    className="trend-chart__year-shade"
                    x={yr.left}
                    y={MARGIN.top}
                    width={yr.right - yr.left}
                    height={PLOT_HEIGHT}
                  />
                ) : null,
              )}
              {axis.ticks.map((tick) => (
                <g key={`tick-${tick}`}>
                  <line className="trend-chart__grid" x1={MARGIN.left} x2={MARGIN.left + PLOT_WIDTH} y1={y(tick)} y2={y(tick)} />
                  <text className="trend-chart__tick" x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
                    {formatValue(tickRule, tick)}
                  </text>
                </g>
              ))}
              {years.map((yr) =>
                yr.band ? (
                  <rect
                    key={`band-${yr.year}`}
                    className="trend-chart__band"
                    x={yr.left}
                    width={yr.right - yr.left}
                    y={y(Math.max(...yr.band))}
                    height={Math.max(1, y(Math.min(...yr.band)) - y(Math.max(...yr.band)))}
                  />
                ) : null,
              )}
              {years.map((yr) =>
                yr.target !== null ? (
                  <line
                    key={`target-${yr.year}`}
                    className="trend-chart__target"
                    x1={yr.left}
                    x2={yr.right}
                    y1={y(yr.target)}
                    y2={y(yr.target)}
                  />
                ) : null,
              )}
              <line
                className="trend-chart__axis"
                x1={MARGIN.left}
                x2={MARGIN.left + PLOT_WIDTH}
                y1={MARGIN.top + PLOT_HEIGHT}
                y2={MARGIN.top + PLOT_HEIGHT}
              />
              {years.slice(1).map((yr) => (
                <line
                  key={`divider-${yr.year}`}
                  className="trend-chart__divider"
                  x1={yr.left}
                  x2={yr.left}
                  y1={MARGIN.top}
                  y2={MARGIN.top + PLOT_HEIGHT + 40}
                />
              ))}
              {Array.from({ length: months }, (_, i) => (
                <text
                  key={`month-${i}`}
                  className="trend-chart__month"
                  x={xOfIndex(firstMonth + i)}
                  y={MARGIN.top + PLOT_HEIGHT + 18}
                  textAnchor="middle"
                >
                  {MONTH_INITIALS[(firstMonth + i) % 12]}
                </text>
              ))}
              {years.map((yr) => (
                <text
                  key={`year-${yr.year}`}
                  className="trend-chart__year"
                  x={(yr.left + yr.right) / 2}
                  y={MARGIN.top + PLOT_HEIGHT + 44}
                  textAnchor="middle"
                >
                  {yr.year}
                </text>
              ))}
              <path className="trend-chart__line" d={path} />
              {points.map((p) =>
                p.value !== null && p.period !== highlighted?.period ? (
                  <circle key={`point-${p.period}`} className="trend-chart__point" cx={x(p.period)} cy={y(p.value)} r={3.5} />
                ) : null,
              )}
              {highlighted && highlighted.value !== null ? (
                <g className="trend-chart__current">
                  <circle cx={x(highlighted.period)} cy={y(highlighted.value)} r={7} />
                  <text
                    x={x(highlighted.period)}
                    y={y(highlighted.value) + (y(highlighted.value) - MARGIN.top < 24 ? 22 : -13)}
                    textAnchor={x(highlighted.period) > MARGIN.left + PLOT_WIDTH - 60 ? "end" : "middle"}
                  >
                    {formatValue(rule, highlighted.value)}
                  </text>
                </g>
              ) : null}
            </svg>
          </div>
          <ul className="chart-legend">
            <li>
              <span className="chart-legend__key chart-legend__key--line" aria-hidden="true" />
              Value each {periodNoun}
            </li>
            {highlighted ? (
              <li>
                <span className="chart-legend__key chart-legend__key--current" aria-hidden="true" />
                {monthLabel(highlighted.period)}, the {periodNoun} shown on this page
              </li>
            ) : null}
            {years.some((yr) => yr.target !== null) ? (
              <li>
                <span className="chart-legend__key chart-legend__key--target" aria-hidden="true" />
                Target
              </li>
            ) : null}
            {years.some((yr) => yr.band) ? (
              <li>
                <span className="chart-legend__key chart-legend__key--band" aria-hidden="true" />
                Tolerance: a value in this band is within tolerance
              </li>
            ) : null}
          </ul>
        </>
      ) : (
        <p className="trend-chart__empty">No figures have been recorded for {financialYears.join(", ")}.</p>
      )}
      {rows.length ? (
        <details className="details">
          <summary>Show the figures as a table</summary>
          <TableRegion label="The figures of the chart">
            <table className="table">
              <caption>
                {title}: the value each {periodNoun} against its target, {monthLabel(rows[0].period)} to{" "}
                {monthLabel(rows[rows.length - 1].period)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{periodNoun === "month" ? "Month" : "Period"}</th>
                  <th scope="col" className="numeric">
                    Value
                  </th>
                  <th scope="col" className="numeric">
                    Target
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.period} aria-current={p.period === current ? "true" : undefined}>
                    <th scope="row">{monthLabel(p.period)}</th>
                    <td className="numeric">{formatValue(rule, p.value)}</td>
                    <td className="numeric">{p.target === null ? "No target" : formatValue(rule, p.target)}</td>
                    <td>
                      <StatusBadge status={p.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </details>
      ) : null}
    </div>
  );
}
