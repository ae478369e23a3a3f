import { Link } from "@remix-run/react";
import type { InterestPrompt } from "~/shared/members/interests";

type Props = {
  orgSlug: string;
  meetingId: string;
  apologies: { attendance: string; open: boolean } | null;
  prompts: InterestPrompt[];
  bodyInterests: { id: string; name: string; interest: string; kindLabel: string }[] | null;
};

/**
 * Members helping themselves, on the meeting page: their attendance with the way to send
 * or withdraw apologies, and their register's prompts; for the clerk, what the body's
 * members have registered.
 */
export function MemberHelpPanel({ orgSlug, meetingId, apologies, prompts, bodyInterests }: Props) {
  if (!apologies && prompts.length === 0 && !bodyInterests?.length) return null;
  return (
    <section aria-labelledby="member-help-heading" className="member-help">
      <h2 id="member-help-heading">{bodyInterests ? "Members' registered interests" : "Your attendance and interests"}</h2>
      {apologies ? (
        <p>
          Your attendance: <strong data-testid="my-attendance">{apologies.attendance}</strong>.{" "}
          {apologies.open ? <Link to={`/o/${orgSlug}/meetings/${meetingId}/apologies`}>Send or withdraw apologies</Link> : null}
        </p>
      ) : null}
      <InterestPromptList prompts={prompts} orgSlug={orgSlug} />
      {bodyInterests?.length ? (
        <ul className="plain-list" data-testid="body-interests">
          {bodyInterests.map((entry) => (
            <li key={entry.id}>
              <strong>{entry.name}</strong>: {entry.interest} <span className="hint">({entry.kindLabel})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** "You registered X. Does it relate to item N?": declarations prompted, not remembered. */
export function InterestPromptList({ prompts, orgSlug }: { prompts: InterestPrompt[]; orgSlug: string }) {
  if (prompts.length === 0) return null;
  return (
    <div className="interest-prompts" data-testid="interest-prompts">
      <ul className="plain-list">
        {prompts.map((prompt) => (
          <li key={`${prompt.interestId}-${prompt.item?.id ?? "agenda"}`}>{prompt.question}</li>
        ))}
      </ul>
      <p className="hint">
        If it does, declare it at the item “Declarations of interest” (in the live session, from the item itself).{" "}
        <Link to={`/o/${orgSlug}/interests`}>Your register of interests</Link>
      </p>
    </div>
  );
}
