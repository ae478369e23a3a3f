import type { InterestPrompt } from "~/shared/members/interests";
import { INTEREST_KIND_LABELS } from "~/shared/meetings/labels";
import type { RoomApology } from "~/shared/meetings/room-events";
import type { InterestKind } from "~/shared/vocabulary";

/** Apologies on the register, live: a member sending them during the session appears at once. */
export function RoomApologies({ apologies }: { apologies: RoomApology[] }) {
  if (apologies.length === 0) return null;
  return (
    <section aria-labelledby="apologies-heading">
      <h2 id="apologies-heading" className="room-panel__heading">
        Apologies ({apologies.length})
      </h2>
      <ul className="room-panel__people" data-testid="room-apologies">
        {apologies.map((a) => (
          <li key={a.userId}>{a.name}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The member's register on the item on screen: "You registered X. Does it relate to this
 * item?" with the declaration it suggests one press away (the member may also declare
 * otherwise, below).
 */
export function ItemInterestPrompts({
  prompts,
  itemId,
  declared,
  onDeclare,
}: {
  prompts: InterestPrompt[];
  itemId: string;
  declared: boolean;
  onDeclare: (kind: InterestKind, note: string) => void;
}) {
  if (declared) return null;
  const here = prompts.filter((p) => p.item === null || p.item.id === itemId);
  if (here.length === 0) return null;
  return (
    <div className="interest-prompts" data-testid="item-interest-prompts">
      <ul className="plain-list">
        {here.map((prompt) => (
          <li key={prompt.interestId}>
            <p>You registered “{prompt.interest}”. Does it relate to this item?</p>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onDeclare(prompt.suggested, prompt.interest)}
            >
              Declare it as a {INTEREST_KIND_LABELS[prompt.suggested].toLowerCase()}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
