import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, TextField } from "~/components/ui/form-fields";
import { TableRegion } from "~/components/ui/table-region";
import { themeNameSchema } from "~/shared/performance/indicator-schema";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { formDone, invalidForm, refusedForm, type FormResult } from "~/utils/command-response.server";
import { parseForm } from "~/utils/forms";
import { readFormData } from "~/utils/request-body.server";
import { listIndicatorLibrary, listThemes } from "../../db/queries/indicator-library";
import { createTheme, moveTheme, renameTheme, setIndicatorRetired } from "../../server/commands/indicator-commands";
import { authorize } from "../../server/policies/authorize";
import { performanceDataPolicy } from "../../server/policies/performance-data-policy";

export const meta: MetaFunction = () => [{ title: "Indicator library – Minuted" }];

const id = (message: string) => z.uuid({ error: message });

const libraryActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("retire"), indicatorId: id("Choose an indicator") }),
  z.object({ intent: z.literal("reinstate"), indicatorId: id("Choose an indicator") }),
  z.object({ intent: z.literal("create-theme"), name: themeNameSchema }),
  z.object({ intent: z.literal("rename-theme"), themeId: id("Choose a theme"), name: themeNameSchema }),
  z.object({ intent: z.literal("move-theme"), themeId: id("Choose a theme"), direction: z.enum(["up", "down"]) }),
]);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(performanceDataPolicy.manageLibrary(principal, org)));
  const { db } = context.services;
  const [library, themes] = await Promise.all([listIndicatorLibrary(db, org.id), listThemes(db, org.id)]);
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    orgSlug: org.slug,
    saved: library.some((i) => i.code === saved) ? saved : null,
    indicators: library.map((i) => ({
      id: i.id,
      code: i.code,
      title: i.title,
      theme: i.theme,
      owner: i.ownerName,
      manager: i.managerName,
      active: !i.retiredAt,
    })),
    themes,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { org, principal, user } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(performanceDataPolicy.manageLibrary(principal, org)));
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const parsed = parseForm(libraryActionSchema, formData);
  if (!parsed.ok) return invalidForm(intent, parsed.fieldErrors, formData);
  const actor = { userId: user.id, label: user.email };
  const { db } = context.services;
  const input = parsed.data;
  const organisationId = org.id;
  try {
    switch (input.intent) {
      case "retire":
      case "reinstate": {
        const retired = input.intent === "retire";
        const indicator = await setIndicatorRetired(db, { organisationId, indicatorId: input.indicatorId, retired }, actor);
        return formDone(
          intent,
          retired
            ? `${indicator.code} is retired: its figures are kept, and it is off the scorecard, the exceptions and the public page.`
            : `${indicator.code} is active again.`,
        );
      }
      case "create-theme":
        await createTheme(db, { organisationId, name: input.name }, actor);
        return formDone(intent, `Theme ${input.name} added.`);
      case "rename-theme":
        await renameTheme(db, { organisationId, themeId: input.themeId, name: input.name }, actor);
        return formDone(intent, `Theme renamed ${input.name}. Its indicators are unchanged.`);
      case "move-theme":
        await moveTheme(db, { organisationId, themeId: input.themeId, direction: input.direction }, actor);
        return formDone(intent, "Theme order saved.");
    }
  } catch (error) {
    return refusedForm(intent, error, ["name"], formData);
  }
}

