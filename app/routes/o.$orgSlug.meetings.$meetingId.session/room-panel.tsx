import { useState } from "react";
import { INTEREST_KIND_LABELS, MEMBER_KIND_LABELS, SEAT_POSITION_LABELS } from "~/shared/meetings/labels";
import { leftTheMeetingFor, quorumForItem } from "~/shared/meetings/quorum-for-item";
import type { MeetingRoomState, RoomPerson } from "~/shared/meetings/room-events";
import type { useMeetingRoom } from "~/components/meetings/use-meeting-room.client";
import { ItemInterestPrompts, RoomApologies } from "~/components/members/room-member-help";
import type { SessionData } from "./route";

type MeetingRoom = ReturnType<typeof useMeetingRoom>;

type Props = {
  page: SessionData;
  state: MeetingRoomState;
  room: MeetingRoom;
  /** The item on screen: declarations are made on it. */
  itemId: string | null;
  onResult: (result: { ok: true } | { ok: false; error: string }, success?: string) => boolean;
};

function describePerson(person: RoomPerson): string {
  if (person.capacity === "member") {
    const seat = person.position && person.position !== "member" ? SEAT_POSITION_LABELS[person.position] : "Member";
    return `${seat}${person.memberKind ? `, ${MEMBER_KIND_LABELS[person.memberKind].toLowerCase()}` : ""}`;
  }
  return { officer: "Officer", guest: "Guest", observer: "Observing" }[person.capacity];
}

/** Quorum, who is here, the speaking queue, and declaring an interest. */
export function RoomPanel({ page, state, room, itemId, onResult }: Props) {
  const you = state.you;
  const myHand = state.queue.find((q) => q.userId === you.userId);
  // Quorum of the item on screen: a member with a prejudicial interest in it has left for it.
  const declarations = state.declarations.map((d) => ({ userId: d.userId, itemId: d.agendaItemId, kind: d.kind }));
  const quorum = quorumForItem(state.quorumBasis, declarations, itemId);
  const left = leftTheMeetingFor(declarations, itemId);
  return (
    <div className="room-panel">
      <p className={`quorum ${quorum.quorate ? "quorum--yes" : "quorum--no"}`} role="status" data-testid="quorum">
        <span aria-hidden="true" className="quorum__glyph">
          {quorum.quorate ? "✓" : "!"}
        </span>{" "}
        {quorum.message}
      </p>

      <section aria-labelledby="present-heading">
        <h2 id="present-heading" className="room-panel__heading">
          Here now ({state.presence.length})
        </h2>
        <ul className="room-panel__people" data-testid="presence">
          {state.presence.map((person) => (
            <li key={person.userId}>
              {person.name} <span className="hint">({describePerson(person)})</span>
              {left.has(person.userId) ? <strong className="left-for-item"> left the meeting for this item</strong> : null}
            </li>
          ))}
        </ul>
      </section>

      <RoomApologies apologies={state.apologies} />

      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading" className="room-panel__heading">
          Speaking queue
        </h2>
        {state.queue.length === 0 ? <p className="hint">Nobody has a hand raised.</p> : null}
        <ol className="room-panel__queue" data-testid="queue">
          {state.queue.map((q) => (
            <li key={q.requestId}>{q.name}</li>
          ))}
        </ol>
        {you.permissions.participate && state.status === "in_session" ? (
          myHand ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={async () => onResult(await room.actions.lowerHand())}
            >
              Lower your hand
            </button>
          ) : (
            <button
              type="button"
              className="button button--secondary"
              onClick={async () => onResult(await room.actions.raiseHand())}
            >
              Raise your hand to speak
            </button>
          )
        ) : null}
        {you.permissions.chair && state.queue.length > 0 ? (
          <button
            type="button"
            className="button"
            onClick={async () => {
              const result = await room.actions.callNext();
              onResult(result, result.ok && result.called ? `${result.called.name} has the floor.` : undefined);
            }}
          >
            Call {state.queue[0].name}
          </button>
        ) : null}
      </section>

      {you.permissions.participate && itemId && state.status === "in_session" ? (
        <ItemInterestPrompts
          prompts={page.interestPrompts}
          itemId={itemId}
          declared={you.declaredOn.includes(itemId)}
          onDeclare={async (kind, interest) =>
            onResult(await room.actions.declareInterest(itemId, kind, interest), "Your declaration is recorded in the minutes.")
          }
        />
      ) : null}
      {you.permissions.participate && itemId && state.status === "in_session" ? (
        <DeclareInterest page={page} state={state} room={room} itemId={itemId} onResult={onResult} />
      ) : null}
    </div>
  );
}

function DeclareInterest({ page, state, room, itemId, onResult }: Props & { itemId: string }) {
  const [kind, setKind] = useState<"personal" | "prejudicial" | "other">("personal");
  const [note, setNote] = useState("");
  const item = page.items.find((i) => i.id === itemId);
  const mine = state.declarations.find((d) => d.agendaItemId === itemId && d.userId === state.you.userId);
  return (
    <details className="details declare-interest">
      <summary>Declare an interest in this item</summary>
      {mine ? (
        <p>
          You declared a {INTEREST_KIND_LABELS[mine.kind].toLowerCase()} in this item. You cannot vote on it or edit its minutes.
        </p>
      ) : null}
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await room.actions.declareInterest(itemId, kind, note);
          if (onResult(result, "Your declaration is recorded in the minutes.")) setNote("");
        }}
      >
        <fieldset className="fieldset">
          <legend>Kind of interest in “{item?.title}”</legend>
          {(["personal", "prejudicial", "other"] as const).map((value) => (
            <div key={value} className="radio">
              <input
                type="radio"
                id={`interest-${value}`}
                name="kind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              <label htmlFor={`interest-${value}`}>{INTEREST_KIND_LABELS[value]}</label>
            </div>
          ))}
        </fieldset>
        <div className="form-group">
          <label htmlFor="interest-note">What the interest is</label>
          <textarea id="interest-note" rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        </div>
        <button type="submit" className="button button--secondary">
          Declare the interest
        </button>
      </form>
    </details>
  );
}
