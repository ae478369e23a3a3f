// The audit trail of the indicator's targets, newest first: who changed which year's (and
// area's) target, from what to what, and why (an import gives its file name).
import { ChangeLogTable } from "./change-log-table";
import { ChangeText } from "./change-text";
import type { IndicatorPageData } from "./indicator-page-data.server";

export function TargetHistoryTable({ page }: { page: IndicatorPageData }) {
  if (!page.targetHistory.length) return <p>No target has been set or changed yet.</p>;
  return (
    <ChangeLogTable
      label="Target history"
      testId="target-history"
      subjectHeading="Target"
      of="this indicator’s targets"
      rows={page.targetHistory.map((r) => ({
        id: r.id,
        when: r.when,
        who: r.who,
        reason: r.reason,
        subject: r.target,
        change: <ChangeText beforeText={r.beforeText} afterText={r.afterText} />,
      }))}
    />
  );
}