export default function IndicatorLibraryPage() {
  const { orgSlug, saved, indicators, themes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormResult | undefined;
  const message = result?.message ?? (saved ? `${saved} saved.` : null);
  const newTheme = result?.intent === "create-theme";
  return (
    <>
      <ErrorSummary errors={result?.fieldErrors} />
      {message ? (
        <div className="notification notification--success" role="status">
          <p>{message}</p>
        </div>
      ) : null}
      <h1>Indicator library</h1>
      <p className="lede">
        Every indicator the organisation reports, under its theme, with its owner and manager. A retired indicator keeps its
        history but leaves the scorecard, the exceptions and the public page; its code is never reused.
      </p>
      <p>
        <Link className="button" to={`/o/${orgSlug}/indicators/new`}>
          Add an indicator
        </Link>{" "}
        <a href={`/o/${orgSlug}/indicators.csv`} download>
          Download the library as CSV
        </a>{" "}
        (the layout the <Link to={`/o/${orgSlug}/imports`}>indicator import</Link> reads back).
      </p>
      {indicators.length ? (
        <TableRegion label="Indicators">
          <table className="table">
            <caption className="visually-hidden">Indicators</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Title</th>
                <th scope="col">Theme</th>
                <th scope="col">Owner</th>
                <th scope="col">Manager</th>
                <th scope="col">Active</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    <Link to={`/o/${orgSlug}/indicators/${encodeURIComponent(i.code)}`}>{i.code}</Link>
                  </th>
                  <td>
                    <bdi>{i.title}</bdi>
                  </td>
                  <td>{i.theme ?? "No theme"}</td>
                  <td>{i.owner ?? "Nobody"}</td>
                  <td>{i.manager ?? "Nobody"}</td>
                  <td>{i.active ? "Yes" : "No (retired)"}</td>
                  <td className="cell-actions">
                    <Link to={`/o/${orgSlug}/indicators/${encodeURIComponent(i.code)}/edit`}>
                      Change<span className="visually-hidden"> {i.code}</span>
                    </Link>
                    <Form method="post">
                      <input type="hidden" name="intent" value={i.active ? "retire" : "reinstate"} />
                      <input type="hidden" name="indicatorId" value={i.id} />
                      <button type="submit" className="link-button">
                        {i.active ? "Retire" : "Reinstate"}
                        <span className="visually-hidden"> {i.code}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <div className="notification">No indicators yet: add one, or import the library from a CSV.</div>
      )}

      <section aria-labelledby="themes" className="form-section">
        <h2 id="themes">Themes</h2>
        <p>The strategic themes (scorecard perspectives), in the order the scorecard shows them.</p>
        {themes.length ? (
          <ol className="theme-list">
            {themes.map((t, index) => (
              <li key={t.id}>
                <Form method="post" className="inline-form" aria-label={`Rename ${t.name}`}>
                  <input type="hidden" name="intent" value="rename-theme" />
                  <input type="hidden" name="themeId" value={t.id} />
                  <TextField id={`theme-${t.id}`} name="name" label="Name" defaultValue={t.name} maxLength={80} required />
                  <button type="submit" className="button button--secondary">
                    Rename<span className="visually-hidden"> {t.name}</span>
                  </button>
                </Form>
                <span className="hint">
                  {t.indicators} {t.indicators === 1 ? "indicator" : "indicators"}
                </span>
                {(["up", "down"] as const).map((direction) =>
                  (direction === "up" ? index > 0 : index < themes.length - 1) ? (
                    <Form method="post" className="inline-form" key={direction}>
                      <input type="hidden" name="intent" value="move-theme" />
                      <input type="hidden" name="themeId" value={t.id} />
                      <input type="hidden" name="direction" value={direction} />
                      <button type="submit" className="link-button">
                        Move {direction}
                        <span className="visually-hidden"> {t.name}</span>
                      </button>
                    </Form>
                  ) : null,
                )}
              </li>
            ))}
          </ol>
        ) : (
          <p>No themes yet.</p>
        )}
        <Form method="post" key={newTheme && !result?.fieldErrors ? result?.message : "new-theme"}>
          <input type="hidden" name="intent" value="create-theme" />
          <TextField
            id="new-theme-name"
            name="name"
            label="New theme"
            hint="For example Decent Homes, Fair Access or Valuing Resources"
            maxLength={80}
            required
            error={newTheme ? result?.fieldErrors?.name : undefined}
            defaultValue={newTheme ? result?.values?.name : undefined}
          />
          <button type="submit" className="button">
            Add the theme
          </button>
        </Form>
      </section>
    </>
  );
}
