import { TableRegion } from "~/components/ui/table-region";
import { formatUkDay } from "~/shared/dates";

type ClinicPlan = {
  id: string;
  agreedText: string;
  milestones: { milestone: string; due: string }[];
  months: { periodText: string; plannedText: string; actualText: string; onPlan: boolean | null }[];
};

const ON_PLAN_TEXT = (onPlan: boolean | null) => (onPlan === null ? "" : onPlan ? "On plan" : "Behind plan");

/** The improvement plans clinics agreed for this indicator, newest first: the trajectory against what happened since. */
export function ClinicPlans({ plans }: { plans: ClinicPlan[] }) {
  if (plans.length === 0) return <p>No performance clinic has agreed an improvement plan for this indicator.</p>;
  return (
    <>
      {plans.map((plan) => (
        <section key={plan.id} className="clinic-plan" aria-label={`Improvement plan agreed at ${plan.agreedText}`}>
          <h3>Agreed at {plan.agreedText}</h3>
          {plan.milestones.length ? (
            <ul>
              {plan.milestones.map((m, i) => (
                <li key={i}>
                  {m.milestone}
                  {m.due ? `, by ${formatUkDay(m.due)}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
          {plan.months.length ? (
            <TableRegion label="Recovery trajectory against the figures">
              <table className="table">
                <caption>The planned recovery, month by month, against the figure recorded</caption>
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    <th scope="col" className="numeric">
                      Planned
                    </th>
                    <th scope="col" className="numeric">
                      Recorded
                    </th>
                    <th scope="col">Against the plan</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.months.map((m) => (
                    <tr key={m.periodText}>
                      <th scope="row">{m.periodText}</th>
                      <td className="numeric">{m.plannedText}</td>
                      <td className="numeric">{m.actualText}</td>
                      <td>{ON_PLAN_TEXT(m.onPlan)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          ) : null}
        </section>
      ))}
    </>
  );
}
