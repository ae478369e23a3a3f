// The audit trail of the indicator's figures, newest first: who changed which figure, from
// what to what, and why. The loader leaves out status and note where they did not change.
import { ChangeLogTable } from "./change-log-table";
import { ChangeText } from "./change-text";
import type { IndicatorPageData } from "./indicator-page-data.server";

export function RevisionsTable({ page }: { page: IndicatorPageData }) {
  if (!page.revisions.length) return <p>No figure has been entered or changed yet.</p>;
  return (
    <ChangeLogTable
      label="Changes to the figures"
      testId="revisions-table"
      subjectHeading="Figure"
      of="this indicator’s figures"
      rows={page.revisions.map((r) => ({
        id: r.id,
        when: r.when,
        who: r.who,
        reason: r.reason,
        subject: `${r.period}, ${r.area}`,
        change: (
          <>
            <ChangeText beforeText={r.beforeText} afterText={r.afterText} collapseUnchanged />
            {r.statusText ? <div className="hint">Status: {r.statusText}</div> : null}
            {r.note ? <div className="hint">Note: {r.note}</div> : null}
          </>
        ),
      }))}
    />
  );
}
