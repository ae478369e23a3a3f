import { formatValue } from "~/shared/performance/format";
import { monthLabel } from "~/shared/performance/periods";
import type { IndicatorRule } from "~/shared/performance/types";
import { linearScale, niceAxis } from "./chart-scale";

const WIDTH = 760;
const HEIGHT = 300;
const MARGIN = { top: 20, right: 20, bottom: 48, left: 96 };

type Point = { period: string; value: number };

type Props = {
  title: string;
  rule: Pick<IndicatorRule, "unit" | "decimals" | "polarity">;
  /** Recent actual values, oldest first. */
  actuals: Point[];
  /** The improvement plan's planned values, oldest first. */
  planned: Point[];
  target: number | null;
};

/**
 * A performance clinic's recovery trajectory: the recent actual values (solid line),
 * the plan's values for coming periods (dashed line, hollow dots) and the target
 * (horizontal line), as vector SVG with a text alternative; the figures are also in the
 * trajectory inputs beside it.
 */
export function TrajectoryChart({ title, rule, actuals, planned, target }: Props) {
  const periods = [...new Set([...actuals, ...planned].map((p) => p.period))].sort();
  if (periods.length === 0) return null;
  const axis = niceAxis([...actuals, ...planned].map((p) => p.value).concat(target === null ? [] : [target]));
  const x = (period: string) =>
    MARGIN.left + ((periods.indexOf(period) + 0.5) * (WIDTH - MARGIN.left - MARGIN.right)) / periods.length;
  const y = linearScale([axis.min, axis.max], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = (points: Point[]) =>
    points.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.period).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const fmt = (v: number) => formatValue(rule, v);
  const lastPlanned = planned.at(-1);
  const summary =
    `${title}: recovery trajectory. ` +
    (actuals.length ? `Latest actual ${fmt(actuals.at(-1)!.value)} in ${monthLabel(actuals.at(-1)!.period)}. ` : "") +
    (lastPlanned
      ? `The plan aims for ${fmt(lastPlanned.value)} by ${monthLabel(lastPlanned.period)}`
      : "No trajectory planned yet") +
    (target === null ? "." : ` against a target of ${fmt(target)}.`);
  return (
    <figure className="trajectory-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="trajectory-chart__svg">
        {axis.ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="trend-chart__grid" />
            <text x={MARGIN.left - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle" className="trend-chart__tick">
              {formatValue({ ...rule, decimals: axis.decimals }, tick)}
            </text>
          </g>
        ))}
        {target !== null ? (
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(target)} y2={y(target)} className="trajectory-chart__target" />
        ) : null}
        {actuals.length > 1 ? <path d={path(actuals)} className="trajectory-chart__actual" /> : null}
        {planned.length > 1 ? <path d={path(planned)} className="trajectory-chart__planned" /> : null}
        {actuals.map((p) => (
          <circle key={`a${p.period}`} cx={x(p.period)} cy={y(p.value)} r={4} className="trajectory-chart__actual-dot" />
        ))}
        {planned.map((p) => (
          <circle key={`p${p.period}`} cx={x(p.period)} cy={y(p.value)} r={5} className="trajectory-chart__planned-dot" />
        ))}
        {periods.map((period, i) =>
          i % Math.ceil(periods.length / 12) === 0 ? (
            <text key={period} x={x(period)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle" className="trend-chart__tick">
              {monthLabel(period).replace(/ (\d{2})(\d{2})$/, " $2")}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption className="hint">
        Solid line: actual values. Dashed line with hollow dots: the plan&apos;s trajectory. Straight line: the target.
      </figcaption>
    </figure>
  );
}
