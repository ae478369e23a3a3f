import { StatusBadge } from "~/components/status-badge";
import type { IndicatorMovementView, IndicatorStanding } from "~/shared/meetings/action-log-view";
import { MovementTag } from "./action-status-tag";

function Standing({ label, standing }: { label: string; standing: IndicatorStanding | null }) {
  return (
    <div className="action-indicator__standing">
      <span className="action-indicator__when">{`${label}:`}</span>{" "}
      {standing ? (
        <>
          <StatusBadge status={standing.status} />{" "}
          <span className="action-indicator__figure">
            {standing.valueText} in {standing.periodText}
          </span>
        </>
      ) : (
        <span className="action-indicator__figure">no figure</span>
      )}
    </div>
  );
}

/**
 * The indicator an action is meant to move, and whether it has: its code, and (in full)
 * its status when the action was agreed and now, each with the status badge.
 */
export function IndicatorMovementCell({ indicator, full = false }: { indicator: IndicatorMovementView | null; full?: boolean }) {
  if (!indicator) return <span className="hint">None linked</span>;
  return (
    <div className="action-indicator">
      <span className="action-indicator__code" title={indicator.title}>
        {indicator.code}
      </span>
      {full ? <span className="action-indicator__title"> {indicator.title}</span> : null}
      {full ? (
        <>
          <Standing label="When agreed" standing={indicator.then} />
          <Standing label="Now" standing={indicator.now} />
        </>
      ) : null}
      <div>
        <MovementTag movement={indicator.movement} text={indicator.movementText} />
      </div>
    </div>
  );
}
