// The reporting period's figures at a glance: value and status, target, direction against
// last year and the previous period, year to date, forecast and quartile. The comparison
// with the same period last year is left out for an annual indicator, where it would
// repeat the comparison with the previous year.
import { DirectionBadge } from "~/components/direction-badge";
import { StatusBadge } from "~/components/status-badge";
import { FORECAST_METHOD_DESCRIPTION } from "~/shared/performance/forecast";
import { monthLabel } from "~/shared/performance/periods";
import type { IndicatorPageData } from "./indicator-page-data.server";

export function CurrentFigures({ page }: { page: IndicatorPageData }) {
  const { current, rule, periodNoun } = page;
  const samePeriodWords = periodNoun === "month" ? "same month" : `same ${periodNoun}`;
  return (
    <>
      <dl className="key-figures">
        <div className="key-figures__item key-figures__item--main">
          <dt>Value</dt>
          <dd>
            <span className="key-figures__value" data-testid="current-value">
              {current.valueText}
            </span>
            <StatusBadge status={current.status} />
          </dd>
        </div>
        <div className="key-figures__item">
          <dt>Target</dt>
          <dd>
            <span className="key-figures__value">{current.targetText}</span>
            {current.toleranceText ? <span className="hint">Tolerance {current.toleranceText}</span> : null}
          </dd>
        </div>
        {periodNoun === "year" ? null : (
          <div className="key-figures__item">
            <dt>Against the {samePeriodWords} last year</dt>
            <dd>
              <DirectionBadge direction={current.directionVsLastYear} polarity={rule.polarity} />
              <span className="hint">
                {monthLabel(current.lastYearPeriod)}: {current.previousYearText}
              </span>
            </dd>
          </div>
        )}
        <div className="key-figures__item">
          <dt>Against the previous {periodNoun}</dt>
          <dd>
            <DirectionBadge direction={current.directionVsPreviousPeriod} polarity={rule.polarity} />
            <span className="hint">
              {monthLabel(current.previousPeriod)}: {current.previousPeriodText}
            </span>
          </dd>
        </div>
        <div className="key-figures__item">
          <dt>Year to date ({current.financialYear})</dt>
          <dd>
            <span className="key-figures__value">{current.ytdText}</span>
          </dd>
        </div>
        <div className="key-figures__item">
          <dt>Forecast for {current.financialYear}</dt>
          <dd>
            <span className="key-figures__value">{current.forecastText}</span>
          </dd>
        </div>
        <div className="key-figures__item">
          <dt>Quartile</dt>
          <dd>
            <span className="key-figures__value key-figures__value--text">{current.quartileText}</span>
          </dd>
        </div>
      </dl>
      <p className="hint forecast-method">
        <strong>How the forecast is made.</strong> {FORECAST_METHOD_DESCRIPTION}
      </p>
    </>
  );
}
