import type { CoverReportGap } from "~/shared/packs/cover-report-content";

/**
 * What is still to write before the report can go in a pack: the pack page refuses to
 * publish while any report has gaps, so they are shown here, where they are fixed.
 */
export function CoverReportGaps({ gaps, frozen }: { gaps: CoverReportGap[]; frozen: boolean }) {
  return (
    <section className="cover-report-gaps" aria-labelledby="gaps-title" data-testid="cover-report-gaps">
      <h2 id="gaps-title">Ready for the pack?</h2>
      {gaps.length === 0 ? (
        <p>Every required section is written and the author and contact are given.</p>
      ) : (
        <>
          <p>Still to write{frozen ? "" : " before the pack can be published"}:</p>
          <ul className="cover-report-gaps__list">
            {gaps.map((gap) => (
              <li key={gap.key}>{gap.message}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
