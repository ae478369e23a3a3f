export type CommentaryStatus = "missing" | "draft" | "ready";

const PRESENTATION: Record<CommentaryStatus, { label: string; shape: "cross" | "half" | "tick" }> = {
  missing: { label: "Missing", shape: "cross" },
  draft: { label: "Draft", shape: "half" },
  ready: { label: "Ready for committee", shape: "tick" },
};

/** The state of a commentary as words, a shape and a colour (never the colour alone). */
export function CommentaryStatusTag({ status }: { status: CommentaryStatus }) {
  const { label, shape } = PRESENTATION[status];
  return (
    <span className={`commentary-status commentary-status--${status}`} data-commentary-status={status}>
      <svg className="commentary-status__glyph" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
        {shape === "cross" ? <path d="M2 2 10 10M10 2 2 10" /> : null}
        {shape === "half" ? (
          <>
            <circle cx="6" cy="6" r="4.5" className="commentary-status__outline" />
            <path d="M6 1.5a4.5 4.5 0 0 1 0 9Z" className="commentary-status__fill" />
          </>
        ) : null}
        {shape === "tick" ? <path d="M1.5 6.5 4.5 9.5 10.5 2.5" /> : null}
      </svg>
      <span>{label}</span>
    </span>
  );
}
