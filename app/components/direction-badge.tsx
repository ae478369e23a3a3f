import { directionPresentation, type Direction } from "~/shared/performance/direction";
import type { Polarity } from "~/shared/performance/types";

/** Direction of travel: an arrow for the movement and words for whether it is better. */
export function DirectionBadge({ direction, polarity }: { direction: Direction; polarity: Polarity }) {
  const p = directionPresentation(direction, polarity);
  return (
    <span className={`direction direction--${direction}`} title={p.description}>
      {p.arrow ? <span aria-hidden="true">{p.arrow} </span> : null}
      {p.label}
    </span>
  );
}
