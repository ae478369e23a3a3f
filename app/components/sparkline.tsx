/** A 13-period trend line. Decorative: the table beside it carries the figures in text. */
export function Sparkline({ values, width = 96, height = 24 }: { values: (number | null)[]; width?: number; height?: number }) {
  const present = values.filter((v): v is number => v !== null);
  if (present.length < 2) return <span className="hint">Not enough data</span>;
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = max - min || 1;
  const step = width / Math.max(values.length - 1, 1);
  const y = (v: number) => height - 2 - ((v - min) / span) * (height - 4);
  let d = "";
  values.forEach((v, i) => {
    if (v === null) return;
    d += `${d && values[i - 1] !== null ? "L" : "M"}${(i * step).toFixed(1)},${y(v).toFixed(1)}`;
  });
  const last = values.length - 1;
  const lastValue = values[last];
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
      className="sparkline"
    >
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" />
      {lastValue !== null ? <circle cx={last * step} cy={y(lastValue)} r="2.5" fill="currentColor" /> : null}
    </svg>
  );
}
