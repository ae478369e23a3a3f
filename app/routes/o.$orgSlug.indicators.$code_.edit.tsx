import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { IndicatorForm } from "~/components/indicator-form";
import { INDICATOR_FIELDS, indicatorDetailsSchema } from "~/shared/performance/indicator-schema";
import { authorizeOr403, notFound, requireOrgMember } from "~/utils/auth.server";
import { invalidForm, refusedForm, type FormResult } from "~/utils/command-response.server";
import { parseForm } from "~/utils/forms";
import { readFormData } from "~/utils/request-body.server";
import { findLibraryIndicator, listThemes } from "../../db/queries/indicator-library";
import { listMembersOfOrganisation } from "../../db/queries/users";
import { updateIndicator } from "../../server/commands/indicator-commands";
import { authorize } from "../../server/policies/authorize";
import { performanceDataPolicy } from "../../server/policies/performance-data-policy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Change ${data.indicator.code} – Minuted` : "Change an indicator – Minuted" },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(performanceDataPolicy.manageLibrary(principal, org)));
  const { db } = context.services;
  const indicator = await findLibraryIndicator(db, org.id, params.code ?? "");
  if (!indicator) throw notFound();
  const [themes, members] = await Promise.all([listThemes(db, org.id), listMembersOfOrganisation(db, org.id)]);
  const values: Record<string, string> = {
    title: indicator.title,
    definition: indicator.definition,
    dataSource: indicator.dataSource,
    category: indicator.category,
    themeId: indicator.themeId ?? "",
    unit: indicator.unit,
    polarity: indicator.polarity,
    frequency: indicator.frequency,
    aggregation: indicator.aggregation,
    decimals: String(indicator.decimals),
    statusBasis: indicator.statusBasis,
    tenantTopTen: String(indicator.tenantTopTen),
    byArea: String(indicator.byArea),
    ownerUserId: indicator.ownerUserId ?? "",
    managerUserId: indicator.managerUserId ?? "",
  };
  return {
    orgSlug: org.slug,
    indicator: { code: indicator.code, title: indicator.title, retired: Boolean(indicator.retiredAt) },
    values,
    themes,
    members,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { org, principal, user } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(performanceDataPolicy.manageLibrary(principal, org)));
  const formData = await readFormData(request);
  const parsed = parseForm(indicatorDetailsSchema, formData);
  if (!parsed.ok) return invalidForm("update-indicator", parsed.fieldErrors, formData);
  const { db } = context.services;
  const indicator = await findLibraryIndicator(db, org.id, params.code ?? "");
  if (!indicator) throw notFound();
  try {
    await updateIndicator(
      db,
      { organisationId: org.id, indicatorId: indicator.id, ...parsed.data },
      { userId: user.id, label: user.email },
    );
    return redirect(`/o/${org.slug}/indicators?saved=${encodeURIComponent(indicator.code)}`);
  } catch (error) {
    return refusedForm("update-indicator", error, INDICATOR_FIELDS, formData);
  }
}

export default function EditIndicatorPage() {
  const { orgSlug, indicator, values, themes, members } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormResult | undefined;
  return (
    <>
      <p>
        <Link to={`/o/${orgSlug}/indicators`}>Back to the indicator library</Link>
      </p>
      <h1>
        Change {indicator.code} <bdi>{indicator.title}</bdi>
      </h1>
      {indicator.retired ? (
        <div className="notification">
          This indicator is retired: it is not on the scorecard, the exceptions or the public page.
        </div>
      ) : null}
      <IndicatorForm
        values={result?.values ?? values}
        errors={result?.fieldErrors}
        fixedCode={indicator.code}
        themes={themes}
        members={members}
        submitLabel="Save the indicator"
      />
    </>
  );
}
