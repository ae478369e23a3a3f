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
          <li key={field}>{field === "form" ? message : <a href={`#${field}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

/** Label, hint and error in the GOV.UK pattern, wrapped around one control. */
function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: React.ReactNode;
}) {
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
      {children}
    </div>
  );
}

/** The attributes that tie a control to its hint and error. */
function describedControl(id: string, hint?: string, error?: string) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return {
    id,
    className: error ? "input--error" : undefined,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  };
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
};

export function TextField({ name, label, hint, error, id = name, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {/* type="text" unless told otherwise: the stylesheet styles text inputs by their type. */}
      <input type="text" name={name} {...describedControl(id, hint, error)} {...input} />
    </Field>
  );
}

export function TextArea({
  name,
  label,
  hint,
  error,
  defaultValue,
  rows = 3,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  rows?: number;
}) {
  return (
    <Field id={name} label={label} hint={hint} error={error}>
      <textarea name={name} rows={rows} defaultValue={defaultValue} {...describedControl(name, hint, error)} />
    </Field>
  );
}

/**
 * A select with its label. `id` defaults to the name; give another where two forms on one
 * page send the same name (a label finds its control by id, so a repeated id leaves the
 * second control without a name).
 */
export function SelectField({
  name,
  id = name,
  label,
  options,
  error,
  defaultValue,
  hint,
}: {
  name: string;
  id?: string;
  label: string;
  options: { value: string; label: string }[];
  error?: string;
  defaultValue?: string;
  hint?: string;
}) {
  const { className: _unused, ...control } = describedControl(id, hint, error);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select name={name} defaultValue={defaultValue} {...control}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
