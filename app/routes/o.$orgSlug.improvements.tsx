// The service improvement log: what changed, when, the evidence, and how far the
// indicator it was meant to move has moved, from the figures. Officers add entries.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { actionStylesLinks } from "~/components/meetings/action-styles";
import { ErrorSummary, SelectField, TextArea, TextField } from "~/components/ui/form-fields";
import { isIsoDate, formatUkDay } from "~/shared/dates";
import { typedText } from "~/shared/typed-text";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { readFormData } from "~/utils/request-body.server";
import { improvementChoices } from "../../db/queries/plans";
import { CommandError } from "../../server/commands/errors";
import { IMPROVEMENT_LIMITS, recordImprovement } from "../../server/commands/improvement-log";
import { improvementLog } from "../../server/plans/thread-view";
import { authorize } from "../../server/policies/authorize";
import { planPolicy } from "../../server/policies/plan-policy";

export const meta: MetaFunction = () => [{ title: "Service improvement log – Minuted" }];
export const links: LinksFunction = () => actionStylesLinks();

const longText = (what: string) =>
  typedText()
    .max(IMPROVEMENT_LIMITS.text, `Keep the ${what} to ${IMPROVEMENT_LIMITS.text} characters or fewer`)
    .optional()
    .transform((v) => (v ?? "").trim());
const optionalId = z
  .string()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || z.string().uuid().safeParse(v).success, "Choose from the list");

const improvementSchema = z.object({
  title: typedText({ message: "Say what changed" })
    .trim()
    .min(1, "Say what changed")
    .max(IMPROVEMENT_LIMITS.title, `Keep what changed to ${IMPROVEMENT_LIMITS.title} characters or fewer`),
  madeOn: z.string({ message: "Give the date the change was made" }).refine(isIsoDate, "Give the date the change was made"),
  description: longText("description"),
  evidence: longText("evidence"),
  publicSummary: longText("words for tenants"),
  indicatorId: optionalId,
  planActionId: optionalId,
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(planPolicy.view(principal, { organisationId: org.id })));
  const { db } = context.services;
  const canLog = planPolicy.logImprovement(principal, org);
  const [log, choices] = await Promise.all([improvementLog(db, org.id), canLog ? improvementChoices(db, org.id) : null]);
  return {
    orgSlug: org.slug,
    log: log.map((i) => ({ ...i, madeOnText: formatUkDay(i.madeOn) })),
    choices,
    saved: new URL(request.url).searchParams.get("saved") === "1",
  };
}

type ActionResult = { fieldErrors: Record<string, string> };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(planPolicy.logImprovement(principal, org)));
  const parsed = parseForm(improvementSchema, await readFormData(request));
  if (!parsed.ok) return data<ActionResult>({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  try {
    await recordImprovement(
      context.services.db,
      { organisationId: org.id, ...parsed.data },
      { userId: user.id, label: user.email },
    );
  } catch (error) {
    if (error instanceof CommandError)
      return data<ActionResult>({ fieldErrors: { [error.field ?? "form"]: error.message } }, { status: 400 });
    throw error;
  }
  return redirect(`/o/${org.slug}/improvements?saved=1`);
}

export default function ImprovementsPage() {
  const { orgSlug, log, choices, saved } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.fieldErrors;
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <ErrorSummary errors={errors} />
      {saved && !errors ? (
        <div className="notification notification--success" role="status">
          <p>The improvement has been added to the log.</p>
        </div>
      ) : null}
      <h1>Service improvement log</h1>
      <p className="lede">
        What changed, when, the evidence, and how far the indicator it was meant to move has moved: the last figure before the
        change against the latest since.
      </p>
      {log.length === 0 ? <p>No improvements logged yet.</p> : null}
      <ol className="action-history">
        {log.map((i) => (
          <li key={i.id} className="action-history__entry" data-improvement={i.title}>
            <h2 className="slipped-list__title">{i.title}</h2>
            <p className="action-history__meta">Made {i.madeOnText}</p>
            {i.description ? <p>{i.description}</p> : null}
            <dl className="indicator-facts">
              {i.indicator ? (
                <div className="indicator-facts__row">
                  <dt>Indicator</dt>
                  <dd>
                    <Link to={`/o/${orgSlug}/indicators/${encodeURIComponent(i.indicator.code)}`}>
                      {i.indicator.code}: {i.indicator.title}
                    </Link>
                    <div data-movement-text>{i.movement?.text}</div>
                  </dd>
                </div>
              ) : null}
              {i.planAction ? (
                <div className="indicator-facts__row">
                  <dt>Plan action</dt>
                  <dd>
                    <Link to={`/o/${orgSlug}/plans/${i.planAction.planId}/actions/${i.planAction.id}`}>
                      {i.planAction.code}: {i.planAction.title}
                    </Link>
                  </dd>
                </div>
              ) : null}
              {i.evidence ? (
                <div className="indicator-facts__row">
                  <dt>Evidence</dt>
                  <dd>{i.evidence}</dd>
                </div>
              ) : null}
              <div className="indicator-facts__row">
                <dt>For tenants</dt>
                <dd>{i.publicSummary || <span className="hint">Not on the public page</span>}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ol>
      {choices ? (
        <section aria-labelledby="log-heading">
          <h2 id="log-heading">Log an improvement</h2>
          <Form method="post" noValidate>
            <TextField name="title" label="What changed" error={errors?.title} />
            <TextField name="madeOn" type="date" label="When it was made" error={errors?.madeOn} />
            <TextArea name="description" label="Description (optional)" error={errors?.description} />
            <TextArea name="evidence" label="Evidence (optional)" error={errors?.evidence} />
            <SelectField
              name="indicatorId"
              label="Indicator it should move (optional)"
              options={[
                { value: "", label: "None" },
                ...choices.indicators.map((c) => ({ value: c.id, label: `${c.code}: ${c.title}` })),
              ]}
              error={errors?.indicatorId}
            />
            <SelectField
              name="planActionId"
              label="Plan action it came from (optional)"
              options={[
                { value: "", label: "None" },
                ...choices.actions.map((c) => ({ value: c.id, label: `${c.planCode} ${c.code}: ${c.title}` })),
              ]}
              error={errors?.planActionId}
            />
            <TextArea
              name="publicSummary"
              label="In plain words for tenants (optional)"
              hint="Shown on the public page. Leave it empty to keep the entry off the public page."
              error={errors?.publicSummary}
            />
            <button className="button" type="submit" disabled={busy}>
              Add to the log
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
