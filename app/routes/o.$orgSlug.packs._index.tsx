import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptySection } from "~/components/empty-section";
import { TableRegion } from "~/components/ui/table-region";
import { formatUkDate, formatUkDateTime } from "~/shared/dates";
import { MEETING_STATUS_LABELS } from "~/shared/meetings/labels";
import { requireOrgMember } from "~/utils/auth.server";
import { listPacksOfOrganisation } from "../../db/queries/packs";

export const meta: MetaFunction = () => [{ title: "Packs – Minuted" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireOrgMember(request, context, params.orgSlug);
  const packs = await listPacksOfOrganisation(context.services.db, org.id);
  return {
    orgSlug: org.slug,
    packs: packs.map(({ pack, meeting, bodyName, latest }) => ({
      id: pack.id,
      kind: pack.kind,
      bodyName,
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      meetingDate: formatUkDate(meeting.startsAt),
      meetingStatus: MEETING_STATUS_LABELS[meeting.status],
      latest: latest
        ? {
            version: latest.version,
            sha256: latest.sha256,
            frozenAtText: formatUkDateTime(latest.frozenAt),
            pageCount: latest.pageCount,
          }
        : null,
    })),
  };
}

export default function PacksPage() {
  const { orgSlug, packs } = useLoaderData<typeof loader>();
  if (packs.length === 0) {
    return (
      <EmptySection title="Packs">
        No packs have been published yet. Publish a meeting’s agenda pack from its page (Meetings, then the meeting, then
        “Packs”); its minuted pack is frozen there once the meeting has closed.
      </EmptySection>
    );
  }
  return (
    <>
      <h1>Packs</h1>
      <p>Every agenda pack and minuted pack, newest meeting first. A version never changes: a correction is a new version.</p>
      <TableRegion label="Packs">
        <table>
          <caption className="visually-hidden">Packs</caption>
          <thead>
            <tr>
              <th scope="col">Meeting</th>
              <th scope="col">Pack</th>
              <th scope="col">Latest version</th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {packs.map((pack) => (
              <tr key={pack.id}>
                <th scope="row">
                  <Link to={`/o/${orgSlug}/meetings/${pack.meetingId}/pack`}>
                    {pack.bodyName}, {pack.meetingDate}
                  </Link>
                  <br />
                  <span className="hint">{pack.meetingStatus}</span>
                </th>
                <td>{pack.kind === "agenda" ? "Agenda pack" : "Minuted pack"}</td>
                <td>
                  {pack.latest ? (
                    <>
                      <Link to={`/o/${orgSlug}/packs/${pack.id}/v/${pack.latest.version}`}>Version {pack.latest.version}</Link>,{" "}
                      {pack.latest.frozenAtText} ({pack.latest.pageCount} pages)
                    </>
                  ) : (
                    "None yet"
                  )}
                </td>
                <td>{pack.latest ? <code className="hash">{pack.latest.sha256.slice(0, 16)}…</code> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
