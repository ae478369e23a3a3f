import { UnauditedTag } from "~/components/unaudited-tag";
import { useEffect, useState } from "react";
import { StatusBadge } from "~/components/status-badge";
import { directionPresentation } from "~/shared/performance/direction";
import type { TenantSummaryLine } from "~/shared/packs/tenant-summary";

/** One indicator as the reception screen shows it: title, figure, target, status and direction, large. */
export function ScreenSlide({ line }: { line: TenantSummaryLine }) {
  const direction = directionPresentation(line.direction, line.polarity);
  return (
    <>
      <h2 className="screen-slide__title">{line.title}</h2>
      <p className="screen-slide__figure">
        <span className="screen-slide__value" data-testid="screen-value">{line.valueText}</span>
        {line.unaudited ? <UnauditedTag /> : null}{" "}
        <span className="screen-slide__period">{line.periodText}</span>
      </p>
      <dl className="screen-slide__facts">
        <div>
          <dt>Target</dt>
          <dd>{line.targetText}</dd>
        </div>
        {line.status !== "no_target" ? (
          <div>
            <dt>Against target</dt>
            <dd>
              <StatusBadge status={line.status} />
            </dd>
          </div>
        ) : null}
        {line.direction !== "none" ? (
          <div>
            <dt>Compared with a year ago</dt>
            <dd className={`screen-slide__direction screen-slide__direction--${line.direction}`}>
              {direction.arrow ? <span aria-hidden="true">{direction.arrow} </span> : null}
              {direction.label}
              {direction.movement ? <span className="visually-hidden"> ({direction.description.replace(/^[^(]*\(/, "").replace(/\)$/, "")})</span> : null}
            </dd>
          </div>
        ) : line.previousYearText ? (
          <div>
            <dt>A year ago</dt>
            <dd>{line.previousYearText}</dd>
          </div>
        ) : null}
      </dl>
      <p className="screen-slide__sentence">{line.sentence}</p>
    </>
  );
}

/**
 * The rotation of the reception screen: one indicator at a time, the next every few
 * seconds. WCAG 2.2.2: a visible Pause/Play button; rotation also pauses while the
 * pointer is over it or focus is in it. The slides are not announced while they rotate
 * by themselves (aria-live off), only when paused or moved by the visitor (polite).
 *
 * Rendered on the server (and without JavaScript) as the plain list of every indicator.
 */
export function ScreenRotation({ lines, intervalMs }: { lines: TenantSummaryLine[]; intervalMs: number }) {
  const [enhanced, setEnhanced] = useState(false);
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(true);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const count = lines.length;
  const current = count ? Math.min(index, count - 1) : 0;
  const rotating = enhanced && playing && !hovered && !focused && count > 1;

  useEffect(() => setEnhanced(true), []);
  useEffect(() => {
    if (!rotating) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % count), intervalMs);
    return () => clearInterval(timer);
  }, [rotating, count, intervalMs]);

  if (!enhanced || count <= 1) {
    return (
      <ol className="screen-list">
        {lines.map((line) => (
          <li key={line.code} className="screen-slide" data-code={line.code}>
            <ScreenSlide line={line} />
          </li>
        ))}
      </ol>
    );
  }

  const move = (step: number) => setIndex((current + step + count) % count);
  return (
    <section
      className="screen-rotation"
      aria-roledescription="carousel"
      aria-label="The tenant top ten, one at a time"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <div className="screen-rotation__controls">
        <button
          type="button"
          className="screen-button"
          data-playing={playing}
          onClick={() => {
            // Play is an explicit request: it overrides the pause that focus and hover make.
            setPlaying(!playing);
            if (!playing) {
              setFocused(false);
              setHovered(false);
            }
          }}
        >
          {playing ? "Pause" : "Play"}
        </button>
        <button type="button" className="screen-button screen-button--quiet" onClick={() => move(-1)}>
          Previous<span className="visually-hidden"> indicator</span>
        </button>
        <button type="button" className="screen-button screen-button--quiet" onClick={() => move(1)}>
          Next<span className="visually-hidden"> indicator</span>
        </button>
        <span className="screen-rotation__position">
          {current + 1} of {count}
        </span>
      </div>
      <div className="screen-rotation__slides" aria-live={rotating ? "off" : "polite"} data-testid="screen-slides">
        {lines.map((line, i) => (
          <div
            key={line.code}
            className="screen-slide"
            role="group"
            aria-roledescription="slide"
            aria-label={`${i + 1} of ${count}`}
            data-code={line.code}
            data-current={i === current}
            hidden={i !== current}
          >
            <ScreenSlide line={line} />
          </div>
        ))}
      </div>
    </section>
  );
}
