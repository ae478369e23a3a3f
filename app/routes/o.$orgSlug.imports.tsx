import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, SelectField } from "~/components/ui/form-fields";
import { TableRegion } from "~/components/ui/table-region";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { readFormData } from "~/utils/request-body.server";
import { importFile, type ImportSummary } from "../../server/commands/import-committer";
import { IMPORT_FORM_LIMIT } from "../../server/http/body-limits";
import { DEFAULT_MAX_BYTES, formatSize } from "../../server/imports/decode-text";
import { IMPORTS_BUSY_MESSAGE, IMPORTS_BUSY_RETRY_SECONDS } from "../../server/imports/import-threads";
import { IMPORT_KINDS, type ImportKind } from "../../server/imports/parse-import";
import { IMPORT_FILENAME_MAX } from "../../server/imports/import-limits";
import { problemCount, type ImportProblem } from "../../server/imports/problems";
import { authorize } from "../../server/policies/authorize";
import { performanceDataPolicy } from "../../server/policies/performance-data-policy";

export const meta: MetaFunction = () => [{ title: "Import performance data – Minuted" }];

/** Every kind of import, in the order the page offers them: a new kind without words here is a type error. */
const KIND_LABELS: Record<ImportKind, string> = {
  actuals: "Monthly figures, one row per indicator, period and area (actuals.csv)",
  "actuals-wide": "Monthly figures, one column per month (the spreadsheet layout, CSV or XLSX)",
  indicators: "Indicator library (indicators.csv)",
  targets: "Targets and tolerances (targets.csv)",
  benchmarks: "Peer-group benchmarks (benchmarks.csv)",
  areas: "Areas and their homes (areas.csv: area,homes)",
  objectives: "Business plan objectives (objectives.csv)",
  plans: "Service plans and service improvement plans (plans.csv)",
  "plan-actions": "Plan actions (plan-actions.csv)",
  milestones: "Plan milestones (milestones.csv)",
};
const KINDS = Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }));
const kindSchema = z.enum(IMPORT_KINDS, { message: "Choose what the file holds" });

const commitSchema = z.object({
  intent: z.literal("commit"),
  kind: kindSchema,
  filename: z.string().min(1).max(IMPORT_FILENAME_MAX),
  content: z.string().min(1, "Upload the file again"),
});

type ActionResult =
  | { stage: "error"; fieldErrors: Record<string, string> }
  | { stage: "problems"; filename: string; problems: ImportProblem[]; notices: string[] }
  /** Every import thread busy: nothing wrong with the file; at the commit step, the checked file is kept to try again. */
  | { stage: "busy"; filename: string; message: string; retry: { kind: string; content: string } | null }
  | { stage: "preview"; kind: string; filename: string; content: string; summary: ImportSummary; notices: string[] }
  | { stage: "done"; summary: ImportSummary };

