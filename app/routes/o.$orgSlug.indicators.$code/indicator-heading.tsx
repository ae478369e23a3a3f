// Which indicator this is and who answers for it: the owner (accountable officer) and the
// manager (responsible officer) are named at the top, as the people to ask about it. Those
// who may enter figures get a shortcut down to the entry form, far down the page.
import type { IndicatorPageData } from "./indicator-page-data.server";

export function IndicatorHeading({
  indicator,
  canEnterFigures,
}: {
  indicator: IndicatorPageData["indicator"];
  canEnterFigures: boolean;
}) {
  return (
    <>
      <h1 className="indicator-title">
        <span className="indicator-title__code">{indicator.code}</span> {indicator.title}
      </h1>
      <p className="lede">
        {indicator.theme} · {indicator.category} · {indicator.polarityText}
      </p>
      <p className="indicator-people">
        Owner (accountable officer): <strong>{indicator.ownerName ?? "none named"}</strong>. Manager (responsible officer):{" "}
        <strong>{indicator.managerName ?? "none named"}</strong>.
        {canEnterFigures ? (
          <>
            {" "}
            <a href="#enter-figure">Enter or correct a figure</a>
          </>
        ) : null}
      </p>
    </>
  );
}
