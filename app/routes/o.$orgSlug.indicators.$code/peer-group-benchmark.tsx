// Where the figure stands among the indicator's peer group (its quartile), and the peer
// group's quartile boundaries. The boundaries are shown even when the figure has no
// quartile position (no figure, or no polarity), since they are still worth knowing.
import { monthLabel } from "~/shared/performance/periods";
import type { IndicatorPageData } from "./indicator-page-data.server";

export function PeerGroupBenchmark({ page }: { page: IndicatorPageData }) {
  const { period } = page;
  return page.benchmark ? (
    <>
      <p>
        {page.benchmark.hasPosition ? (
          <>
            {monthLabel(period)}’s figure of {page.current.valueText} is in the{" "}
            <strong>{page.benchmark.quartileText.toLowerCase()}</strong> of{" "}
          </>
        ) : (
          <>There is no quartile position for {monthLabel(period)}; the boundaries of </>
        )}
        the peer group <strong>{page.benchmark.peerGroup}</strong> ({page.benchmark.year}
        {page.benchmark.hasPosition ? ")." : ") are below."}
      </p>
      <dl className="indicator-facts indicator-facts--compact">
        <div className="indicator-facts__row">
          <dt>Upper quartile (the best 25% are at least this good)</dt>
          <dd>{page.benchmark.upperText}</dd>
        </div>
        <div className="indicator-facts__row">
          <dt>Median</dt>
          <dd>{page.benchmark.medianText}</dd>
        </div>
        <div className="indicator-facts__row">
          <dt>Lower quartile (the worst 25% are no better than this)</dt>
          <dd>{page.benchmark.lowerText}</dd>
        </div>
      </dl>
    </>
  ) : (
    <p>No peer-group benchmark has been recorded for this indicator.</p>
  );
}
