import { Form, Link } from "@remix-run/react";
import { TextArea } from "~/components/ui/form-fields";
import { isBeforeOpening } from "~/shared/meetings/meeting-stage";
import type { MeetingStatus } from "~/shared/vocabulary";
import type { FormResult } from "~/utils/command-response.server";
import type { MeetingPageData } from "./meeting-page-data.server";

/** The publish form's answer: what is missing, each with the page where it is put right. */
export type PublishResult = FormResult & { gaps?: { message: string; href: string | null }[] };

/**
 * Publishing the agenda is publishing its pack: one button, here and on the Packs page,
 * both through publishAgenda. Once published, the version members read, what has
 * changed on the agenda since, and a supplementary version with its reason.
 */
export function PublishSection({
  status,
  canPublish,
  published,
  orgSlug,
  result,
}: {
  status: MeetingStatus;
  canPublish: boolean;
  published: MeetingPageData["publishedAgenda"];
  orgSlug: string;
  result: PublishResult | undefined;
}) {
  const beforeMeeting = isBeforeOpening({ status });
  const gaps = result?.gaps ?? [];
  return (
    <section className="publish-form" aria-labelledby="publish-heading">
      <h2 id="publish-heading">Agenda pack</h2>
      {published ? (
        <p>
          <Link to={`/o/${orgSlug}/packs/${published.packId}/v/${published.version}`}>
            Agenda pack version {published.version}
          </Link>{" "}
          was published on {published.frozenAtText}: members and the public page read this version.
        </p>
      ) : (
        <p>Not published yet: members have no agenda until it is.</p>
      )}
      {published && published.changes.length ? (
        <div className="pack-gaps">
          <h3>The agenda has changed since version {published.version} was published</h3>
          <ul>
            {published.changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
          <p className="hint">
            Members still read version {published.version}. Publish a supplementary agenda pack so they see the change; if the
            meeting opens first, the papers as they then stand are captured for the minutes.
          </p>
        </div>
      ) : null}
      {gaps.length ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h3 className="error-summary__title">{result?.fieldErrors?.form}</h3>
          <ul>
            {gaps.map((gap, index) => (
              <li key={index}>{gap.href ? <Link to={gap.href}>{gap.message}</Link> : gap.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {canPublish && beforeMeeting ? (
        <Form method="post">
          <input type="hidden" name="intent" value="publish" />
          {published ? (
            <TextArea
              name="reason"
              label="Why a supplementary version"
              hint="Shown with the new version, beside a comparison of what changed from the version before."
              error={result?.fieldErrors?.reason}
            />
          ) : null}
          <button className="button" type="submit">
            {published ? "Publish a supplementary agenda pack" : "Publish the agenda"}
          </button>
          {published ? null : (
            <p className="hint">
              Publishes the agenda pack: the agenda with every cover report, the scorecard, the exception reports and the action
              log, frozen as version 1. Refused, with the list, while anything is missing.
            </p>
          )}
        </Form>
      ) : null}
    </section>
  );
}
