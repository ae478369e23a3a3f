import { statusPresentation, type StatusShape, type TargetStatus } from "../shared/performance/status";

/** The shape drawn beside the words, so the status reads in greyscale print and for colour-blind readers too. */
function StatusGlyph({ shape }: { shape: StatusShape }) {
  if (shape === "none") return null;
  return (
    <svg className="status-badge__glyph" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
      {shape === "circle" ? <circle cx="6" cy="6" r="5" /> : null}
      {shape === "triangle" ? <path d="M6 0.8 11.4 11H0.6Z" /> : null}
      {shape === "square" ? <rect x="1" y="1" width="10" height="10" /> : null}
      {shape === "dash" ? <rect x="1" y="4.75" width="10" height="2.5" /> : null}
    </svg>
  );
}

/**
 * Status against target as a tag: words, a shape (circle, triangle, square, dash) and
 * a colour, never the colour alone. Used by the scorecard, the indicator page and packs.
 */
export function StatusBadge({
  status,
  text,
}: {
  status: TargetStatus;
  /** Words already written (a frozen pack's); else the status's own. */ text?: string;
}) {
  const { label: ownLabel, shape, tone } = statusPresentation(status);
  const label = text ?? ownLabel;
  return (
    <span className={`status-badge status-badge--${tone}`} data-status={status}>
      <StatusGlyph shape={shape} />
      <span className="status-badge__label">{label}</span>
    </span>
  );
}
