import { Link } from "@remix-run/react";
import { TableRegion } from "~/components/ui/table-region";

export type PackVersionRow = {
  version: number;
  sha256: string;
  reason: string;
  pageCount: number;
  frozenByName: string;
  frozenAtText: string;
};

/** Every frozen version of a pack, newest first, with its hash and what can be done with it. */
export function PackVersionsTable({
  orgSlug,
  packId,
  versions,
  caption,
}: {
  orgSlug: string;
  packId: string;
  versions: PackVersionRow[];
  caption: string;
}) {
  const base = `/o/${orgSlug}/packs/${packId}/v`;
  return (
    <TableRegion label={caption}>
      <table className="pack-versions">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Frozen</th>
            <th scope="col">Reason</th>
            <th scope="col">SHA-256</th>
            <th scope="col">Read</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <th scope="row">Version {v.version}</th>
              <td>
                {v.frozenAtText}
                <br />
                by {v.frozenByName}
              </td>
              <td>{v.reason || (v.version === 1 ? "First version" : "")}</td>
              <td>
                <code className="hash">{v.sha256}</code>
              </td>
              <td>
                <ul className="link-list">
                  <li>
                    <Link to={`${base}/${v.version}`}>
                      Web page<span className="visually-hidden"> of version {v.version}</span>
                    </Link>
                  </li>
                  <li>
                    <a href={`${base}/${v.version}/pdf`}>
                      PDF<span className="visually-hidden"> of version {v.version}</span> ({v.pageCount} pages)
                    </a>
                  </li>
                  {v.version > 1 ? (
                    <li>
                      <Link to={`${base}/${v.version}#changes`}>Changes from version {v.version - 1}</Link>
                    </li>
                  ) : null}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
