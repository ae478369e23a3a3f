import { StatusBadge } from "~/components/status-badge";
import { DirectionBadge } from "~/components/direction-badge";
import { UnauditedTag } from "~/components/unaudited-tag";
import type { TenantSummaryLine } from "~/shared/packs/tenant-summary";

/**
 * The tenant top ten in plain words: per indicator its title, its status as a shape
 * and a word (never colour alone), its direction against a year ago, and one or two
 * short sentences written for tenants.
 */
export function TenantTopTenList({ lines }: { lines: (TenantSummaryLine & { peersText?: string | null })[] }) {
  if (lines.length === 0) return <p className="public-empty">No figures have been published yet.</p>;
  return (
    <ul className="tenant-top-ten">
      {lines.map((line) => (
        <li key={line.code} className="tenant-top-ten__item" data-code={line.code} data-status={line.status}>
          <h3 className="tenant-top-ten__title">{line.title}</h3>
          <p className="tenant-top-ten__badges">
            <StatusBadge status={line.status} />
            {line.unaudited ? <UnauditedTag /> : null}
            {line.direction !== "none" ? (
              <span className="tenant-top-ten__direction">
                <DirectionBadge direction={line.direction} polarity={line.polarity} /> {line.direction === "same" ? "as" : "than"} a year ago
              </span>
            ) : null}
          </p>
          <p className="tenant-top-ten__sentence">{line.sentence}</p>
          {line.peersText ? <p className="tenant-top-ten__peers">Compared with other landlords: {line.peersText}.</p> : null}
        </li>
      ))}
    </ul>
  );
}

/** The indicators with no published figure for the month: a line each, left out of the list above. */
export function NotYetPublishedList({ items }: { items: { code: string; title: string; text: string }[] }) {
  if (items.length === 0) return null;
  return (
    <div className="tenant-top-ten__pending">
      <p>Not yet published:</p>
      <ul>
        {items.map((item) => (
          <li key={item.code} data-code={item.code}>
            {item.title}: {item.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
