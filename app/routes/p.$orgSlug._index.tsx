// An organisation's public page: published agenda packs, approved minutes and the
// tenant top ten in plain words. No sign-in, outside the signed-in application.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { loadTenantTopTen, requirePublicOrganisation } from "~/utils/public-data.server";
import { PublicLayout } from "~/components/public/public-layout";
import { AgendaPackList, ApprovedMinutesList, type PublishedPackView } from "~/components/public/published-packs";
import { NotYetPublishedList, TenantTopTenList } from "~/components/public/tenant-top-ten-list";
import { formatUkDate } from "~/shared/dates";
import publicStyles from "~/styles/public.css?url";
import { listApprovedMinutes, listPublishedAgendaPacks, type PublicPackSummary } from "../../db/queries/public-packs";
import { lastPublishedPeriod } from "../../db/queries/reporting-months";
import { improvementLog } from "../../server/plans/thread-view";

export const links = () => [{ rel: "stylesheet", href: publicStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.org.name}: committee papers and performance` : "Page not found" },
  { name: "description", content: data ? `Agenda packs, approved minutes and the tenant top ten of ${data.org.name}.` : "" },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const { db } = context.services;
  const org = await requirePublicOrganisation(db, params.orgSlug);
  const [agendaPacks, minutes, topTen, published] = await Promise.all([
    listPublishedAgendaPacks(db, org.id),
    listApprovedMinutes(db, org.id),
    loadTenantTopTen(db, org.id),
    lastPublishedPeriod(db, org.id),
  ]);
  // What we changed, in plain words: only entries with words for tenants, judged on published verified figures (ADR 021).
  const improvements = await improvementLog(db, org.id, { publicOnly: true, publishedUpTo: published });
  const view = (pack: PublicPackSummary): PublishedPackView => {
    const href = `/p/${org.slug}/packs/${pack.packId}/v/${pack.version}`;
    return {
      packId: pack.packId,
      meetingTitle: pack.meetingTitle,
      bodyName: pack.bodyName,
      dateText: formatUkDate(pack.meetingStartsAt),
      version: pack.version,
      pageCount: pack.pageCount,
      publicSha256: pack.publicSha256,
      webHref: href,
      pdfHref: `${href}.pdf`,
    };
  };
  return {
    org: { slug: org.slug, name: org.name, isDemo: org.isDemo },
    agendaPacks: agendaPacks.map(view),
    minutes: minutes.map((m) => ({
      ...view(m),
      approvalText: `Approved on ${formatUkDate(m.signedAt)}, signed by ${m.signedByName}.`,
      correctionText:
        m.signedVersion === m.version
          ? null
          : `This is version ${m.version}, a correction made after the chair signed version ${m.signedVersion}.`,
    })),
    topTen: { periodText: topTen.periodText, lines: topTen.lines, notYetPublished: topTen.notYetPublished },
    improvements: improvements.map((i) => ({
      id: i.id,
      summary: i.publicSummary,
      madeOnText: formatUkDate(`${i.madeOn}T12:00:00Z`),
      measure: i.indicator ? `${i.indicator.title}: ${i.movement?.plainText ?? "Too early to say"}` : null,
    })),
  };
}

export default function PublicOrganisationPage() {
  const { org, agendaPacks, minutes, topTen, improvements } = useLoaderData<typeof loader>();
  return (
    <PublicLayout org={org}>
      <h1>Committee papers and performance</h1>
      <p className="lede">
        The papers of {org.name}&rsquo;s committees and panels, the minutes they have approved, and how we are doing on the
        figures tenants chose to follow: the tenant top ten.
      </p>
      <nav aria-label="On this page" className="public-contents">
        <ul>
          <li>
            <a href="#agenda-packs">Agenda packs</a>
          </li>
          <li>
            <a href="#approved-minutes">Approved minutes</a>
          </li>
          <li>
            <a href="#tenant-top-ten">How we are doing: the tenant top ten</a>
          </li>
          <li>
            <a href="#improvements">What we have changed</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="agenda-packs" className="public-section">
        <h2 id="agenda-packs">Agenda packs</h2>
        <AgendaPackList packs={agendaPacks} />
      </section>

      <section aria-labelledby="approved-minutes" className="public-section">
        <h2 id="approved-minutes">Approved minutes</h2>
        <ApprovedMinutesList minutes={minutes} />
      </section>

      <section aria-labelledby="tenant-top-ten" className="public-section">
        <h2 id="tenant-top-ten">How we are doing: the tenant top ten</h2>
        {topTen.periodText ? (
          <p>
            Our latest published figures, for {topTen.periodText}. Some figures are counted every three months or once a year:
            each says which period it is for.
          </p>
        ) : null}
        <TenantTopTenList lines={topTen.lines} />
        <NotYetPublishedList items={topTen.notYetPublished} />
        <p className="public-screen-link">
          <a href={`/p/${org.slug}/screen`}>Show the tenant top ten on a reception screen</a>
        </p>
      </section>

      <section aria-labelledby="improvements" className="public-section">
        <h2 id="improvements">What we have changed</h2>
        {improvements.length === 0 ? (
          <p>Nothing to report yet.</p>
        ) : (
          <ul>
            {improvements.map((i) => (
              <li key={i.id} data-public-improvement>
                <p>{i.summary}</p>
                <p className="hint">
                  Since {i.madeOnText}
                  {i.measure ? `. ${i.measure}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </PublicLayout>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" className="container">
      <title>{notFound ? "Page not found" : "Sorry, there is a problem"}</title>
      <h1>{notFound ? "Page not found" : "Sorry, there is a problem with the service"}</h1>
      <p>{notFound ? "If you typed the web address, check it is correct." : "Try again later."}</p>
    </main>
  );
}
