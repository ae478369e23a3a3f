import { Fragment, type ReactNode } from "react";
import type { PackChange, PartChange, WordRun } from "../../shared/packs/compare-packs";

/**
 * What a correction changed, for people: each changed item with its changed parts,
 * words added in <ins> and removed in <del>. Each says "added:" or "removed:" to a
 * screen reader (and the styles underline or strike through), so the change never
 * rests on colour. Styles are in pack-css.ts under .pack-comparison. It usually sits under
 * a "Changes from version N" h2, so its own headings start at h3.
 */
export function PackComparison({ changes, headingLevel = 3 }: { changes: PackChange[]; headingLevel?: 2 | 3 | 4 }) {
  if (changes.length === 0)
    return <p className="pack-comparison pack-comparison--none">No differences: the two versions say the same.</p>;
  const Heading = `h${headingLevel}` as "h2";
  return (
    <div className="pack-comparison">
      <ol className="pack-comparison__list">
        {changes.map((change, i) => (
          <li key={i} className="pack-comparison__change">
            {change.kind === "details" ? (
              <>
                <Heading>Meeting details and attendance</Heading>
                <Parts parts={change.parts} />
              </>
            ) : null}
            {change.kind === "item-added" ? <Heading>Item added: {change.heading}</Heading> : null}
            {change.kind === "item-removed" ? <Heading>Item removed: {change.heading}</Heading> : null}
            {change.kind === "item-changed" ? (
              <>
                <Heading>{change.heading}</Heading>
                {change.headingWords ? (
                  <p>
                    Heading changed from “{change.previousHeading}”: <Words words={change.headingWords} />
                  </p>
                ) : null}
                <Parts parts={change.parts} />
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Parts({ parts }: { parts: PartChange[] }) {
  if (parts.length === 0) return null;
  return (
    <dl className="pack-comparison__parts">
      {parts.map((part, i) => (
        <div key={i}>
          <dt>
            {part.label}
            {part.change === "added" ? " (added)" : part.change === "removed" ? " (removed)" : ""}
          </dt>
          <dd className="pack-comparison__text">
            <Words words={part.words} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Words({ words }: { words: WordRun[] }) {
  return (
    <>
      {words.map((run, i) =>
        run.kind === "added" ? (
          <ins key={i}>
            {hidden("added: ")}
            {run.text}
          </ins>
        ) : run.kind === "removed" ? (
          <del key={i}>
            {hidden("removed: ")}
            {run.text}
          </del>
        ) : (
          <Fragment key={i}>{run.text}</Fragment>
        ),
      )}
    </>
  );
}

const hidden = (text: string): ReactNode => <span className="visually-hidden">{text}</span>;
