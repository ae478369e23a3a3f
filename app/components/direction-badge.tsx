import { directionPresentation, type Direction } from "~/shared/performance/direction";
import type { Polarity } from "~/shared/performance/types";

/**
 * Direction of travel: an arrow for which way the number moved and the word for what
 * that means ("↓ Better" for fewer re-let days). The arrow is hidden from screen
 * readers, which hear the word and the movement instead ("Better (down; lower is better)").
 */
export function DirectionBadge({ direction, polarity }: { direction: Direction; polarity: Polarity }) {
  const { label, arrow, description } = directionPresentation(direction, polarity);
  const detail = description.startsWith(label) ? description.slice(label.length).trim() : "";
  const tone = direction === "better" || direction === "worse" || direction === "same" ? direction : "none";
  return (
    <span className={`direction-badge direction-badge--${tone}`} data-direction={direction} title={description}>
      {arrow ? (
        <span className="direction-badge__arrow" aria-hidden="true">
          {arrow}
        </span>
      ) : null}
      <span className="direction-badge__label">{label}</span>
      {detail ? <span className="visually-hidden"> {detail}</span> : null}
    </span>
  );
}
