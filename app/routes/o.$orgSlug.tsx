import { type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AppShell } from "~/components/app-shell";
import { requireOrgMember } from "~/utils/auth.server";
import { listMembershipsOfUser } from "../../db/queries/users";
import { reportingMonthPolicy } from "../../server/policies/reporting-month-policy";
import { performanceDataPolicy } from "../../server/policies/performance-data-policy";
import { organisationPolicy } from "../../server/policies/organisation-policy";
import { bodyPolicy } from "../../server/policies/meeting-policy";
import { memberPolicy } from "../../server/policies/member-policy";
import { sitsOnABody } from "../../db/queries/home-page";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const organisations = await listMembershipsOfUser(context.services.db, user.id);
  const base = `/o/${org.slug}`;
  // Committees for those who use them: the clerks who set them up and the people who sit on one.
  const usesCommittees =
    bodyPolicy.manage(principal, { organisationId: org.id }) || (await sitsOnABody(context.services.db, org.id, user.id));
  // Permissions are computed by the policies on the server; the UI only reads them.
  const nav = [
    { to: `${base}/scorecard`, label: "Scorecard" },
    { to: `${base}/exceptions`, label: "Exceptions" },
    { to: `${base}/meetings`, label: "Meetings" },
    ...(usesCommittees ? [{ to: `${base}/bodies`, label: "Committees" }] : []),
    { to: `${base}/actions`, label: "Actions" },
    // A member's own: the papers of their next meetings and their register of interests.
    ...(usesCommittees ? [{ to: `${base}/my-papers`, label: "My papers" }] : []),
    ...(memberPolicy.keepRegister(principal, { organisationId: org.id })
      ? [{ to: `${base}/interests`, label: "Interests" }]
      : []),
    { to: `${base}/objectives`, label: "Objectives" },
    { to: `${base}/plans`, label: "Plans" },
    { to: `${base}/improvements`, label: "Improvements" },
    { to: `${base}/packs`, label: "Packs" },
    { to: `${base}/areas`, label: "Areas" },
    ...(performanceDataPolicy.manageLibrary(principal, org) ? [{ to: `${base}/indicators`, label: "Indicators" }] : []),
    ...(performanceDataPolicy.importData(principal, org) ? [{ to: `${base}/imports`, label: "Imports" }] : []),
    ...(reportingMonthPolicy.publish(principal, org) ? [{ to: `${base}/months`, label: "Month in progress" }] : []),
    ...(organisationPolicy.administer(principal, org) ? [{ to: `${base}/admin`, label: "Admin" }] : []),
  ];
  return {
    user: { name: user.name, email: user.email },
    org: { slug: org.slug, name: org.name, isDemo: org.isDemo, role: org.role },
    organisations: organisations.map((o) => ({ slug: o.slug, name: o.name })),
    nav,
  };
}

export default function OrganisationLayout() {
  const shell = useLoaderData<typeof loader>();
  return (
    <AppShell {...shell}>
      <Outlet />
    </AppShell>
  );
}
