// One plan action: what it serves (objectives, indicators), what its indicators did since
// it began, its milestones, and its quarterly progress, with the form on which its
// responsible officer records progress on the action or on a milestone.
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
import { ActionStatusRadios } from "~/components/meetings/action-status-radios";
import { ActionStatusTag } from "~/components/meetings/action-status-tag";
import { MilestoneStateTag } from "~/components/plans/thread-parts";
import { ErrorSummary, SelectField, TextArea, TextField } from "~/components/ui/form-fields";
import { formatUkDateTime, formatUkDay } from "~/shared/dates";
import { SETTABLE_ACTION_STATUSES, ukToday } from "~/shared/meetings/action-status";
import { improvementMovement } from "~/shared/plans/improvement-movement";
import { milestoneState, planActionStatus } from "~/shared/plans/plan-status";
import { reportableQuarters } from "~/shared/plans/quarters";
import { typedText } from "~/shared/typed-text";
import type { ActionStatus, Polarity } from "~/shared/vocabulary";
import { authorizeOr403, notFound, requireOrgMember } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { idParam } from "~/utils/plans.server";
import { readFormData } from "~/utils/request-body.server";
import {
  findPlan,
  findPlanAction,
  indicatorRules,
  loadActionLinks,
  loadActionsForProgress,
  orgWideFigures,
} from "../../db/queries/plans";
import { CommandError } from "../../server/commands/errors";
import { PLAN_NOTE_MAX_LENGTH, recordPlanProgress } from "../../server/commands/plan-progress";
import { authorize } from "../../server/policies/authorize";
import { planPolicy } from "../../server/policies/plan-policy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.plan.code} ${data.action.code}: ${data.action.title} – Minuted` : "Plan action – Minuted" },
];
export const links: LinksFunction = () => actionStylesLinks();

const optionalDay = z
  .string()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^\d{4}-\d{2}-\d{2}$/.test(v), "Give a real date");

const noteField = typedText({ message: "Write what has happened this quarter" })
  .trim()
  .min(1, "Write what has happened this quarter")
  .max(PLAN_NOTE_MAX_LENGTH, `Keep the note to ${PLAN_NOTE_MAX_LENGTH} characters or fewer`);

const progressSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("action"),
    quarter: z.string({ message: "Choose the quarter" }).min(1, "Choose the quarter"),
    status: z.enum(SETTABLE_ACTION_STATUSES as [ActionStatus, ...ActionStatus[]], { message: "Choose the action’s status" }),
    note: noteField,
  }),
  z.object({
    intent: z.literal("milestone"),
    milestoneId: z.string({ message: "Choose the milestone" }).uuid("Choose the milestone"),
    // Named apart from the action form's fields: both forms are on the page, and ids must be unique.
    milestoneQuarter: z.string({ message: "Choose the quarter" }).min(1, "Choose the quarter"),
    commentary: noteField,
    completedOn: optionalDay,
    expectedDate: optionalDay,
  }),
]);

async function loadThreadAction(
  db: Parameters<typeof findPlan>[0],
  organisationId: string,
  params: { planId?: string; planActionId?: string },
) {
  const plan = await findPlan(db, organisationId, idParam(params.planId));
  if (!plan) throw notFound();
  const action = await findPlanAction(db, organisationId, plan.id, idParam(params.planActionId));
  if (!action) throw notFound();
  return { plan, action };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const { db } = context.services;
  const { plan, action } = await loadThreadAction(db, org.id, params);
  authorizeOr403(() => authorize(planPolicy.view(principal, action)));
  const today = ukToday();
  const [[facts], links] = await Promise.all([
    loadActionsForProgress(db, org.id, { actionIds: [action.id] }),
    loadActionLinks(db, org.id, [action.id]),
  ]);
  const indicatorIds = links.indicators.map((i) => i.id);
  const [figures, rules] = await Promise.all([
    orgWideFigures(db, org.id, indicatorIds),
    indicatorRules(db, org.id, indicatorIds),
  ]);
  const startMonth = action.startDate.slice(0, 7);
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    orgSlug: org.slug,
    plan: { id: plan.id, code: plan.code, title: plan.title },
    action: {
      ...action,
      shownStatus: planActionStatus(facts!, today),
      startText: formatUkDay(action.startDate),
      dueText: formatUkDay(action.dueDate),
    },
    objectives: links.objectives,
    indicators: links.indicators.map((i) => {
      const rule = rules.find((r) => r.id === i.id)!;
      const own = figures.filter((f) => f.indicatorId === i.id);
      const shaped = { polarity: rule.polarity as Polarity, unit: rule.unit, decimals: rule.decimals };
      return {
        ...i,
        // "Since it began": the figure before the action started against the latest, by the improvement rule.
        movement: improvementMovement(shaped, own, action.startDate).text,
        figures: own.filter((f) => f.period >= startMonth).map((f) => ({ period: f.period, value: f.value })),
        rule: shaped,
      };
    }),
    milestones: facts!.milestones.map((m) => ({ ...m, state: milestoneState(m, today) })),
    history: [...facts!.notes].reverse().map((n) => ({
      ...n,
      atText: formatUkDateTime(n.at),
      milestoneTitle: n.milestoneId ? (facts!.milestones.find((m) => m.id === n.milestoneId)?.title ?? null) : null,
    })),
    quarters: reportableQuarters(today),
    canRecord: planPolicy.recordProgress(principal, action),
    saved: saved === "progress",
  };
}

