// Where the figure stands among each of the indicator's peer groups, side by side, with
// each group's quartile boundaries from the latest year before the figure's own. The
// boundaries are shown even when the figure has no position (no figure, or no polarity),
// since they are still worth knowing.
import { TableRegion } from "~/components/ui/table-region";
import { monthLabel } from "~/shared/performance/periods";
import type { IndicatorPageData } from "./indicator-page-data.server";

export function PeerGroupBenchmark({ page }: { page: IndicatorPageData }) {
  const { period, peers } = page;
  if (peers.groups.length === 0) return <p>{peers.noneText}</p>;
  return (
    <>
      <p>{peers.caption}</p>
      <TableRegion label="Peer groups">
        <table className="table">
          <caption>
            {monthLabel(period)}’s figure of {page.current.valueText} among each peer group
          </caption>
          <thead>
            <tr>
              <th scope="col">Peer group</th>
              <th scope="col">Peers’ year</th>
              <th scope="col">Position</th>
              <th scope="col" className="numeric">
                Upper quartile (the best 25% are at least this good)
              </th>
              <th scope="col" className="numeric">
                Median
              </th>
              <th scope="col" className="numeric">
                Lower quartile (the worst 25% are no better than this)
              </th>
            </tr>
          </thead>
          <tbody>
            {peers.groups.map((group) => (
              <tr key={group.peerGroup} data-peer-group={group.peerGroup}>
                <th scope="row">{group.peerGroup}</th>
                <td>{group.year}</td>
                <td>{group.quartileText}</td>
                <td className="numeric">{group.upperText}</td>
                <td className="numeric">{group.medianText}</td>
                <td className="numeric">{group.lowerText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
