import { useEffect, useId, useState } from "react";
import * as Y from "yjs";
import { RichTextEditor } from "~/components/collab/rich-text-editor.client";
import { LOCAL_ORIGIN, useDocValue, type SharedDocumentSession } from "~/components/collab/use-shared-document.client";
import { TrajectoryChart } from "~/components/charts/trajectory-chart";
import { TableRegion } from "~/components/ui/table-region";
import { formatUkDay } from "~/shared/dates";
import type { IndicatorRule } from "~/shared/performance/types";
import {
  actionsList,
  challengesList,
  CLINIC_MILESTONES_MAX,
  MILESTONE_TEXT_MAX,
  milestonesList,
  minutesFragment,
  readAgreedActions,
  readChallenges,
  readMilestones,
  readSuggestions,
  readTrajectory,
  recordRoot,
  suggestionsList,
  trajectoryKey,
  trajectoryMap,
} from "~/shared/meetings/meeting-record";

type Option = { id: string; name: string };
type Indicator = { id: string; code: string; title: string };
/** A clinic's indicator: its recent values and target, for the trajectory chart. */
type ClinicIndicator = Indicator & {
  rule: Pick<IndicatorRule, "unit" | "decimals" | "polarity">;
  recent: { period: string; value: number }[];
  target: number | null;
};

type Props = {
  session: SharedDocumentSession;
  itemId: string;
  itemTitle: string;
  /** May write this item's actions, challenges and plan (the server enforces the same rule). */
  editable: boolean;
  /** May write this item's minutes: where the body wants it, only the clerk holds the pen. */
  minutesEditable: boolean;
  /** Suggests wording beside the minutes instead (the clerk holds the pen). */
  suggest: boolean;
  /** May remove an agreed action and accept or dismiss suggestions (the clerk or the chair). */
  canRemove: boolean;
  /** Why not, when the person could otherwise write (a declared interest). */
  readOnlyReason: string | null;
  user: { id: string; name: string; colour: string };
  people: Option[];
  indicators: Indicator[];
  /** A scorecard review: members challenge indicators and officers answer. */
  challenges: boolean;
  /** A clinic: milestones and a recovery trajectory for these indicators over these periods. */
  clinic: { indicators: ClinicIndicator[]; periods: { value: string; label: string }[] } | null;
};

const transact = (doc: Y.Doc, change: () => void) => doc.transact(change, LOCAL_ORIGIN);