type ActionResult = { fieldErrors: Record<string, string>; intent: string };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const { db } = context.services;
  const form = await readFormData(request);
  const { plan, action: found } = await loadThreadAction(db, org.id, params);
  authorizeOr403(() => authorize(planPolicy.recordProgress(principal, found)));
  const intent = String(form.get("intent") ?? "");
  const parsed = parseForm(progressSchema, form);
  if (!parsed.ok) return data<ActionResult>({ fieldErrors: parsed.fieldErrors, intent }, { status: 400 });
  const input = parsed.data;
  // The quarters the form offers are the only ones a person reports on: a posted quarter
  // outside them would rewrite (or pre-write) another quarter's progress and slips.
  const [quarterField, quarter] =
    input.intent === "action" ? ["quarter", input.quarter] : ["milestoneQuarter", input.milestoneQuarter];
  if (!reportableQuarters(ukToday()).includes(quarter))
    return data<ActionResult>(
      { fieldErrors: { [quarterField]: "Choose this quarter or one of the three before it" }, intent },
      { status: 400 },
    );
  try {
    await recordPlanProgress(
      db,
      input.intent === "action"
        ? {
            organisationId: org.id,
            actionId: found.id,
            milestoneId: null,
            quarter: input.quarter,
            status: input.status,
            note: input.note,
          }
        : {
            organisationId: org.id,
            actionId: found.id,
            milestoneId: input.milestoneId,
            quarter: input.milestoneQuarter,
            note: input.commentary,
            completedOn: input.completedOn,
            expectedDate: input.expectedDate,
          },
      { userId: user.id, label: user.email },
    );
  } catch (error) {
    if (error instanceof CommandError) {
      const field = error.field ?? "form";
      const named = input.intent === "milestone" ? ({ quarter: "milestoneQuarter", note: "commentary" }[field] ?? field) : field;
      return data<ActionResult>({ fieldErrors: { [named]: error.message }, intent }, { status: 400 });
    }
    throw error;
  }
  return redirect(`/o/${org.slug}/plans/${plan.id}/actions/${found.id}?saved=progress`);
}

