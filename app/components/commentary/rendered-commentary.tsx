import { TableRegion } from "~/components/ui/table-region";
import type { ActionRow, RenderedCommentaryData } from "~/shared/commentary/commentary-content";
import { COMMENTARY_SECTIONS } from "~/shared/commentary/commentary-sections";

/**
 * The commentary as stored, read only: what the page shows before the live editor has
 * loaded, and all it shows without JavaScript.
 */
export function RenderedCommentary({ data, idPrefix = "section" }: { data: RenderedCommentaryData; idPrefix?: string }) {
  return (
    <div className="commentary-sections" data-testid="rendered-commentary">
      {COMMENTARY_SECTIONS.map((section) => (
        <section key={section.field} className="commentary-section" aria-labelledby={`${idPrefix}-${section.field}`}>
          <h2 id={`${idPrefix}-${section.field}`} className="commentary-section__title">
            {section.title}
          </h2>
          {section.kind === "rich-text" ? (
            data.sections[section.field] ? (
              <div className="commentary-prose" dangerouslySetInnerHTML={{ __html: data.sections[section.field] }} />
            ) : (
              <p className="hint">Nothing written yet.</p>
            )
          ) : null}
          {section.kind === "actions" ? <RemedialActionsTable actions={data.actions} /> : null}
          {section.kind === "date" ? <p>{data.recoveryDate || <span className="hint">Not given yet.</span>}</p> : null}
        </section>
      ))}
    </div>
  );
}

/** The remedial actions, read only: shared by the stored rendering and a read-only live editor. */
export function RemedialActionsTable({ actions }: { actions: ActionRow[] }) {
  if (actions.length === 0) return <p className="hint">No actions yet.</p>;
  return (
    <TableRegion label="Remedial actions">
      <table className="table commentary-actions">
        <caption className="visually-hidden">Remedial actions: what, who, by when and how it is going</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id}>
              <td>{a.action || <span className="hint">No description</span>}</td>
              <td>{a.owner || <span className="hint">No owner</span>}</td>
              <td>{a.due || <span className="hint">No date</span>}</td>
              <td>{a.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
