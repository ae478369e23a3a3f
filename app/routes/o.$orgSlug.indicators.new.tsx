import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { IndicatorForm } from "~/components/indicator-form";
import { INDICATOR_FIELDS, indicatorSchema } from "~/shared/performance/indicator-schema";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { invalidForm, refusedForm, type FormResult } from "~/utils/command-response.server";
import { parseForm } from "~/utils/forms";
import { readFormData } from "~/utils/request-body.server";
import { listThemes } from "../../db/queries/indicator-library";
import { listMembersOfOrganisation } from "../../db/queries/users";
import { createIndicator } from "../../server/commands/indicator-commands";
import { authorize } from "../../server/policies/authorize";
import { performanceDataPolicy } from "../../server/policies/performance-data-policy";

export const meta: MetaFunction = () => [{ title: "New indicator – Minuted" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(performanceDataPolicy.manageLibrary(principal, org)));
  const { db } = context.services;
  const [themes, members] = await Promise.all([listThemes(db, org.id), listMembersOfOrganisation(db, org.id)]);
  return { orgSlug: org.slug, themes, members };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { org, principal, user } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(performanceDataPolicy.manageLibrary(principal, org)));
  const formData = await readFormData(request);
  const parsed = parseForm(indicatorSchema, formData);
  if (!parsed.ok) return invalidForm("create-indicator", parsed.fieldErrors, formData);
  try {
    const created = await createIndicator(
      context.services.db,
      { organisationId: org.id, ...parsed.data },
      { userId: user.id, label: user.email },
    );
    return redirect(`/o/${org.slug}/indicators?saved=${encodeURIComponent(created.code)}`);
  } catch (error) {
    return refusedForm("create-indicator", error, INDICATOR_FIELDS, formData);
  }
}

export default function NewIndicatorPage() {
  const { orgSlug, themes, members } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormResult | undefined;
  return (
    <>
      <p>
        <Link to={`/o/${orgSlug}/indicators`}>Back to the indicator library</Link>
      </p>
      <h1>New indicator</h1>
      {themes.length === 0 ? (
        <div className="notification">
          Add a theme on the <Link to={`/o/${orgSlug}/indicators#themes`}>indicator library</Link> first: every indicator hangs
          under one.
        </div>
      ) : null}
      <IndicatorForm
        values={result?.values ?? {}}
        errors={result?.fieldErrors}
        themes={themes}
        members={members}
        submitLabel="Add the indicator"
      />
    </>
  );
}
