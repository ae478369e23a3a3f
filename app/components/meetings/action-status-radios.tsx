import { ACTION_STATUS_LABELS, SETTABLE_ACTION_STATUSES } from "~/shared/meetings/action-status";

/**
 * The status an officer sets when reporting progress on an action: on the action log's
 * action page and on a plan action's page alike. The first radio has the id "status",
 * so that the error summary's link to the field lands on it.
 */
export function ActionStatusRadios({ checked, error }: { checked: string | undefined; error?: string }) {
  return (
    <fieldset className="radios" aria-describedby={error ? "status-error" : undefined}>
      <legend>Status</legend>
      {error ? (
        <span id="status-error" className="error-message">
          <span className="visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      {SETTABLE_ACTION_STATUSES.map((status, index) => {
        const id = index === 0 ? "status" : `status-${status}`;
        return (
          <div className="radios__item" key={status}>
            <input type="radio" name="status" id={id} value={status} defaultChecked={checked === status} />
            <label htmlFor={id}>{ACTION_STATUS_LABELS[status]}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
