import * as Y from "yjs";
import { actionsArray, detailsMap, readActions, readRecoveryDate, toActionRows } from "~/shared/commentary/commentary-content";
import { formatUkDay } from "~/shared/dates";
import { RemedialActionsTable } from "./rendered-commentary";
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  ACTION_TEXT_MAX_LENGTH,
  RECOVERY_DATE_KEY,
  type RemedialAction,
} from "~/shared/commentary/commentary-sections";
import { LOCAL_ORIGIN, useDocValue, type SharedDocumentSession } from "~/components/collab/use-shared-document.client";

type Person = { id: string; name: string };

/**
 * The remedial actions: a Y.Array of Y.Maps in the shared document, edited with plain
 * form controls. Each change is one key of one map, so two people editing different
 * actions (or different fields of one) never overwrite each other.
 */
export function ActionsEditor({
  session,
  editable,
  people,
}: {
  session: SharedDocumentSession;
  editable: boolean;
  people: Person[];
}) {
  const { doc } = session;
  const array = actionsArray(doc);
  const actions = useDocValue(doc, array, () => readActions(doc));
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? "";

  const change = (index: number, key: keyof RemedialAction, value: string) => {
    doc.transact(() => {
      const map = array.get(index);
      if (map instanceof Y.Map) map.set(key, value);
    }, LOCAL_ORIGIN);
  };
  const add = () => {
    doc.transact(() => {
      const map = new Y.Map<unknown>();
      map.set("id", crypto.randomUUID());
      map.set("action", "");
      map.set("ownerId", "");
      map.set("due", "");
      map.set("status", "not_started");
      array.push([map]);
    }, LOCAL_ORIGIN);
  };
  const remove = (index: number) => doc.transact(() => array.delete(index, 1), LOCAL_ORIGIN);

  if (!editable) return <RemedialActionsTable actions={toActionRows(actions, nameOf)} />;

  return (
    <div className="actions-editor">
      {actions.length === 0 ? <p className="hint">No actions yet.</p> : null}
      <ol className="actions-editor__list">
        {actions.map((a, index) => {
          const n = index + 1;
          const id = (key: string) => `action-${a.id}-${key}`;
          return (
            <li key={a.id} className="actions-editor__item">
              <fieldset className="actions-editor__fieldset">
                <legend className="actions-editor__legend">Action {n}</legend>
                <div className="form-group actions-editor__what">
                  <label htmlFor={id("action")}>What will be done</label>
                  <input
                    type="text"
                    id={id("action")}
                    value={a.action}
                    maxLength={ACTION_TEXT_MAX_LENGTH}
                    onChange={(e) => change(index, "action", e.currentTarget.value)}
                  />
                </div>
                <div className="actions-editor__row">
                  <div className="form-group">
                    <label htmlFor={id("owner")}>Owner</label>
                    <select id={id("owner")} value={a.ownerId} onChange={(e) => change(index, "ownerId", e.currentTarget.value)}>
                      <option value="">Choose a person</option>
                      {people.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="form-group">
                    <label htmlFor={id("due")}>Due date</label>
                    <input
                      type="date"
                      id={id("due")}
                      value={a.due}
                      onChange={(e) => change(index, "due", e.currentTarget.value)}
                    />
                  </div>
                  <div className="form-group">
                    <label htmlFor={id("status")}>Status</label>
                    <select id={id("status")} value={a.status} onChange={(e) => change(index, "status", e.currentTarget.value)}>
                      {ACTION_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {ACTION_STATUS_LABELS[s]}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="form-group actions-editor__remove">
                    <button type="button" className="button button--secondary button--small" onClick={() => remove(index)}>
                      Remove<span className="visually-hidden"> action {n}</span>
                    </button>
                  </div>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button--secondary" onClick={add}>
        Add an action
      </button>
    </div>
  );
}

/** The expected recovery date: one key of the document's details map. */
export function RecoveryDateEditor({
  session,
  editable,
  labelId,
  hintId,
}: {
  session: SharedDocumentSession;
  editable: boolean;
  labelId: string;
  hintId: string;
}) {
  const { doc } = session;
  const map = detailsMap(doc);
  const value = useDocValue(doc, map, () => readRecoveryDate(doc));
  if (!editable) return <p>{formatUkDay(value) || <span className="hint">Not given yet.</span>}</p>;
  return (
    <div className="form-group">
      <input
        type="date"
        id="recovery-date"
        aria-labelledby={labelId}
        aria-describedby={hintId}
        value={value}
        onChange={(e) => doc.transact(() => map.set(RECOVERY_DATE_KEY, e.currentTarget.value), LOCAL_ORIGIN)}
      />
    </div>
  );
}
