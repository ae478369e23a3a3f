// A textarea with the same label, hint and error markup as TextField in
// ~/components/ui/form-fields, which has no textarea of its own. Only this page's figure
// form uses one, so it lives here rather than in the shared components.

export function TextArea({ name, label, hint, error, defaultValue, rows = 3 }: { name: string; label: string; hint?: string; error?: string; defaultValue?: string; rows?: number }) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <div id={`${name}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <span id={`${name}-error`} className="error-message">
          <span className="visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        className={error ? "input--error" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}
