import { ACTION_STATUS_LABELS, type ShownActionStatus } from "~/shared/meetings/action-status";
import type { IndicatorMovement } from "~/shared/meetings/indicator-movement";

type Shape = "ring" | "circle" | "triangle" | "alert" | "tick";

const SHAPES: Record<ShownActionStatus, Shape> = {
  not_started: "ring",
  on_track: "circle",
  at_risk: "triangle",
  overdue: "alert",
  complete: "tick",
};

/**
 * An action's status as words, a shape and a colour, never the colour alone. "Overdue"
 * also gets a heavier outline, so that it stands out in greyscale print.
 */
export function ActionStatusTag({ status }: { status: ShownActionStatus }) {
  const shape = SHAPES[status];
  return (
    <span className={`action-status action-status--${status.replace("_", "-")}`} data-action-status={status}>
      <svg className="action-status__glyph" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
        {shape === "ring" ? <circle cx="6" cy="6" r="4.5" className="action-status__line" /> : null}
        {shape === "circle" ? <circle cx="6" cy="6" r="5" /> : null}
        {shape === "triangle" ? <path d="M6 0.8 11.4 11H0.6Z" /> : null}
        {shape === "alert" ? (
          <>
            <rect x="0.5" y="0.5" width="11" height="11" />
            <path d="M6 2.5v4.5M6 8.5v1.2" className="action-status__mark" />
          </>
        ) : null}
        {shape === "tick" ? <path d="M1.5 6.5 4.5 9.5 10.5 2.5" className="action-status__line" /> : null}
      </svg>
      <span>{ACTION_STATUS_LABELS[status]}</span>
    </span>
  );
}

const MOVEMENT_ARROWS: Record<IndicatorMovement, string> = { improved: "▲", worsened: "▼", unchanged: "=", unknown: "" };

/** "Improved since agreed" and its kin: the words carry the meaning; the arrow is decoration. */
export function MovementTag({ movement, text }: { movement: IndicatorMovement; text: string }) {
  return (
    <span className={`action-movement action-movement--${movement}`} data-movement={movement}>
      {MOVEMENT_ARROWS[movement] ? (
        <span className="action-movement__arrow" aria-hidden="true">
          {MOVEMENT_ARROWS[movement]}
        </span>
      ) : null}
      <span>{text}</span>
    </span>
  );
}
