import { Form, type useNavigation } from "@remix-run/react";
import type { Gap } from "~/shared/commentary/commentary-content";
import { CommentaryStatusTag, type CommentaryStatus } from "./commentary-status-tag";

/** What the live editor reports: the required sections still empty, and whether anything is written. */
export type LiveContent = { gaps: Gap[]; empty: boolean };

type Props = {
  /** The state as the server judged it when the page loaded. */
  commentary: {
    status: CommentaryStatus;
    gaps: Gap[];
    changedSinceReady: boolean;
    ready: { by: string; at: string } | null;
  };
  permissions: { markReady: boolean; moveToDraft: boolean };
  ownerName: string | null;
  /** The commentary's period, sent with each form. */
  period: string;
  live: LiveContent | null;
  /** The page action's answer. */
  result: { message: string } | { error: string } | { ok: true } | undefined;
  navigation: ReturnType<typeof useNavigation>;
};

/**
 * "Ready for committee?": the commentary's state, what is still to write, and for the
 * owner (or an admin) the buttons that mark it ready or take it back to draft.
 */
export function CommentaryReadiness({ commentary, permissions, ownerName, period, live, result, navigation }: Props) {
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST" && navigation.formData?.get("intent") !== "edited";
  // While the editor is open, what is being written now; whether the words are those signed off is the server's to judge.
  const gaps = live?.gaps ?? commentary.gaps;
  const status: CommentaryStatus = live
    ? live.empty
      ? "missing"
      : commentary.status === "ready"
        ? "ready"
        : "draft"
    : commentary.status;
  // The answer is shown once the page's data is fresh too, never beside the state from before.
  const settled = navigation.state === "idle";
  const message = settled && result && "message" in result ? result.message : null;
  const error = settled && result && "error" in result ? result.error : null;
  return (
    <section className="commentary-readiness" aria-labelledby="readiness-title">
      <h2 id="readiness-title">Ready for committee?</h2>
      {message ? (
        <div className="notification notification--success" role="status">
          {message}
        </div>
      ) : null}
      {error ? (
        <div className="error-summary" role="alert">
          <h3>There is a problem</h3>
          <p>{error}</p>
        </div>
      ) : null}
      <p className="commentary-readiness__state">
        <CommentaryStatusTag status={status} />{" "}
        {commentary.ready && !commentary.changedSinceReady ? (
          <span>
            Marked ready by {commentary.ready.by} on {commentary.ready.at}.
          </span>
        ) : null}
      </p>
      {commentary.changedSinceReady && commentary.ready ? (
        <p className="inset">
          Changed since {commentary.ready.by} marked it ready on {commentary.ready.at}: it needs marking ready again before it
          goes to committee.
        </p>
      ) : null}
      {gaps.length > 0 && status !== "ready" ? (
        <>
          <p>Still to write before it can be marked ready:</p>
          <ul className="commentary-gaps">
            {gaps.map((gap) => (
              <li key={gap.field}>{gap.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      {permissions.markReady && status !== "ready" ? (
        <Form method="post" className="commentary-readiness__form">
          <input type="hidden" name="period" value={period} />
          <button className="button" type="submit" name="intent" value="ready" disabled={busy}>
            Mark as ready for committee
          </button>
        </Form>
      ) : null}
      {permissions.moveToDraft && commentary.ready ? (
        <Form method="post" className="commentary-readiness__form">
          <input type="hidden" name="period" value={period} />
          <button className="button button--secondary" type="submit" name="intent" value="draft" disabled={busy}>
            Move back to draft
          </button>
        </Form>
      ) : null}
      {!permissions.markReady ? (
        <p className="hint">
          {ownerName ? `${ownerName}, the indicator’s owner,` : "The indicator’s owner"} or an administrator marks the commentary
          ready for committee.
        </p>
      ) : null}
    </section>
  );
}
