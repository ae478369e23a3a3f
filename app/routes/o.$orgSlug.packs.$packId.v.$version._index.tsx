// One frozen version of a pack: its hash checked now, the changes from the version
// before, and the pack itself as the accessible web page (rendered from the stored
// canonical JSON, with the PDF's page numbers in its contents).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PackComparison } from "~/components/packs/pack-comparison";
import { PACK_CSS } from "~/components/packs/pack-css";
import { PackView } from "~/components/packs/pack-view";
import { formatUkDateTime } from "~/shared/dates";
import { comparePacks } from "~/shared/packs/compare-packs";
import type { PackDocument } from "~/shared/packs/pack-document";
import meetingsStylesheet from "~/styles/meetings.css?url";
import { requirePackVersion } from "~/utils/pack-version.server";
import { findPackVersion } from "../../db/queries/packs";
import { verifyPackVersion } from "../../server/packs/verify-pack";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pack.title}, version ${data.version.number} – Minuted` : "Pack – Minuted" },
];

export async function loader(args: LoaderFunctionArgs) {
  const { org, pack, meeting, version } = await requirePackVersion(args);
  const { db } = args.context.services;
  const document = JSON.parse(version.canonicalJson) as PackDocument;
  const verification = await verifyPackVersion(db, org.id, pack.id, version.version);
  const previous = version.version > 1 ? await findPackVersion(db, org.id, pack.id, version.version - 1) : null;
  const changes = previous ? comparePacks(JSON.parse(previous.canonicalJson) as PackDocument, document) : null;
  return {
    orgSlug: org.slug,
    packId: pack.id,
    meeting: { id: meeting.id, title: meeting.title },
    pack: document,
    version: {
      number: version.version,
      sha256: version.sha256,
      previousSha256: version.previousSha256,
      reason: version.reason,
      pageCount: version.pageCount,
      pageMap: version.pageMap,
      frozenByName: version.frozenByName,
      frozenAtText: formatUkDateTime(version.frozenAt),
    },
    verification,
    changes,
  };
}

export default function PackVersionPage() {
  const page = useLoaderData<typeof loader>();
  const { version, verification } = page;
  const base = `/o/${page.orgSlug}/packs/${page.packId}/v/${version.number}`;
  const verifyHref = `/api/v1/o/${page.orgSlug}/packs/${page.packId}/versions/${version.number}/verify`;
  const intact = verification?.matches && verification.chainIntact;
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: PACK_CSS }} />
      <p className="breadcrumbs">
        <Link to={`/o/${page.orgSlug}/meetings/${page.meeting.id}/pack`}>Packs of {page.meeting.title}</Link> › Version{" "}
        {version.number}
      </p>
      <h1>
        <span className="page-caption">Version {version.number}</span>
        {page.pack.title}
      </h1>
      <div className={intact ? "notification notification--success" : "error-summary"} role="status">
        <h2 className="notification__title">
          {intact ? "Verified: this is the version as it was frozen" : "Warning: this version does not match its record"}
        </h2>
        <p>
          Frozen by {version.frozenByName} on {version.frozenAtText}. SHA-256 of this version:{" "}
          <code className="hash">{version.sha256}</code>
        </p>
        {verification && !verification.matches ? (
          <p>
            The stored content now hashes to <code className="hash">{verification.computedSha256}</code>: it has been changed
            since it was frozen.
          </p>
        ) : null}
        {verification && !verification.chainIntact ? (
          <p>The link to the version before does not match that version’s hash.</p>
        ) : null}
        {version.previousSha256 ? (
          <p>
            Follows version {version.number - 1}, SHA-256 <code className="hash">{version.previousSha256}</code>.
          </p>
        ) : null}
        <p>
          <a href={verifyHref}>Check it again (verification API)</a>
        </p>
      </div>
      <ul className="meeting-links">
        <li>
          <a className="button" href={`${base}/pdf`}>
            Download the PDF ({version.pageCount} pages)
          </a>
        </li>
        <li>
          <a className="button button--secondary" href={`${base}/html`} download>
            Download the web page
          </a>
        </li>
      </ul>
      {page.changes ? (
        <section aria-labelledby="changes" className="pack-changes">
          <h2 id="changes">Changes from version {version.number - 1}</h2>
          <p>
            <strong>Reason for the correction:</strong> {version.reason}
          </p>
          <PackComparison changes={page.changes} />
        </section>
      ) : null}
      <PackView
        pack={page.pack}
        sha256={version.sha256}
        pageMap={version.pageMap}
        pageCount={version.pageCount}
        headingLevelOffset={1}
      />
    </>
  );
}