function newEntry(fields: Record<string, string>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set("id", crypto.randomUUID());
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

function setField(list: Y.Array<Y.Map<unknown>>, index: number, key: string, value: string) {
  const map = list.get(index);
  if (map instanceof Y.Map) map.set(key, value);
}

/**
 * Undo of this person's own changes to an item's record (an action removed, a
 * suggestion accepted), never anyone else's: only changes made from this page's forms
 * are tracked. Typing in the minutes has the editor's own undo (Ctrl+Z).
 */
function useOwnUndo(doc: Y.Doc, itemId: string) {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  const [canUndo, setCanUndo] = useState(false);
  useEffect(() => {
    const undo = new Y.UndoManager(
      [
        minutesFragment(doc, itemId),
        actionsList(doc, itemId),
        suggestionsList(doc, itemId),
        challengesList(doc, itemId),
        milestonesList(doc, itemId),
      ],
      { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 },
    );
    const changed = () => setCanUndo(undo.canUndo());
    undo.on("stack-item-added", changed);
    undo.on("stack-item-popped", changed);
    undo.on("stack-cleared", changed);
    setManager(undo);
    return () => {
      undo.destroy();
      setManager(null);
      setCanUndo(false);
    };
  }, [doc, itemId]);
  return { canUndo, undo: () => manager?.undo() };
}

/** One agenda item's part of the meeting's shared record: minutes, agreed actions, challenges, improvement plan. */
export function ItemRecord(props: Props) {
  const { session, itemId, itemTitle, minutesEditable, readOnlyReason, user } = props;
  const minutesHeading = useId();
  const minutesHint = useId();
  const own = useOwnUndo(session.doc, itemId);
  return (
    <div className="item-record">
      <h3 id={minutesHeading}>Minutes</h3>
      <p id={minutesHint} className="hint">
        {minutesEditable
          ? "Written together: you see each other's changes as you type."
          : props.suggest
            ? "The clerk writes the minutes. Suggest your wording beside them: the clerk accepts or dismisses it."
            : (readOnlyReason ?? "You can read the minutes as they are written.")}
      </p>
      <RichTextEditor
        key={itemId}
        session={session}
        field={recordRoot("minutes", itemId)}
        labelId={minutesHeading}
        hintId={minutesHint}
        title={`Minutes of ${itemTitle}`}
        editable={minutesEditable}
        user={user}
      />
      {props.canRemove ? (
        <p className="item-record__undo">
          <button type="button" className="button button--secondary button--small" disabled={!own.canUndo} onClick={own.undo}>
            Undo my last change
          </button>{" "}
          <span className="hint">Brings back an action you removed or a suggestion you accepted or dismissed.</span>
        </p>
      ) : null}
      <Suggestions {...props} />
      {props.challenges ? <Challenges {...props} /> : null}
      {props.clinic ? <ImprovementPlan {...props} clinic={props.clinic} /> : null}
      <AgreedActions {...props} />
    </div>
  );
}

/** Where the clerk holds the pen: members' suggested wording beside the minutes, for the clerk to accept or dismiss. */
function Suggestions({ session, itemId, suggest, canRemove, minutesEditable, user, people }: Props) {
  const { doc } = session;
  const list = suggestionsList(doc, itemId);
  // The author by their id (checked by the server), not the name the suggesting page wrote.
  const suggestions = useDocValue(doc, list, () => readSuggestions(doc, itemId)).map((s) => ({
    ...s,
    byName: people.find((p) => p.id === s.by)?.name ?? "A member",
  }));
  const [text, setText] = useState("");
  const fieldId = useId();
  if (!suggest && suggestions.length === 0) return null;
  const indexOf = (id: string) =>
    (list.toArray() as unknown[]).findIndex((entry) => entry instanceof Y.Map && entry.get("id") === id);
  const accept = (id: string, words: string) =>
    transact(doc, () => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(words)]);
      minutesFragment(doc, itemId).push([paragraph]);
      const index = indexOf(id);
      if (index >= 0) list.delete(index, 1);
    });
  const dismiss = (id: string) =>
    transact(doc, () => {
      const index = indexOf(id);
      if (index >= 0) list.delete(index, 1);
    });
  return (
    <section className="item-record__section" aria-labelledby={`suggestions-${itemId}`}>
      <h3 id={`suggestions-${itemId}`}>Suggestions for the minutes</h3>
      {suggestions.length === 0 ? <p>No suggestions waiting.</p> : null}
      <ul className="record-list" data-testid="suggestions">
        {suggestions.map((s) => (
          <li key={s.id} className="record-list__item suggestion">
            <p>
              <strong>{s.byName} suggests:</strong> {s.text}
            </p>
            {canRemove ? (
              <p>
                {minutesEditable ? (
                  <button type="button" className="button button--small" onClick={() => accept(s.id, s.text)}>
                    Accept<span className="visually-hidden"> the suggestion of {s.byName}</span>
                  </button>
                ) : null}{" "}
                <button type="button" className="button button--secondary button--small" onClick={() => dismiss(s.id)}>
                  Dismiss<span className="visually-hidden"> the suggestion of {s.byName}</span>
                </button>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {suggest ? (
        <form
          className="suggest-form"
          onSubmit={(event) => {
            event.preventDefault();
            const words = text.trim();
            if (!words) return;
            transact(doc, () =>
              list.push([newEntry({ text: words, by: user.id, byName: user.name, at: new Date().toISOString() })]),
            );
            setText("");
          }}
        >
          <div className="form-group">
            <label htmlFor={fieldId}>Suggest wording for the minutes</label>
            <textarea id={fieldId} rows={2} maxLength={2000} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          </div>
          <button type="submit" className="button button--secondary">
            Suggest
          </button>
        </form>
      ) : null}
    </section>
  );
}

function AgreedActions({ session, itemId, editable, canRemove, people, indicators }: Props) {
  const { doc } = session;
  const list = actionsList(doc, itemId);
  const actions = useDocValue(doc, list, () => readAgreedActions(doc, itemId));
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? "No owner yet";
  const codeOf = (id: string) => indicators.find((i) => i.id === id)?.code ?? "";
  return (
    <section className="item-record__section" aria-labelledby={`actions-${itemId}`}>
      <h3 id={`actions-${itemId}`}>Actions agreed</h3>
      <p className="hint">Each action needs an owner and a due date; when the meeting closes they enter the action log.</p>
      {actions.length === 0 ? <p>No actions agreed on this item yet.</p> : null}
      {editable ? (
        <ol className="record-list">
          {actions.map((a, index) => {
            const id = (key: string) => `agreed-${a.id}-${key}`;
            const n = index + 1;
            return (
              <li key={a.id} className="record-list__item">
                <fieldset className="record-list__fieldset">
                  <legend>Action {n}</legend>
                  <div className="form-group">
                    <label htmlFor={id("action")}>What will be done</label>
                    <input
                      type="text"
                      id={id("action")}
                      maxLength={500}
                      value={a.action}
                      onChange={(e) => transact(doc, () => setField(list, index, "action", e.currentTarget.value))}
                    />
                  </div>
                  <div className="record-list__row">
                    <div className="form-group">
                      <label htmlFor={id("owner")}>Owner</label>
                      <select
                        id={id("owner")}
                        value={a.ownerId}
                        onChange={(e) => transact(doc, () => setField(list, index, "ownerId", e.currentTarget.value))}
                      >
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
                        onChange={(e) => transact(doc, () => setField(list, index, "due", e.currentTarget.value))}
                      />
                    </div>
                    <div className="form-group">
                      <label htmlFor={id("indicator")}>Indicator (optional)</label>
                      <select
                        id={id("indicator")}
                        value={a.indicatorId}
                        onChange={(e) => transact(doc, () => setField(list, index, "indicatorId", e.currentTarget.value))}
                      >
                        <option value="">None</option>
                        {indicators.map((i) => (
                          <option key={i.id} value={i.id}>
                            {i.code} {i.title}
                          </option>
                        ))}
                      </select>
                    </div>
                    {canRemove ? (
                      <div className="form-group record-list__remove">
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => transact(doc, () => list.delete(index, 1))}
                        >
                          Remove<span className="visually-hidden"> action {n}</span>
                        </button>
                      </div>
                    ) : null}
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
      ) : actions.length > 0 ? (
        <TableRegion label="Actions agreed on this item">
          <table className="table">
            <caption className="caption--quiet">Actions agreed on this item</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Indicator</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={a.id}>
                  <td>{a.action || "Not described yet"}</td>
                  <td>{nameOf(a.ownerId)}</td>
                  <td>{a.due ? formatUkDay(a.due) : "No date yet"}</td>
                  <td>{codeOf(a.indicatorId) || "None"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      {editable ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => transact(doc, () => list.push([newEntry({ action: "", ownerId: "", due: "", indicatorId: "" })]))}
        >
          Add an agreed action
        </button>
      ) : null}
    </section>
  );
}

function Challenges({ session, itemId, editable, indicators, user }: Props) {
  const { doc } = session;
  const list = challengesList(doc, itemId);
  const challenges = useDocValue(doc, list, () => readChallenges(doc, itemId));
  const label = (id: string) => {
    const found = indicators.find((i) => i.id === id);
    return found ? `${found.code} ${found.title}` : "No indicator chosen";
  };
  return (
    <section className="item-record__section" aria-labelledby={`challenges-${itemId}`}>
      <h3 id={`challenges-${itemId}`}>Challenges</h3>
      <p className="hint">Members challenge an indicator; the responsible officer answers here, during the meeting.</p>
      {challenges.length === 0 ? <p>No challenges raised on this item yet.</p> : null}
      <ol className="record-list">
        {challenges.map((c, index) => {
          const id = (key: string) => `challenge-${c.id}-${key}`;
          const n = index + 1;
          return (
            <li key={c.id} className="record-list__item" data-testid="challenge">
              {editable ? (
                <fieldset className="record-list__fieldset">
                  <legend>
                    Challenge {n}
                    {c.raisedBy ? ` from ${c.raisedBy}` : ""}
                  </legend>
                  <div className="form-group">
                    <label htmlFor={id("indicator")}>Indicator</label>
                    <select
                      id={id("indicator")}
                      value={c.indicatorId}
                      onChange={(e) => transact(doc, () => setField(list, index, "indicatorId", e.currentTarget.value))}
                    >
                      <option value="">Choose an indicator</option>
                      {indicators.map((i) => (
                        <option key={i.id} value={i.id}>
                          {i.code} {i.title}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="form-group">
                    <label htmlFor={id("question")}>Question</label>
                    <textarea
                      id={id("question")}
                      rows={2}
                      maxLength={2000}
                      value={c.question}
                      onChange={(e) => transact(doc, () => setField(list, index, "question", e.currentTarget.value))}
                    />
                  </div>
                  <div className="form-group">
                    <label htmlFor={id("answer")}>Answer{c.answeredBy ? ` (from ${c.answeredBy})` : ""}</label>
                    <textarea
                      id={id("answer")}
                      rows={2}
                      maxLength={2000}
                      value={c.answer}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        transact(doc, () => {
                          setField(list, index, "answer", value);
                          setField(list, index, "answeredBy", user.name);
                        });
                      }}
                    />
                  </div>
                </fieldset>
              ) : (
                <div className="challenge">
                  <p>
                    <strong>{label(c.indicatorId)}</strong>
                    {c.raisedBy ? `: ${c.raisedBy} asked` : ""}
                  </p>
                  <p>{c.question || "No question written yet."}</p>
                  <p>
                    <strong>Answer{c.answeredBy ? ` from ${c.answeredBy}` : ""}:</strong> {c.answer || "Not answered yet."}
                  </p>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {editable ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            transact(doc, () =>
              list.push([newEntry({ indicatorId: "", question: "", raisedBy: user.name, answer: "", answeredBy: "" })]),
            )
          }
        >
          Raise a challenge
        </button>
      ) : null}
    </section>
  );
}

function ImprovementPlan({ session, itemId, editable, clinic }: Props & { clinic: NonNullable<Props["clinic"]> }) {
  const { doc } = session;
  const milestones = milestonesList(doc, itemId);
  const trajectory = trajectoryMap(doc, itemId);
  const rows = useDocValue(doc, milestones, () => readMilestones(doc, itemId));
  const planned = useDocValue(doc, trajectory, () => new Map(trajectory.entries() as Iterable<[string, unknown]>));
  return (
    <section className="item-record__section" aria-labelledby={`plan-${itemId}`}>
      <h3 id={`plan-${itemId}`}>Performance Improvement Plan</h3>
      <h4>Milestones</h4>
      {rows.length === 0 ? <p>No milestones yet.</p> : null}
      <ol className="record-list">
        {rows.map((m, index) => (
          <li key={m.id} className="record-list__item">
            {editable ? (
              <div className="record-list__row">
                <div className="form-group">
                  <label htmlFor={`milestone-${m.id}`}>Milestone {index + 1}</label>
                  <input
                    type="text"
                    id={`milestone-${m.id}`}
                    maxLength={MILESTONE_TEXT_MAX}
                    value={m.milestone}
                    onChange={(e) => transact(doc, () => setField(milestones, index, "milestone", e.currentTarget.value))}
                  />
                </div>
                <div className="form-group">
                  <label htmlFor={`milestone-${m.id}-due`}>By</label>
                  <input
                    type="date"
                    id={`milestone-${m.id}-due`}
                    value={m.due}
                    onChange={(e) => transact(doc, () => setField(milestones, index, "due", e.currentTarget.value))}
                  />
                </div>
                <div className="form-group record-list__remove">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => transact(doc, () => milestones.delete(index, 1))}
                  >
                    Remove<span className="visually-hidden"> milestone {index + 1}</span>
                  </button>
                </div>
              </div>
            ) : (
              <p>
                {m.milestone || "Not described yet"}
                {m.due ? `, by ${formatUkDay(m.due)}` : ""}
              </p>
            )}
          </li>
        ))}
      </ol>
      {editable && rows.length >= CLINIC_MILESTONES_MAX ? (
        <p className="hint">A plan has at most {CLINIC_MILESTONES_MAX} milestones: remove one to add another.</p>
      ) : editable ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => transact(doc, () => milestones.push([newEntry({ milestone: "", due: "" })]))}
        >
          Add a milestone
        </button>
      ) : null}
      {clinic.indicators.map((indicator) => (
        <fieldset key={indicator.id} className="trajectory" disabled={!editable}>
          <legend>
            Recovery trajectory: {indicator.code} {indicator.title}
          </legend>
          <p className="hint">The value the plan aims for in each coming period; it is drawn against the target line.</p>
          <div className="trajectory__inputs">
            {clinic.periods.map((period) => {
              const key = trajectoryKey(indicator.id, period.value);
              const raw = planned.get(key);
              return (
                <div key={period.value} className="form-group">
                  <label htmlFor={`trajectory-${indicator.id}-${period.value}`}>{period.label}</label>
                  <input
                    type="text"
                    inputMode="decimal"
                    className="input--short"
                    id={`trajectory-${indicator.id}-${period.value}`}
                    value={typeof raw === "string" || typeof raw === "number" ? String(raw) : ""}
                    onChange={(e) => {
                      const value = e.currentTarget.value.trim();
                      transact(doc, () => (value === "" ? trajectory.delete(key) : trajectory.set(key, value)));
                    }}
                  />
                </div>
              );
            })}
          </div>
          <TrajectoryChart
            title={`${indicator.code} ${indicator.title}`}
            rule={indicator.rule}
            actuals={indicator.recent}
            planned={readTrajectory(doc, itemId, indicator.id)}
            target={indicator.target}
          />
        </fieldset>
      ))}
    </section>
  );
}
