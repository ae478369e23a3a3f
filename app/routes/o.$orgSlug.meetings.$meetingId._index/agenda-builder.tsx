import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type DragEvent, type FormEvent } from "react";
import { TableRegion } from "~/components/ui/table-region";
import { moveItem } from "~/shared/meetings/agenda-order";
import type { FormResult } from "~/utils/command-response.server";
import type { MeetingPageData } from "./meeting-page-data.server";

type Item = MeetingPageData["items"][number];
type Direction = "up" | "down";

function useMounted() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}

const totalTime = (items: Item[]) => {
  const minutes = items.reduce((sum, i) => sum + (i.minutesAllowed ?? 0), 0);
  if (!minutes) return null;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours ? `${hours} hour${hours === 1 ? "" : "s"}` : "", rest ? `${rest} minute${rest === 1 ? "" : "s"}` : ""]
    .filter(Boolean)
    .join(" ");
};

/**
 * The agenda, in order. Those who may edit it move items with "Move up" / "Move down"
 * (plain form posts that work without scripts) or by dragging a row's handle. With
 * scripts, a move shows at once, is announced in a polite live region, keeps focus on
 * the button that was pressed, and is saved as the whole new order; the server takes
 * it only if it names exactly the items it has.
 */
export function AgendaBuilder({ items, canEdit, editingId }: { items: Item[]; canEdit: boolean; editingId: string | null }) {
  const mounted = useMounted();
  const fetcher = useFetcher<FormResult>();
  const serverOrder = items.map((i) => i.id).join(",");
  const [order, setOrder] = useState(serverOrder);
  const [announcement, setAnnouncement] = useState("");
  const queued = useRef<string | null>(null);
  const focusAfterMove = useRef<{ id: string; direction: Direction } | null>(null);
  // The row being dragged: a ref for the drop logic, state only for how the rows look.
  const draggedRef = useRef<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);

  // Saves one order at a time: a move made while the last is saving waits, then goes as the latest order.
  const { submit, state } = fetcher;
  useEffect(() => {
    if (state !== "idle") return;
    if (queued.current) {
      const next = queued.current;
      queued.current = null;
      submit({ intent: "reorder", order: next }, { method: "post" });
      return;
    }
    // Settled: the server's order is the truth again (it is ours, unless the move was refused).
    setOrder(serverOrder);
  }, [state, serverOrder, submit]);

  const byId = new Map(items.map((i) => [i.id, i]));
  const local = order.split(",").flatMap((id) => byId.get(id) ?? []);
  const shown = local.length === items.length ? local : items;

  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = null;
    const other: Direction = target.direction === "up" ? "down" : "up";
    // At the top (or bottom) the pressed button is gone: the other one takes focus.
    const button =
      document.querySelector<HTMLButtonElement>(`[data-move="${target.direction}"][data-item="${target.id}"]`) ??
      document.querySelector<HTMLButtonElement>(`[data-move="${other}"][data-item="${target.id}"]`);
    button?.focus();
  }, [order]);

  function moveTo(id: string, toIndex: number, direction?: Direction) {
    const next = moveItem(shown, id, toIndex);
    const position = next.findIndex((i) => i.id === id) + 1;
    const ids = next.map((i) => i.id).join(",");
    if (ids === shown.map((i) => i.id).join(",")) return;
    if (direction) focusAfterMove.current = { id, direction };
    setOrder(ids);
    setAnnouncement(`Item '${byId.get(id)?.title}' moved to position ${position} of ${next.length}`);
    if (state === "idle") submit({ intent: "reorder", order: ids }, { method: "post" });
    else queued.current = ids;
  }

  function onMoveSubmit(event: FormEvent<HTMLFormElement>, id: string, direction: Direction) {
    event.preventDefault();
    const from = shown.findIndex((i) => i.id === id);
    moveTo(id, direction === "up" ? from - 1 : from + 1, direction);
  }

  const dragHandlers = (id: string) => ({
    onDragOver: (event: DragEvent) => {
      if (!draggedRef.current) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      if (dropTarget !== id) setDropTarget(id);
    },
    onDragLeave: () => setDropTarget((current) => (current === id ? null : current)),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      const moving = draggedRef.current ?? event.dataTransfer.getData("text/plain");
      draggedRef.current = null;
      setDragged(null);
      setDropTarget(null);
      if (moving && moving !== id)
        moveTo(
          moving,
          shown.findIndex((i) => i.id === id),
        );
    },
  });

  const refused =
    fetcher.state === "idle" && fetcher.data?.fieldErrors ? Object.values(fetcher.data.fieldErrors).join(" ") : null;
  const time = totalTime(shown);

  return (
    <section aria-labelledby="agenda-heading" className="agenda">
      <h2 id="agenda-heading">Agenda</h2>
      {canEdit ? (
        <p className="hint">
          Move items with the Move up and Move down buttons{mounted ? ", or drag a row by its handle" : ""}. New items go before
          “Any other business” when it closes the agenda.
        </p>
      ) : null}
      <div role="status" aria-live="polite" className="agenda__announcer">
        {announcement}
      </div>
      {refused ? (
        <div role="alert" className="error-message agenda__refused">
          {refused}
        </div>
      ) : null}
      {shown.length ? (
        <TableRegion label="Agenda items">
          <table className="table agenda-table" aria-labelledby="agenda-heading">
            <thead>
              <tr>
                <th scope="col" className="agenda-table__number">
                  No.
                </th>
                <th scope="col">Item</th>
                <th scope="col">Presenter</th>
                <th scope="col" className="numeric">
                  Time allowed
                </th>
                {canEdit ? <th scope="col">Change the agenda</th> : null}
              </tr>
            </thead>
            <tbody>
              {shown.map((item, index) => (
                <tr
                  key={item.id}
                  id={`item-${item.id}`}
                  className={[
                    "agenda-row",
                    dragged === item.id ? "agenda-row--dragging" : "",
                    dropTarget === item.id && dragged !== item.id ? "agenda-row--drop-target" : "",
                    editingId === item.id ? "agenda-row--editing" : "",
                  ]
                    .filter(Boolean)
                    .join(" ")}
                  data-testid="agenda-row"
                  {...(canEdit && mounted ? dragHandlers(item.id) : {})}
                >
                  <td className="agenda-table__number">{item.minuteNumber ?? index + 1}</td>
                  <th scope="row" className="agenda-table__item">
                    <span className="agenda-item__title">{item.title}</span>
                    <span className="agenda-item__meta">
                      {/* The kind, unless the title already says it. */}
                      {item.kindLabel !== item.title ? <span className="tag">{item.kindLabel}</span> : null}
                      {item.exempt ? (
                        <span className="tag tag--exempt">
                          Exempt{item.exemptParagraph ? `, paragraph ${item.exemptParagraph}` : ""}
                        </span>
                      ) : null}
                    </span>
                    {item.optionsText ? <span className="agenda-item__options">{item.optionsText}</span> : null}
                    {item.kind === "report" ? (
                      <Link to={`reports/${item.id}`} className="agenda-item__options">
                        Cover report<span className="visually-hidden"> for {item.title}</span>
                      </Link>
                    ) : null}
                    {item.exempt && item.exemptReason ? (
                      <span className="agenda-item__options">Not for publication: {item.exemptReason}</span>
                    ) : null}
                    {item.fromReferral ? (
                      <span className="agenda-item__options">Referred to a clinic by an earlier meeting</span>
                    ) : null}
                  </th>
                  <td>{item.presenter}</td>
                  <td className="numeric">{item.minutesAllowed ? `${item.minutesAllowed} min` : ""}</td>
                  {canEdit ? (
                    <td>
                      <div className="agenda-actions">
                        {mounted ? (
                          <span
                            className="drag-handle"
                            draggable
                            title={`Drag to move ${item.title}`}
                            data-drag-handle={item.id}
                            aria-hidden="true"
                            onDragStart={(event) => {
                              event.dataTransfer.effectAllowed = "move";
                              event.dataTransfer.setData("text/plain", item.id);
                              const row = (event.currentTarget as HTMLElement).closest("tr");
                              if (row) event.dataTransfer.setDragImage(row, 16, 16);
                              draggedRef.current = item.id;
                              // Chromium ends a drag whose source changes during dragstart: restyle the row just after.
                              window.setTimeout(() => setDragged(item.id), 0);
                            }}
                            onDragEnd={() => {
                              draggedRef.current = null;
                              setDragged(null);
                              setDropTarget(null);
                            }}
                          >
                            <svg width="16" height="20" viewBox="0 0 16 20" focusable="false">
                              {[4, 10, 16].flatMap((y) =>
                                [4, 12].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="2" fill="currentColor" />),
                              )}
                            </svg>
                          </span>
                        ) : null}
                        {(["up", "down"] as const).map((direction) =>
                          (direction === "up" && index === 0) || (direction === "down" && index === shown.length - 1) ? (
                            <span key={direction} className="agenda-actions__spacer" />
                          ) : (
                            <Form
                              key={direction}
                              method="post"
                              className="inline-action"
                              onSubmit={(event) => onMoveSubmit(event, item.id, direction)}
                            >
                              <input type="hidden" name="intent" value="move" />
                              <input type="hidden" name="itemId" value={item.id} />
                              <input type="hidden" name="direction" value={direction} />
                              <button
                                className="button button--secondary button--small"
                                type="submit"
                                data-move={direction}
                                data-item={item.id}
                              >
                                {direction === "up" ? "Move up" : "Move down"}
                                <span className="visually-hidden"> {item.title}</span>
                              </button>
                            </Form>
                          ),
                        )}
                        <Link to={`?edit=${item.id}#item-form`} className="agenda-actions__link" preventScrollReset={false}>
                          Change<span className="visually-hidden"> {item.title}</span>
                        </Link>
                        <Form method="post" className="inline-action">
                          <input type="hidden" name="intent" value="remove-item" />
                          <input type="hidden" name="itemId" value={item.id} />
                          <button className="link-button agenda-actions__link" type="submit">
                            Remove<span className="visually-hidden"> {item.title}</span>
                          </button>
                        </Form>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>The agenda has no items yet.</p>
      )}
      {time ? <p className="agenda__total">Time allowed in all: {time}</p> : null}
    </section>
  );
}