async function requireImporter(request: Request, context: LoaderFunctionArgs["context"], orgSlug: string | undefined) {
  const member = await requireOrgMember(request, context, orgSlug);
  authorizeOr403(() => authorize(performanceDataPolicy.importData(member.principal, member.org)));
  return member;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireImporter(request, context, params.orgSlug);
  return { maxSize: formatSize(DEFAULT_MAX_BYTES) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { org, user } = await requireImporter(request, context, params.orgSlug);
  const actor = { userId: user.id, label: user.email };
  const form = await readFormData(request, IMPORT_FORM_LIMIT);
  const { db, live, importThreads } = context.services;

  if (form.get("intent") === "commit") {
    const parsed = commitSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success)
      return data<ActionResult>({ stage: "error", fieldErrors: { file: "Upload the file again" } }, { status: 400 });
    const bytes = Buffer.from(parsed.data.content, "base64");
    const outcome = await importFile(db, {
      organisationId: org.id,
      kind: parsed.data.kind,
      bytes,
      filename: parsed.data.filename,
      actor,
      threads: importThreads,
    });
    if (!outcome.ok && outcome.busy)
      return data<ActionResult>(
        {
          stage: "busy",
          filename: parsed.data.filename,
          message: IMPORTS_BUSY_MESSAGE,
          retry: { kind: parsed.data.kind, content: parsed.data.content },
        },
        { status: 503, headers: { "Retry-After": String(IMPORTS_BUSY_RETRY_SECONDS) } },
      );
    if (!outcome.ok)
      return data<ActionResult>(
        { stage: "problems", filename: parsed.data.filename, problems: outcome.problems, notices: outcome.notices },
        { status: 422 },
      );
    if (outcome.changedIndicatorCodes.length) {
      live.figuresChanged(org.id, {
        indicatorCodes: outcome.changedIndicatorCodes,
        periods: outcome.changedPeriods,
        reason: "import",
      });
    }
    return data<ActionResult>({ stage: "done", summary: outcome.summary });
  }

  const kind = kindSchema.safeParse(form.get("kind"));
  const file = form.get("file");
  const fieldErrors: Record<string, string> = {};
  if (!kind.success) fieldErrors.kind = "Choose what the file holds";
  if (!(file instanceof File) || file.size === 0)
    fieldErrors.file = file instanceof File && file.name ? "The file is empty" : "Choose a file to upload";
  else if (file.size > DEFAULT_MAX_BYTES)
    fieldErrors.file = `The file is ${formatSize(file.size)}; the limit is ${formatSize(DEFAULT_MAX_BYTES)}`;
  if (Object.keys(fieldErrors).length || !kind.success || !(file instanceof File)) {
    return data<ActionResult>({ stage: "error", fieldErrors }, { status: 400 });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const outcome = await importFile(db, {
    organisationId: org.id,
    kind: kind.data,
    bytes,
    filename: file.name,
    actor,
    dryRun: true,
    threads: importThreads,
  });
  if (!outcome.ok && outcome.busy)
    return data<ActionResult>(
      { stage: "busy", filename: file.name, message: IMPORTS_BUSY_MESSAGE, retry: null },
      { status: 503, headers: { "Retry-After": String(IMPORTS_BUSY_RETRY_SECONDS) } },
    );
  if (!outcome.ok)
    return data<ActionResult>(
      { stage: "problems", filename: file.name, problems: outcome.problems, notices: outcome.notices },
      { status: 422 },
    );
  return data<ActionResult>({
    stage: "preview",
    kind: kind.data,
    filename: file.name,
    content: Buffer.from(bytes).toString("base64"),
    summary: outcome.summary,
    notices: outcome.notices,
  });
}

function SummaryList({ summary }: { summary: ImportSummary }) {
  return (
    <dl className="summary-list">
      <div>
        <dt>Rows in the file</dt>
        <dd>{summary.rows}</dd>
      </div>
      <div>
        <dt>New</dt>
        <dd>{summary.created}</dd>
      </div>
      <div>
        <dt>Changed</dt>
        <dd>{summary.updated}</dd>
      </div>
      <div>
        <dt>Unchanged</dt>
        <dd>{summary.unchanged}</dd>
      </div>
    </dl>
  );
}

export default function Imports() {
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <>
      <ErrorSummary errors={result?.stage === "error" ? result.fieldErrors : undefined} />
      <h1>Import performance data</h1>
      <p className="lede">
        Upload a CSV or Excel file. You will see every problem, or exactly what will change, before anything is saved. A file is
        imported whole or not at all.
      </p>

      {result?.stage === "problems" ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>{result.filename} cannot be imported</h2>
          <p>
            Nothing has been saved. Fix{" "}
            {problemCount(result.problems) === 1
              ? "this problem"
              : `these ${problemCount(result.problems).toLocaleString("en-GB")} problems`}{" "}
            and upload the file again.
          </p>
          <TableRegion label={`Problems in ${result.filename}`}>
            <table className="table">
              <caption className="visually-hidden">Problems in {result.filename}</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {result.problems.map((p, i) => (
                  <tr key={i}>
                    <td>{p.line ?? "–"}</td>
                    <td>{p.column ?? "–"}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </div>
      ) : null}

      {result?.stage === "busy" ? (
        <div className="notification" role="alert" data-testid="imports-busy">
          <h2>{result.filename} has not been imported yet</h2>
          <p>{result.message}</p>
          {result.retry ? (
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="intent" value="commit" />
              <input type="hidden" name="kind" value={result.retry.kind} />
              <input type="hidden" name="filename" value={result.filename} />
              <input type="hidden" name="content" value={result.retry.content} />
              <button className="button" type="submit" disabled={busy}>
                Try the import again
              </button>
            </Form>
          ) : (
            <p>Upload the file again below.</p>
          )}
        </div>
      ) : null}

      {result?.stage === "preview" ? (
        <div className="notification" role="status">
          <h2>Check before importing {result.filename}</h2>
          <SummaryList summary={result.summary} />
          {result.notices.map((n) => (
            <p key={n} className="hint">
              {n}
            </p>
          ))}
          {/* Multipart, so that the base64 file is sent as it is rather than percent-encoded (IMPORT_FORM_LIMIT). */}
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="intent" value="commit" />
            <input type="hidden" name="kind" value={result.kind} />
            <input type="hidden" name="filename" value={result.filename} />
            <input type="hidden" name="content" value={result.content} />
            <button className="button" type="submit" disabled={busy}>
              Import {result.summary.created + result.summary.updated} changes
            </button>{" "}
            <a href="">Cancel</a>
          </Form>
        </div>
      ) : null}

      {result?.stage === "done" ? (
        <div className="notification notification--success" role="status">
          <h2>Imported {result.summary.source}</h2>
          <SummaryList summary={result.summary} />
        </div>
      ) : null}

      <Form method="post" encType="multipart/form-data" noValidate>
        <SelectField
          name="kind"
          label="What the file holds"
          options={[...KINDS]}
          error={result?.stage === "error" ? result.fieldErrors.kind : undefined}
        />
        <div className={`form-group${result?.stage === "error" && result.fieldErrors.file ? " form-group--error" : ""}`}>
          <label htmlFor="file">File</label>
          <div id="file-hint" className="hint">
            CSV (UTF-8 or Windows) or Excel .xlsx, up to 5 MB. The first row must hold the column headings.
          </div>
          {result?.stage === "error" && result.fieldErrors.file ? (
            <span className="error-message" id="file-error">
              <span className="visually-hidden">Error:</span> {result.fieldErrors.file}
            </span>
          ) : null}
          <input type="file" id="file" name="file" accept=".csv,.xlsx,text/csv" aria-describedby="file-hint" />
        </div>
        <button className="button" type="submit" disabled={busy}>
          Check the file
        </button>
      </Form>
    </>
  );
}
