/**
 * A select inside a table row: its own id (rows repeat the same field name), a label
 * that may be visually hidden when the row already says what it is for, and its error.
 */
export function RowSelect({
  id,
  name,
  label,
  options,
  defaultValue,
  error,
  hideLabel = true,
  form,
}: {
  id: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  error?: string;
  hideLabel?: boolean;
  /** The id of the row's form, when the select sits in another cell of the row. */
  form?: string;
}) {
  return (
    <div className={`row-field${error ? " row-field--error" : ""}`}>
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      {error ? (
        <span id={`${id}-error`} className="error-message">
          <span className="visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      <select
        id={id}
        name={name}
        form={form}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
