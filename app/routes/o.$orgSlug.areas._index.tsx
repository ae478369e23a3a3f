import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, TextField } from "~/components/ui/form-fields";
import { TableRegion } from "~/components/ui/table-region";
import { areaDetailsSchema } from "~/shared/performance/area-schema";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { formDone, invalidForm, refusedForm, type FormResult } from "~/utils/command-response.server";
import { parseForm } from "~/utils/forms";
import { readFormData } from "~/utils/request-body.server";
import { listAreas } from "../../db/queries/performance-library";
import { createArea, updateArea } from "../../server/commands/area-commands";
import { authorize } from "../../server/policies/authorize";
import { performanceDataPolicy } from "../../server/policies/performance-data-policy";

export const meta: MetaFunction = () => [{ title: "Areas – Minuted" }];

const AREA_FIELDS = ["name", "homes"] as const;

const areaActionSchema = z.discriminatedUnion("intent", [
  areaDetailsSchema.extend({ intent: z.literal("create-area") }),
  areaDetailsSchema.extend({ intent: z.literal("update-area"), areaId: z.string().uuid("Choose an area") }),
]);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(performanceDataPolicy.readFigures(principal, org)));
  const areas = await listAreas(context.services.db, org.id);
  return { orgSlug: org.slug, canManage: performanceDataPolicy.manageLibrary(principal, org), areas };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { org, principal, user } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(performanceDataPolicy.manageLibrary(principal, org)));
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const parsed = parseForm(areaActionSchema, formData);
  if (!parsed.ok) return invalidForm(intent, parsed.fieldErrors, formData);
  const actor = { userId: user.id, label: user.email };
  const { db } = context.services;
  const input = parsed.data;
  try {
    if (input.intent === "create-area") {
      await createArea(db, { organisationId: org.id, name: input.name, homes: input.homes }, actor);
      return formDone(intent, `Area ${input.name} added.`);
    }
    await updateArea(db, { organisationId: org.id, areaId: input.areaId, name: input.name, homes: input.homes }, actor);
    return formDone(intent, `Area ${input.name} saved. Its figures, targets and panels are unchanged.`);
  } catch (error) {
    return refusedForm(intent, error, AREA_FIELDS, formData);
  }
}

export default function AreasPage() {
  const { orgSlug, canManage, areas } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormResult | undefined;
  const created = result?.intent === "create-area";
  return (
    <>
      <ErrorSummary errors={result?.fieldErrors} />
      {result?.message ? (
        <div className="notification notification--success" role="status">
          <p>{result.message}</p>
        </div>
      ) : null}
      <h1>Areas</h1>
      <p className="lede">
        The neighbourhoods or patches the organisation reports by. The number of homes weights organisation-wide averages.
        {canManage ? (
          <>
            {" "}
            A list can also be imported from a CSV (<code>area,homes</code>) on the{" "}
            <Link to={`/o/${orgSlug}/imports`}>import page</Link>.
          </>
        ) : null}
      </p>
      {areas.length ? (
        <TableRegion label="Areas">
          <table className="table">
            <caption className="visually-hidden">Areas</caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col" className="numeric">
                  Homes
                </th>
                {canManage ? <th scope="col">Change</th> : null}
              </tr>
            </thead>
            <tbody>
              {areas.map((area) => (
                <tr key={area.id}>
                  <th scope="row">
                    <Link to={`/o/${orgSlug}/areas/${encodeURIComponent(area.name)}`}>
                      <bdi>{area.name}</bdi>
                    </Link>
                  </th>
                  <td className="numeric">{area.homes.toLocaleString("en-GB")}</td>
                  {canManage ? (
                    <td>
                      <Form method="post" className="inline-form" aria-label={`Change ${area.name}`}>
                        <input type="hidden" name="intent" value="update-area" />
                        <input type="hidden" name="areaId" value={area.id} />
                        <TextField
                          id={`name-${area.id}`}
                          name="name"
                          label="Name"
                          defaultValue={area.name}
                          maxLength={80}
                          required
                        />
                        <TextField
                          id={`homes-${area.id}`}
                          name="homes"
                          label="Homes"
                          inputMode="numeric"
                          defaultValue={String(area.homes)}
                          required
                        />
                        <button type="submit" className="button button--secondary">
                          Save <span className="visually-hidden">{area.name}</span>
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <div className="notification">No areas yet: the organisation reports as a whole.</div>
      )}
      {canManage ? (
        <section aria-labelledby="new-area" className="form-section">
          <h2 id="new-area">Add an area</h2>
          <Form method="post" key={created && !result?.fieldErrors ? result?.message : "new"}>
            <input type="hidden" name="intent" value="create-area" />
            <TextField
              name="name"
              label="Name"
              maxLength={80}
              required
              error={created ? result?.fieldErrors?.name : undefined}
              defaultValue={created ? result?.values?.name : undefined}
            />
            <TextField
              name="homes"
              label="Homes"
              hint="The number of homes in the area, used to weight averages"
              inputMode="numeric"
              required
              error={created ? result?.fieldErrors?.homes : undefined}
              defaultValue={created ? result?.values?.homes : undefined}
            />
            <button type="submit" className="button">
              Add the area
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
