// One plan: its actions with their status, and a quarter's progress: the note each
// responsible officer recorded, the milestones due, and those that slipped.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { actionStylesLinks } from "~/components/meetings/action-styles";
import { ActionStatusTag } from "~/components/meetings/action-status-tag";
import { MilestoneStateTag, PlanActionsTable, SlippedMilestonesList } from "~/components/plans/thread-parts";
import { formatUkDateTime, formatUkDay } from "~/shared/dates";
import { ukToday } from "~/shared/meetings/action-status";
import { rollUpStatus } from "~/shared/plans/plan-status";
import { quarterProgress } from "~/shared/plans/quarter-progress";
import { isQuarterKey, quarterOfDay, quarterSpan, quartersOfYear } from "~/shared/plans/quarters";
import { authorizeOr403, notFound, requireOrgMember } from "~/utils/auth.server";
import { idParam } from "~/utils/plans.server";
import { findPlan, loadActionsForProgress } from "../../db/queries/plans";
import { authorize } from "../../server/policies/authorize";
import { planPolicy } from "../../server/policies/plan-policy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.plan.code}: ${data.plan.title} – Minuted` : "Plan – Minuted" },
];
export const links: LinksFunction = () => actionStylesLinks();

const KIND = { service: "Service plan", improvement: "Service improvement plan" } as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const { db } = context.services;
  const plan = await findPlan(db, org.id, idParam(params.planId));
  if (!plan) throw notFound();
  authorizeOr403(() => authorize(planPolicy.view(principal, { organisationId: org.id })));
  const today = ukToday();
  const actions = await loadActionsForProgress(db, org.id, { planId: plan.id });
  // The quarter asked for; else the latest with progress recorded; else this one.
  const asked = new URL(request.url).searchParams.get("quarter");
  const latestNoted = actions
    .flatMap((a) => a.notes.map((n) => n.quarter))
    .sort()
    .at(-1);
  const quarter = isQuarterKey(asked) ? asked : (latestNoted ?? quarterOfDay(today));
  const progress = quarterProgress(actions, quarter, today);
  return {
    orgSlug: org.slug,
    plan: { ...plan, kindLabel: KIND[plan.kind] },
    status: rollUpStatus(progress.actions.map((a) => a.shownStatus)),
    actions: actions.map((a) => ({ ...a, status: progress.actions.find((p) => p.id === a.id)!.shownStatus })),
    quarters: quartersOfYear(plan.year).map((key) => ({ key, label: quarterSpan(key).label, current: key === quarter })),
    progress: {
      label: progress.quarter.label,
      actions: progress.actions.map((a) => ({
        ...a,
        progress: a.progress ? { ...a.progress, atText: formatUkDateTime(a.progress.at) } : null,
      })),
      slipped: progress.slipped,
      missingProgress: progress.missingProgress,
    },
  };
}

export default function PlanPage() {
  const { orgSlug, plan, status, actions, quarters, progress } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/o/${orgSlug}/plans`} className="back-link">
          Back to the plans
        </Link>
      </p>
      <h1>
        <span className="indicator-title__code">
          {plan.code} · {plan.kindLabel}
        </span>
        {plan.title}
      </h1>
      <dl className="indicator-facts">
        <div className="indicator-facts__row">
          <dt>Team or service</dt>
          <dd>{plan.serviceArea}</dd>
        </div>
        <div className="indicator-facts__row">
          <dt>Owner</dt>
          <dd>
            <bdi>{plan.ownerName ?? "No owner"}</bdi>
          </dd>
        </div>
        <div className="indicator-facts__row">
          <dt>Year</dt>
          <dd>{plan.year}</dd>
        </div>
        <div className="indicator-facts__row">
          <dt>Status</dt>
          <dd>
            <ActionStatusTag status={status} />
          </dd>
        </div>
      </dl>

      <PlanActionsTable orgSlug={orgSlug} rows={actions} caption="Actions of the plan" showPlan={false} />

      <section aria-labelledby="quarter-heading">
        <h2 id="quarter-heading">Progress in {progress.label}</h2>
        <nav aria-label="Quarters">
          <ul className="inline-list">
            {quarters.map((q) => (
              <li key={q.key}>
                <Link to={`?quarter=${encodeURIComponent(q.key)}`} aria-current={q.current ? "page" : undefined}>
                  {q.key}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {progress.missingProgress.length ? (
          <p className="inset">No progress recorded for this quarter yet on: {progress.missingProgress.join(", ")}.</p>
        ) : null}
        {progress.actions.map((a) => (
          <article key={a.id} className="plan-progress" data-progress-action={a.code}>
            <h3>
              {a.code}: {a.title} <ActionStatusTag status={a.shownStatus} />
            </h3>
            {a.progress ? (
              <>
                <p>{a.progress.note}</p>
                <p className="hint">
                  <bdi>{a.progress.by}</bdi>, {a.progress.atText}
                </p>
              </>
            ) : (
              <p className="hint">No progress recorded for the quarter.</p>
            )}
            {a.milestones.length ? (
              <ul className="thread-list">
                {a.milestones.map((m) => (
                  <li key={m.id}>
                    {m.title}, due {formatUkDay(m.dueDate)} <MilestoneStateTag state={m.state} />
                    {m.note ? <div className="hint">{m.note.note}</div> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </article>
        ))}
        <h3>Slipped milestones</h3>
        {progress.slipped.length ? (
          <SlippedMilestonesList orgSlug={orgSlug} rows={progress.slipped} />
        ) : (
          <p>No milestone slipped in this quarter.</p>
        )}
      </section>
    </>
  );
}
