import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CommentaryStatusTag } from "~/components/commentary/commentary-status-tag";
import { ErrorSummary, TextArea, TextField } from "~/components/ui/form-fields";
import { TableRegion } from "~/components/ui/table-region";
import { formatUkDateTime, formatUkDay } from "~/shared/dates";
import { monthLabel } from "~/shared/performance/periods";
import { hasGaps } from "~/shared/performance/reporting-month-gaps";
import { dueDatesFor, reportingTimetableSchema, workingDayText } from "~/shared/performance/reporting-timetable";
import { MAX_WORKING_DAY } from "~/shared/performance/working-days";
import { parseForm } from "~/utils/forms";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { formDone, invalidForm, type FormResult } from "~/utils/command-response.server";
import { findReportingTimetable } from "../../db/queries/reporting-months";
import { setReportingTimetable } from "../../server/commands/reporting-timetable-setter";
import { readFormData } from "~/utils/request-body.server";
import { announcePublishedMonth, periodParam, publishSchema } from "~/utils/reporting-month.server";
import { publishReportingMonth } from "../../server/commands/reporting-month-publisher";
import { listReportingMonthSummaries, loadMonthStatus } from "../../server/performance/reporting-month-status";
import { authorize } from "../../server/policies/authorize";
import { reportingMonthPolicy } from "../../server/policies/reporting-month-policy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Month in progress${data?.period ? `: ${monthLabel(data.period)}` : ""} – Minuted` },
];

const FIGURE_LABELS = { draft: "Draft", submitted: "Entered, not verified", verified: "Verified" } as const;

