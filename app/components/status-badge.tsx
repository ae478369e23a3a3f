import { statusPresentation, type StatusShape, type TargetStatus } from "~/shared/performance/status";

const GLYPHS: Record<StatusShape, string> = { circle: "●", triangle: "▲", square: "■", dash: "–", none: "" };

/** Status against target: a shape and words as well as colour, never colour alone. */
export function StatusBadge({ status }: { status: TargetStatus }) {
  const p = statusPresentation(status);
  return (
    <span className={`status status--${p.tone}`} data-status={status}>
      {p.shape !== "none" ? <span className="status__shape" aria-hidden="true">{GLYPHS[p.shape]}</span> : null}
      <span className="status__label">{p.label}</span>
    </span>
  );
}
