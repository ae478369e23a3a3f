import { Link } from "@remix-run/react";
import { ActionStatusTag } from "~/components/meetings/action-status-tag";
import { PlanActionsTable, type ThreadActionRow } from "~/components/plans/thread-parts";
import type { ShownActionStatus } from "~/shared/plans/plan-status";

export type IndicatorThreadView = {
  objectives: { id: string; code: string; title: string; themeName: string | null }[];
  plans: { id: string; code: string; title: string; status: ShownActionStatus; summary: string }[];
  actions: ThreadActionRow[];
};

/** The golden thread from the indicator (ADR 021): the objective it measures, and the plans and actions serving it. */
export function GoldenThread({ orgSlug, thread }: { orgSlug: string; thread: IndicatorThreadView }) {
  if (thread.objectives.length === 0 && thread.actions.length === 0)
    return <p>This indicator measures no business plan objective, and no plan action serves it yet.</p>;
  return (
    <>
      {thread.objectives.length ? (
        <p>
          Measures{" "}
          {thread.objectives.map((o, i) => (
            <span key={o.id}>
              {i > 0 ? "; " : ""}
              <Link to={`/o/${orgSlug}/objectives/${o.id}`}>
                {o.code}: {o.title}
              </Link>
              {o.themeName ? ` (${o.themeName})` : ""}
            </span>
          ))}
          .
        </p>
      ) : null}
      {thread.plans.length ? (
        <ul className="thread-list">
          {thread.plans.map((p) => (
            <li key={p.id}>
              <Link to={`/o/${orgSlug}/plans/${p.id}`}>
                {p.code}: {p.title}
              </Link>{" "}
              <ActionStatusTag status={p.status} /> <span className="hint">{p.summary}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {thread.actions.length ? (
        <PlanActionsTable orgSlug={orgSlug} rows={thread.actions} caption="Plan actions serving this indicator" />
      ) : null}
    </>
  );
}
