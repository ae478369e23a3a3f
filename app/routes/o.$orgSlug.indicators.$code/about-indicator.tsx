// The indicator's settings as a list of facts, in words (see indicator-wording.ts), with
// "none recorded" said out loud rather than left blank.
import type { IndicatorPageData } from "./indicator-page-data.server";

export function AboutIndicator({ indicator }: { indicator: IndicatorPageData["indicator"] }) {
  const rows: [string, string][] = [
    ["Code", indicator.code],
    ["Definition", indicator.definition ?? "No definition recorded"],
    ["Category", indicator.category],
    ["Theme", indicator.theme],
    ["Unit", indicator.unitText],
    ["Which way is good", indicator.polarityText],
    ["Frequency", indicator.frequencyText],
    ["How the year adds up", indicator.aggregationText],
    ["Owner (accountable officer)", indicator.ownerName ?? "No owner named"],
    ["Manager (responsible officer)", indicator.managerName ?? "No manager named"],
    ["Data source", indicator.dataSource ?? "No data source recorded"],
    ["Broken down by area", indicator.byArea ? "Yes" : "No"],
    ["Tenants’ top ten", indicator.tenantTopTen ? "Yes: tenants chose to receive this indicator" : "No"],
  ];
  return (
    <dl className="indicator-facts">
      {rows.map(([key, value]) => (
        <div className="indicator-facts__row" key={key}>
          <dt>{key}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
