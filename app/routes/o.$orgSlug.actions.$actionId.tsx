// One action: what, who, when, where it was agreed, its linked indicator then and now,
// the history of progress notes, and (for the owner, officers and admins) a form to
// report progress and change its status.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { ActionStatusRadios } from "~/components/meetings/action-status-radios";
import { ActionStatusTag } from "~/components/meetings/action-status-tag";
import { actionStylesLinks } from "~/components/meetings/action-styles";
import { IndicatorMovementCell } from "~/components/meetings/indicator-movement-cell";
import { ErrorSummary, TextArea } from "~/components/ui/form-fields";
import { formatUkDateTime } from "~/shared/dates";
import { NAME_NOT_RECORDED } from "~/shared/meetings/action-log-view";
import { SETTABLE_ACTION_STATUSES, ukToday } from "~/shared/meetings/action-status";
import { authorizeOr403, notFound, requireOrgMember } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { findAction, listActionUpdates } from "../../db/queries/actions";
import type { ActionStatus } from "../../db/schema/meetings";
import { PROGRESS_NOTE_MAX_LENGTH, updateAction } from "../../server/commands/action-log";
import { CommandError } from "../../server/commands/errors";
import { presentAction } from "../../server/meetings/action-review";
import { authorize } from "../../server/policies/authorize";
import { actionPolicy } from "../../server/policies/meeting-policy";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Action: ${data.action.description} – Minuted` : "Action – Minuted" },
];
export const links: LinksFunction = () => actionStylesLinks();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const updateSchema = z.object({
  status: z.enum(SETTABLE_ACTION_STATUSES as [ActionStatus, ...ActionStatus[]], { message: "Choose the action’s status" }),
  note: z
    .string()
    .max(PROGRESS_NOTE_MAX_LENGTH, `Keep the note to ${PROGRESS_NOTE_MAX_LENGTH} characters or fewer`)
    .optional()
    .transform((v) => v ?? ""),
});

const SAVED_MESSAGES = {
  added: "The action has been added to the log.",
  updated: "Your progress update has been saved.",
} as const;

/** The action in the URL, if it is this organisation's: another organisation's is "not found". */
async function loadAction(db: Parameters<typeof findAction>[0], organisationId: string, actionId: string | undefined) {
  if (!actionId || !UUID.test(actionId)) throw notFound();
  const action = await findAction(db, organisationId, actionId);
  if (!action) throw notFound();
  return action;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const { db } = context.services;
  const found = await loadAction(db, org.id, params.actionId);
  authorizeOr403(() => authorize(actionPolicy.view(principal, found)));
  const [view, history] = await Promise.all([
    presentAction(db, org.id, found, ukToday()),
    listActionUpdates(db, org.id, found.id),
  ]);
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    orgSlug: org.slug,
    action: view,
    agreedAt: found.meetingId
      ? `Agreed at the ${view.meetingTitle ?? "meeting"} on ${view.meetingDateText}`
      : `Added to the log on ${view.agreedText}`,
    // Newest first: the latest report is what a reader wants.
    history: history.reverse().map((h) => ({
      id: h.id,
      by: h.userName ?? NAME_NOT_RECORDED,
      at: formatUkDateTime(h.at),
      status: h.status,
      note: h.note,
    })),
    canUpdate: actionPolicy.update(principal, found),
    savedMessage: saved === "added" || saved === "updated" ? SAVED_MESSAGES[saved] : null,
  };
}

type ActionResult = { fieldErrors: Record<string, string>; values: { status: string; note: string } };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const form = await readFormData(request);
  const parsed = parseForm(updateSchema, form);
  const values = { status: String(form.get("status") ?? ""), note: String(form.get("note") ?? "") };
  if (!parsed.ok) return data<ActionResult>({ fieldErrors: parsed.fieldErrors, values }, { status: 400 });
  const { db } = context.services;
  const found = await loadAction(db, org.id, params.actionId);
  authorizeOr403(() => authorize(actionPolicy.update(principal, found)));
  try {
    await updateAction(
      db,
      { actionId: found.id, organisationId: org.id, ...parsed.data },
      { userId: user.id, label: user.email },
    );
  } catch (error) {
    if (error instanceof CommandError)
      return data<ActionResult>({ fieldErrors: { [error.field ?? "form"]: error.message }, values }, { status: 400 });
    throw error;
  }
  return redirect(`/o/${org.slug}/actions/${found.id}?saved=updated`);
}

export default function ActionPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const item = page.action;
  const errors = result?.fieldErrors;

  return (
    <>
      <p>
        <Link to={`/o/${page.orgSlug}/actions`} className="back-link">
          Back to the action log
        </Link>
      </p>
      <ErrorSummary errors={errors} />
      {page.savedMessage && !errors ? <SavedBanner message={page.savedMessage} /> : null}
      <h1>
        <span className="indicator-title__code">
          {item.minuteNumber ? `Minute ${item.minuteNumber}` : "Action"}
          {item.bodyName ? ` · ${item.bodyName}` : ""}
        </span>
        {item.description}
      </h1>

      <dl className="indicator-facts action-detail__facts">
        <div className="indicator-facts__row">
          <dt>Status</dt>
          <dd>
            <ActionStatusTag status={item.shownStatus} />
            {item.shownStatus === "overdue" ? <span className="hint"> Was due {item.dueText}; not yet complete.</span> : null}
            {item.completedText ? <span className="hint"> Closed {item.completedText}.</span> : null}
          </dd>
        </div>
        <div className="indicator-facts__row">
          <dt>Owner</dt>
          <dd>{item.ownerName}</dd>
        </div>
        <div className="indicator-facts__row">
          <dt>Due</dt>
          <dd>{item.dueText}</dd>
        </div>
        <div className="indicator-facts__row">
          <dt>Where it came from</dt>
          <dd>{page.agreedAt}</dd>
        </div>
        <div className="indicator-facts__row">
          <dt>Linked indicator</dt>
          <dd>
            <IndicatorMovementCell indicator={item.indicator} full />
            {item.indicator ? (
              <Link to={`/o/${page.orgSlug}/indicators/${encodeURIComponent(item.indicator.code)}`}>
                See the indicator<span className="visually-hidden"> {item.indicator.code}</span>
              </Link>
            ) : null}
          </dd>
        </div>
      </dl>

      {page.canUpdate ? (
        <section className="action-update-form" aria-labelledby="update-heading">
          <h2 id="update-heading">Report progress</h2>
          <Form method="post" noValidate>
            <ActionStatusRadios checked={result?.values.status || item.status} error={errors?.status} />
            <TextArea
              name="note"
              label="Progress note"
              hint="What has been done since the last update, and what is next. You can leave it blank if you are only changing the status."
              error={errors?.note}
              defaultValue={result?.values.note}
              rows={4}
            />
            <button className="button" type="submit" disabled={busy}>
              Save progress update
            </button>
          </Form>
        </section>
      ) : (
        <p className="inset">Only the action’s owner, officers and administrators can report progress on it.</p>
      )}

      <h2 id="history-heading">Progress notes</h2>
      <ol className="action-history" aria-labelledby="history-heading" reversed>
        {page.history.map((entry) => (
          <li key={entry.id} className="action-history__entry" data-testid="action-history-entry">
            <p className="action-history__meta">
              {entry.by}, {entry.at}
            </p>
            <ActionStatusTag status={entry.status} />
            {entry.note ? <p className="action-history__note">{entry.note}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

/** What the last post did, at the top, focused so it is seen and heard after posting from lower down. */
function SavedBanner({ message }: { message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [message]);
  return (
    <div className="notification notification--success" role="status" tabIndex={-1} ref={ref}>
      <p>{message}</p>
    </div>
  );
}
