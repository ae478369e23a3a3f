import { useState } from "react";
import { INTEREST_KIND_LABELS, MOTION_STATUS_LABELS, VOTE_CHOICE_LABELS } from "~/shared/meetings/labels";
import type { MeetingRoomState, RoomMotion } from "~/shared/meetings/room-events";
import { describeTally } from "~/shared/meetings/votes";
import { motionLead } from "~/shared/meetings/motion-wording";
import type { useMeetingRoom } from "~/components/meetings/use-meeting-room.client";
import type { SessionData } from "./route";

type MeetingRoom = ReturnType<typeof useMeetingRoom>;

type Props = {
  page: SessionData;
  state: MeetingRoomState;
  room: MeetingRoom;
  item: SessionData["items"][number];
  onResult: (result: { ok: true } | { ok: false; error: string }, success?: string) => boolean;
};

/** Resolutions of the item: the chair proposes the wording, members vote, the result is recorded with it. */
export function Motions({ page, state, room, item, onResult }: Props) {
  const motions = state.motions.filter((m) => m.agendaItemId === item.id);
  const declarations = state.declarations.filter((d) => d.agendaItemId === item.id);
  return (
    <section className="motions" aria-labelledby={`motions-${item.id}`}>
      <h3 id={`motions-${item.id}`}>Resolutions</h3>
      {declarations.length > 0 ? (
        <ul className="declarations" data-testid="declarations">
          {declarations.map((d) => (
            <li key={d.id}>
              {d.name} declared a {INTEREST_KIND_LABELS[d.kind].toLowerCase()}
              {d.note ? `: ${d.note}` : ""}.
            </li>
          ))}
        </ul>
      ) : null}
      {motions.length === 0 ? <p className="hint">No resolution proposed on this item yet.</p> : null}
      {motions.map((motion) => (
        <Motion key={motion.id} motion={motion} {...{ page, state, room, item, onResult }} />
      ))}
      {state.you.permissions.chair && state.status === "in_session" && !motions.some((m) => m.status === "open") ? (
        <Propose {...{ page, room, item, onResult }} />
      ) : null}
    </section>
  );
}

