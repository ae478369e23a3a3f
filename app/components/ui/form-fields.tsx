import { useEffect, useRef, type InputHTMLAttributes } from "react";

/** A GOV.UK-style error summary: focused on arrival, each error links to its field. */
export function ErrorSummary({ errors }: { errors: Record<string, string> | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {});
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [errors]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!entries.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            {field === "form" ? message : <a href={`#${field}`}>{message}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
};

export function TextField({ name, label, hint, error, id = name, ...input }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="error-message">
          <span className="visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      <input
        id={id}
        name={name}
        className={error ? "input--error" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
    </div>
  );
}

export function SelectField({
  name,
  label,
  options,
  error,
  defaultValue,
  hint,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  error?: string;
  defaultValue?: string;
  hint?: string;
}) {
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? <div id={`${name}-hint`} className="hint">{hint}</div> : null}
      {error ? <span id={`${name}-error`} className="error-message"><span className="visually-hidden">Error:</span> {error}</span> : null}
      <select id={name} name={name} defaultValue={defaultValue} aria-describedby={[hint ? `${name}-hint` : "", error ? `${name}-error` : ""].join(" ").trim() || undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