export default function PlanActionPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { action: item } = page;
  const errors = result?.fieldErrors;
  const actionErrors = result?.intent === "action" ? errors : undefined;
  const milestoneErrors = result?.intent === "milestone" ? errors : undefined;
  const quarterOptions = page.quarters.map((q) => ({ value: q, label: q }));
  const openMilestones = page.milestones.filter((m) => m.completedOn === null);

  return (
    <>
      <p>
        <Link to={`/o/${page.orgSlug}/plans/${page.plan.id}`} className="back-link">
          Back to {page.plan.code}: {page.plan.title}
        </Link>
      </p>
      <ErrorSummary errors={errors} />
      {page.saved && !errors ? (
        <div className="notification notification--success" role="status">
          <p>Your progress has been recorded.</p>
        </div>
      ) : null}
      <h1>
        <span className="indicator-title__code">
          {page.plan.code} · Action {item.code}
        </span>
        {item.title}
      </h1>
      <dl className="indicator-facts">
        <div className="indicator-facts__row">
          <dt>Status</dt>
          <dd>
            <ActionStatusTag status={item.shownStatus} />
          </dd>
        </div>
        <div className="indicator-facts__row">
          <dt>Owner</dt>
          <dd>
            <bdi>{item.ownerName ?? "No owner"}</bdi>
          </dd>
        </div>
        <div className="indicator-facts__row">
          <dt>Runs</dt>
          <dd>
            {item.startText} to {item.dueText}
          </dd>
        </div>
        <div className="indicator-facts__row">
          <dt>Serves</dt>
          <dd>
            {page.objectives.length ? (
              <ul className="thread-list">
                {page.objectives.map((o) => (
                  <li key={o.id}>
                    <Link to={`/o/${page.orgSlug}/objectives/${o.id}`}>
                      {o.code}: {o.title}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              "No objective linked"
            )}
          </dd>
        </div>
      </dl>

      <h2>What its indicators did since it began</h2>
      {page.indicators.length === 0 ? <p>No indicator is linked to this action.</p> : null}
      {page.indicators.map((i) => (
        <section key={i.id} data-thread-indicator={i.code} aria-label={`${i.code} since the action began`}>
          <h3>
            <Link to={`/o/${page.orgSlug}/indicators/${encodeURIComponent(i.code)}`}>
              {i.code}: {i.title}
            </Link>
          </h3>
          <p>{i.movement}</p>
        </section>
      ))}

      <h2>Milestones</h2>
      {page.milestones.length === 0 ? (
        <p>No milestones.</p>
      ) : (
        <ul className="thread-list">
          {page.milestones.map((m) => (
            <li key={m.id} data-milestone={m.title}>
              {m.title}: due {formatUkDay(m.dueDate)}
              {m.completedOn ? `, done ${formatUkDay(m.completedOn)}` : ""} <MilestoneStateTag state={m.state} />
            </li>
          ))}
        </ul>
      )}

      {page.canRecord ? (
        <>
          <section aria-labelledby="record-action">
            <h2 id="record-action">Record quarterly progress on the action</h2>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="action" />
              <SelectField name="quarter" label="Quarter" options={quarterOptions} error={actionErrors?.quarter} />
              <ActionStatusRadios checked={item.status} error={actionErrors?.status} />
              <TextArea
                name="note"
                label="Progress this quarter"
                hint="What has been done, and what is next. The note is kept as written; a later note adds to it."
                error={actionErrors?.note}
                rows={4}
              />
              <button className="button" type="submit" disabled={busy}>
                Record progress
              </button>
            </Form>
          </section>
          {openMilestones.length ? (
            <section aria-labelledby="record-milestone">
              <h2 id="record-milestone">Record progress on a milestone</h2>
              <p className="hint">A slipped milestone needs a short commentary: why it slipped and when it is now expected.</p>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="milestone" />
                <SelectField
                  name="milestoneId"
                  label="Milestone"
                  options={openMilestones.map((m) => ({ value: m.id, label: `${m.title} (due ${formatUkDay(m.dueDate)})` }))}
                  error={milestoneErrors?.milestoneId}
                />
                <SelectField
                  name="milestoneQuarter"
                  label="Quarter of the commentary"
                  options={quarterOptions}
                  error={milestoneErrors?.milestoneQuarter}
                />
                <TextArea name="commentary" label="Commentary" error={milestoneErrors?.commentary} rows={3} />
                <TextField
                  name="expectedDate"
                  type="date"
                  label="Now expected (optional)"
                  hint="For a slipped milestone: the date it is now expected."
                  error={milestoneErrors?.expectedDate}
                />
                <TextField
                  name="completedOn"
                  type="date"
                  label="Done on (optional)"
                  hint="Only when the milestone is done."
                  error={milestoneErrors?.completedOn}
                />
                <button className="button button--secondary" type="submit" disabled={busy}>
                  Record milestone progress
                </button>
              </Form>
            </section>
          ) : null}
        </>
      ) : (
        <p className="inset">Only the action’s owner, officers and administrators can record progress on it.</p>
      )}

      <h2 id="history-heading">Progress notes</h2>
      {page.history.length === 0 ? <p>No progress recorded yet.</p> : null}
      <ol className="action-history" aria-labelledby="history-heading" reversed>
        {page.history.map((n) => (
          <li key={n.id} className="action-history__entry" data-testid="plan-progress-entry">
            <p className="action-history__meta">
              {n.quarter} · <bdi>{n.by}</bdi>, {n.atText}
              {n.milestoneTitle ? ` · milestone: ${n.milestoneTitle}` : ""}
            </p>
            {n.status ? <ActionStatusTag status={n.status} /> : null}
            <p className="action-history__note">{n.note}</p>
            {n.expectedDate ? <p className="hint">Now expected {formatUkDay(n.expectedDate)}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