function Motion({ motion, state, room, item, onResult }: Props & { motion: RoomMotion }) {
  const you = state.you;
  const mine = motion.votes.find((v) => v.userId === you.userId)?.choice ?? null;
  const mayVote = you.permissions.vote && !you.cannotVoteOn.includes(item.id);
  const [counts, setCounts] = useState({ for: "", against: "", abstain: "" });
  return (
    <article
      className={`motion motion--${motion.status}`}
      data-testid="motion"
      aria-label={`${motion.status === "carried" ? "Resolution" : "Motion"}: ${motion.wording}`}
    >
      <p className="motion__wording">
        <strong>{motionLead(motion.status)}</strong> that {motion.wording}
      </p>
      <p className="motion__status">
        <span className="tag">{MOTION_STATUS_LABELS[motion.status]}</span>{" "}
        {motion.tally ? (
          <span data-testid="tally">{describeTally(motion.tally)}</span>
        ) : motion.method === "show_of_hands" ? (
          "Show of hands: the clerk enters the count."
        ) : null}
      </p>
      {motion.votes.length > 0 ? (
        <details className="details">
          <summary>How members voted</summary>
          <ul>
            {motion.votes.map((v) => (
              <li key={v.userId}>
                {v.name}: {VOTE_CHOICE_LABELS[v.choice]}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {motion.status === "open" && motion.method === "named" ? (
        mayVote ? (
          // The "Your vote" link under the item's heading comes here (one open motion per item at a time).
          <fieldset className="fieldset vote" id="your-vote" tabIndex={-1}>
            <legend>
              <h4 className="vote__heading">Your vote{mine ? `: ${VOTE_CHOICE_LABELS[mine]}` : ""}</h4>
            </legend>
            {(["for", "against", "abstain"] as const).map((choice) => (
              <button
                key={choice}
                type="button"
                className={`button ${mine === choice ? "" : "button--secondary"}`}
                aria-pressed={mine === choice}
                onClick={async () =>
                  onResult(
                    await room.actions.vote(motion.id, choice),
                    `Your vote (${VOTE_CHOICE_LABELS[choice].toLowerCase()}) is recorded.`,
                  )
                }
              >
                {VOTE_CHOICE_LABELS[choice]}
              </button>
            ))}
          </fieldset>
        ) : you.cannotVoteOn.includes(item.id) ? (
          <p className="hint">You declared an interest in this item, so you cannot vote on it.</p>
        ) : null
      ) : null}
      {motion.status === "open" && motion.method === "show_of_hands" && you.permissions.manage ? (
        <form
          className="count-form"
          onSubmit={async (event) => {
            event.preventDefault();
            const n = (v: string) => Number.parseInt(v || "0", 10);
            onResult(
              await room.actions.enterCount(motion.id, {
                for: n(counts.for),
                against: n(counts.against),
                abstain: n(counts.abstain),
              }),
              "The count is recorded.",
            );
          }}
        >
          <fieldset className="fieldset">
            <legend>Count of the show of hands</legend>
            {(["for", "against", "abstain"] as const).map((key) => (
              <div key={key} className="form-group form-group--inline">
                <label htmlFor={`count-${motion.id}-${key}`}>{VOTE_CHOICE_LABELS[key]}</label>
                <input
                  id={`count-${motion.id}-${key}`}
                  type="number"
                  min={0}
                  max={999}
                  className="input--short"
                  value={counts[key]}
                  onChange={(e) => setCounts({ ...counts, [key]: e.currentTarget.value })}
                />
              </div>
            ))}
            <button type="submit" className="button button--secondary">
              Record the count
            </button>
          </fieldset>
        </form>
      ) : null}
      {motion.status === "open" && you.permissions.chair ? (
        <p className="motion__controls">
          <button
            type="button"
            className="button"
            onClick={async () =>
              onResult(await room.actions.closeMotion(motion.id), "The vote is closed and its result recorded.")
            }
          >
            Close the vote
          </button>{" "}
          <button
            type="button"
            className="button button--secondary"
            onClick={async () => onResult(await room.actions.withdrawMotion(motion.id))}
          >
            Withdraw
          </button>
        </p>
      ) : null}
    </article>
  );
}

function Propose({ room, item, onResult }: Pick<Props, "room" | "item" | "onResult">) {
  const [wording, setWording] = useState("");
  const [method, setMethod] = useState<"named" | "show_of_hands">("named");
  return (
    <form
      className="propose-form"
      onSubmit={async (event) => {
        event.preventDefault();
        if (onResult(await room.actions.proposeMotion(item.id, wording, method), "Voting is open.")) setWording("");
      }}
    >
      <div className="form-group">
        <label htmlFor={`wording-${item.id}`}>Propose a motion: “that…” (it reads RESOLVED once carried)</label>
        <textarea
          id={`wording-${item.id}`}
          rows={2}
          maxLength={2000}
          value={wording}
          onChange={(e) => setWording(e.currentTarget.value)}
          required
        />
      </div>
      <fieldset className="fieldset">
        <legend>How members vote</legend>
        <div className="radio">
          <input
            type="radio"
            id={`method-named-${item.id}`}
            checked={method === "named"}
            onChange={() => setMethod("named")}
            name={`method-${item.id}`}
          />
          <label htmlFor={`method-named-${item.id}`}>Named vote on screen</label>
        </div>
        <div className="radio">
          <input
            type="radio"
            id={`method-hands-${item.id}`}
            checked={method === "show_of_hands"}
            onChange={() => setMethod("show_of_hands")}
            name={`method-${item.id}`}
          />
          <label htmlFor={`method-hands-${item.id}`}>Show of hands, counted by the clerk</label>
        </div>
      </fieldset>
      <button type="submit" className="button">
        Propose and open the vote
      </button>
    </form>
  );
}
