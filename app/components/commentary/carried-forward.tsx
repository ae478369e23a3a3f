import { Link } from "@remix-run/react";
import { TableRegion } from "~/components/ui/table-region";

type CarriedForwardProps = {
  orgSlug: string;
  actions: {
    id: string;
    description: string;
    ownerName: string;
    dueText: string;
    statusText: string;
    raisedInText: string;
  }[];
  lastTime: { periodText: string; reasonHtml: string; recoveryDateText: string } | null;
};

/**
 * What this commentary carries from earlier months: the remedial actions earlier
 * commentaries raised, with their status from the action log (where progress is
 * reported), and last time's reason and recovery date for reference.
 */
export function CarriedForward({ orgSlug, actions, lastTime }: CarriedForwardProps) {
  if (actions.length === 0 && !lastTime) return null;
  return (
    <section className="carried-forward" aria-labelledby="carried-forward-heading">
      <h2 id="carried-forward-heading">Carried forward from earlier months</h2>
      {actions.length ? (
        <TableRegion label="Remedial actions carried forward">
          <table className="table">
            <caption>
              Remedial actions raised in earlier commentaries, as the action log has them now. Report progress on the action
              itself; while one is open, this commentary needs no new action.
            </caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">Raised</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={a.id} data-carried-action={a.id}>
                  <td>
                    <Link to={`/o/${orgSlug}/actions/${a.id}`}>{a.description}</Link>
                  </td>
                  <td>
                    <bdi>{a.ownerName}</bdi>
                  </td>
                  <td>{a.dueText}</td>
                  <td>{a.statusText}</td>
                  <td>{a.raisedInText}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      {lastTime ? (
        <div className="carried-forward__last-time">
          <h3>Last time ({lastTime.periodText})</h3>
          {lastTime.reasonHtml ? (
            <div className="commentary-prose" dangerouslySetInnerHTML={{ __html: lastTime.reasonHtml }} />
          ) : (
            <p className="hint">No reason was written.</p>
          )}
          <p>
            Expected recovery date then: <strong>{lastTime.recoveryDateText || "not given"}</strong>
          </p>
        </div>
      ) : null}
    </section>
  );
}