/**
 * The month in progress, for the performance team: per indicator, whether its figure is
 * in (and who enters it), verified, and its commentary when off target; then Publish.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(reportingMonthPolicy.publish(principal, org)));
  const { db } = context.services;
  const months = await listReportingMonthSummaries(db, org.id);
  const open = months.filter((m) => m.state === "open").map((m) => m.period);
  const requested = periodParam(new URL(request.url).searchParams.get("period") ?? undefined);
  // The oldest open month is the one to publish next (a later one may have early figures).
  const period = requested && open.includes(requested) ? requested : (open.at(-1) ?? null);
  const status = period ? await loadMonthStatus(db, org.id, period) : null;
  const timetable = await findReportingTimetable(db, org.id);
  const due = period ? dueDatesFor(period, timetable) : null;
  return {
    orgSlug: org.slug,
    period,
    timetable,
    due: due ? { figures: formatUkDay(due.figures), commentaries: formatUkDay(due.commentaries) } : null,
    open,
    published: months
      .filter((m) => m.state === "published")
      .slice(0, 12)
      .map((m) => ({
        period: m.period,
        publishedAt: m.publishedAt ? formatUkDateTime(m.publishedAt) : null,
        publishedBy: m.publishedBy,
        note: m.note,
      })),
    indicators: status?.indicators ?? [],
    gaps: status?.gaps ?? { figures: [], unverified: [], commentaries: [] },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { org, principal, user } = await requireOrgMember(request, context, params.orgSlug);
  const formData = await readFormData(request);
  const actor = { userId: user.id, label: user.email };
  if (formData.get("intent") === "timetable") {
    const parsed = parseForm(reportingTimetableSchema, formData);
    if (!parsed.ok) return invalidForm("timetable", parsed.fieldErrors, formData);
    authorizeOr403(() => authorize(reportingMonthPolicy.setTimetable(principal, org)));
    const set = await setReportingTimetable(context.services.db, { organisationId: org.id, ...parsed.data }, actor);
    return formDone(
      "timetable",
      `Timetable saved: figures are due by ${workingDayText(set.figuresWorkingDay)} and commentaries by ${workingDayText(set.commentariesWorkingDay)} of the next month.`,
    );
  }
  authorizeOr403(() => authorize(reportingMonthPolicy.publish(principal, org)));
  const period = periodParam(String(formData.get("period") ?? ""));
  if (!period) return invalidForm("publish", { form: "Choose the month to publish" }, formData);
  const parsed = publishSchema.safeParse({ note: formData.get("note") ?? undefined });
  if (!parsed.success) return invalidForm("publish", { note: parsed.error.issues[0].message }, formData);
  const outcome = await publishReportingMonth(
    context.services.db,
    { organisationId: org.id, period, note: parsed.data.note },
    actor,
  );
  if (!outcome.ok) return invalidForm("publish", { [outcome.missing ? "note" : "form"]: outcome.reason }, formData);
  await announcePublishedMonth(context, org.id, period);
  return formDone("publish", `${monthLabel(period)} is published: it is now what every scorecard and the public pages show.`);
}

export default function MonthInProgressPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormResult | undefined;
  const base = `/o/${data.orgSlug}`;
  const gapsRemain = hasGaps(data.gaps);
  const timetableResult = result?.intent === "timetable" ? result : undefined;
  const publishResult = result?.intent === "timetable" ? undefined : result;
  return (
    <>
      <ErrorSummary errors={result?.fieldErrors} />
      {result?.message ? (
        <div className="notification notification--success" role="status">
          <p>{result.message}</p>
        </div>
      ) : null}
      <h1>Month in progress{data.period ? `: ${monthLabel(data.period)}` : ""}</h1>
      <p className="lede">
        Until a month is published, every scorecard, the exceptions and the public pages stay on the last published month. Publish
        when every figure due is entered and verified and every exception has its commentary ready, or name the gaps in a note.
      </p>
      {data.open.length > 1 ? (
        <p>
          Open months:{" "}
          {data.open.map((p, i) => (
            <span key={p}>
              {i ? ", " : ""}
              {p === data.period ? <strong>{monthLabel(p)}</strong> : <Link to={`?period=${p}`}>{monthLabel(p)}</Link>}
            </span>
          ))}
        </p>
      ) : null}
      {!data.period ? (
        <div className="notification">
          <p>No month is in progress: every month with figures is published.</p>
        </div>
      ) : (
        <>
          <p>
            <strong>Not yet published.</strong> {data.gaps.figures.length} figures missing, {data.gaps.unverified.length} not
            verified, {data.gaps.commentaries.length} commentaries not ready.
          </p>
          {data.due ? (
            <p data-testid="month-due-dates">
              Figures for {monthLabel(data.period)} are due by <strong>{data.due.figures}</strong>; commentaries by{" "}
              <strong>{data.due.commentaries}</strong>.
            </p>
          ) : null}
          <TableRegion label={`Indicators in ${monthLabel(data.period)}`}>
            <table className="table">
              <caption className="visually-hidden">
                Indicators in {monthLabel(data.period)}: figure, verification and commentary
              </caption>
              <thead>
                <tr>
                  <th scope="col">Indicator</th>
                  <th scope="col">Figure</th>
                  <th scope="col">Entered by (manager)</th>
                  <th scope="col">Commentary</th>
                </tr>
              </thead>
              <tbody>
                {data.indicators.map((i) => (
                  <tr key={i.code} data-code={i.code}>
                    <th scope="row">
                      <Link to={`${base}/indicators/${encodeURIComponent(i.code)}?period=${data.period}`}>
                        {i.code} {i.title}
                      </Link>
                    </th>
                    <td>{!i.due ? "Not due this month" : i.figureStatus ? FIGURE_LABELS[i.figureStatus] : "Missing"}</td>
                    <td>{i.managerName ?? "No manager named"}</td>
                    <td>
                      {i.commentary ? (
                        <Link to={`${base}/exceptions/${encodeURIComponent(i.code)}?period=${data.period}`}>
                          <CommentaryStatusTag status={i.commentary.status} />
                        </Link>
                      ) : (
                        "Not needed"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <h2>Publish {monthLabel(data.period)}</h2>
          <Form method="post">
            <input type="hidden" name="period" value={data.period} />
            <TextArea
              name="note"
              label={gapsRemain ? "Note naming the gaps (required)" : "Note (optional)"}
              hint={
                gapsRemain
                  ? "Some figures are missing or unverified, or some commentaries are not ready: say which, and why the month is published now."
                  : undefined
              }
              error={publishResult?.fieldErrors?.note}
              defaultValue={publishResult?.values?.note}
            />
            <button className="button" type="submit">
              Publish {monthLabel(data.period)}
            </button>
          </Form>
        </>
      )}
      <h2 id="timetable">Reporting timetable</h2>
      <p>
        {data.timetable.isDefault ? "Until you set it, the usual timetable applies: " : ""}
        figures are due by {workingDayText(data.timetable.figuresWorkingDay)} and commentaries by{" "}
        {workingDayText(data.timetable.commentariesWorkingDay)} of the month after the month they report. Working days leave out
        weekends and the bank holidays of England and Wales.
      </p>
      <Form method="post" aria-labelledby="timetable">
        <input type="hidden" name="intent" value="timetable" />
        <TextField
          name="figuresWorkingDay"
          label="Figures due by working day"
          hint={`A number from 1 to ${MAX_WORKING_DAY}`}
          inputMode="numeric"
          error={timetableResult?.fieldErrors?.figuresWorkingDay}
          defaultValue={timetableResult?.values?.figuresWorkingDay ?? String(data.timetable.figuresWorkingDay)}
        />
        <TextField
          name="commentariesWorkingDay"
          label="Commentaries due by working day"
          hint={`A number from 1 to ${MAX_WORKING_DAY}, not before the figures`}
          inputMode="numeric"
          error={timetableResult?.fieldErrors?.commentariesWorkingDay}
          defaultValue={timetableResult?.values?.commentariesWorkingDay ?? String(data.timetable.commentariesWorkingDay)}
        />
        <button className="button button--secondary" type="submit">
          Save the timetable
        </button>
      </Form>
      {data.published.length ? (
        <>
          <h2>Published months</h2>
          <ul>
            {data.published.map((m) => (
              <li key={m.period}>
                {monthLabel(m.period)}: published {m.publishedAt} by {m.publishedBy ?? "someone no longer here"}
                {m.note ? `. Note: ${m.note}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
