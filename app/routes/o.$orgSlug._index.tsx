import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrgMember } from "~/utils/auth.server";
import { formatUkDate } from "~/shared/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.orgName ?? "Organisation"} – Minuted` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, user } = await requireOrgMember(request, context, params.orgSlug);
  return { orgName: org.name, orgSlug: org.slug, userName: user.name, today: formatUkDate(new Date()) };
}

export default function OrganisationHome() {
  const { orgName, orgSlug, userName, today } = useLoaderData<typeof loader>();
  const base = `/o/${orgSlug}`;
  return (
    <>
      <h1>{orgName}</h1>
      <p className="lede">
        Welcome, {userName}. Today is {today}.
      </p>
      <ul className="cards">
        <li className="card">
          <h2>
            <Link to={`${base}/scorecard`}>Scorecard</Link>
          </h2>
          <p>Indicators against target, direction of travel and quartile, by period and area.</p>
        </li>
        <li className="card">
          <h2>
            <Link to={`${base}/meetings`}>Meetings</Link>
          </h2>
          <p>Performance Committee, area panels and clinics: agendas, live sessions and minutes.</p>
        </li>
        <li className="card">
          <h2>
            <Link to={`${base}/actions`}>Actions</Link>
          </h2>
          <p>The action log carried forward from meeting to meeting until each action closes.</p>
        </li>
        <li className="card">
          <h2>
            <Link to={`${base}/packs`}>Packs</Link>
          </h2>
          <p>Agenda packs and minuted packs: frozen, versioned and verifiable.</p>
        </li>
      </ul>
    </>
  );
}
