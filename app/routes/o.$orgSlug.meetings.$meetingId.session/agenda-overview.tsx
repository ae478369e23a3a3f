import type { SessionData } from "./route";

type Props = {
  items: SessionData["items"];
  /** The item the chair has open. */
  currentItemId: string | null;
  /** The item this person is looking at (when browsing away from the chair). */
  viewedItemId: string | null;
  /** With it, each item is a button that shows the item (browsing freely). */
  onView?: (itemId: string) => void;
};

/** The agenda down the side: numbers, titles, which item the chair has open, which one you are reading. */
export function AgendaOverview({ items, currentItemId, viewedItemId, onView }: Props) {
  return (
    <nav className="agenda-overview" aria-label="Agenda">
      <h2 className="agenda-overview__heading">Agenda</h2>
      <ol className="agenda-overview__list">
        {items.map((item) => {
          const isCurrent = item.id === currentItemId;
          const isViewed = item.id === viewedItemId;
          const label = (
            <>
              <span className="agenda-overview__number">{item.minuteNumber ?? `${item.position}.`}</span> {item.title}
              {item.exempt ? <span className="tag tag--exempt">Exempt</span> : null}
              {isCurrent ? <span className="tag tag--current">Chair is here</span> : null}
            </>
          );
          return (
            <li key={item.id} className={`agenda-overview__item${isCurrent ? " agenda-overview__item--current" : ""}`}>
              {onView ? (
                <button
                  type="button"
                  className="agenda-overview__button"
                  aria-current={isViewed ? "true" : undefined}
                  onClick={() => onView(item.id)}
                >
                  {label}
                </button>
              ) : (
                <a href={`#static-${item.id}`} className="agenda-overview__link">
                  {label}
                </a>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
