/** A tiny SVG line for headline figures (no chart library on the home page). */
export function Sparkline({ values, label }: { values: readonly (number | null)[]; label: string }) {
  const points = values.map((v, i) => ({ i, v })).filter((p): p is { i: number; v: number } => p.v !== null);
  if (points.length < 2) return null;
  const w = 120;
  const h = 32;
  const max = Math.max(...points.map((p) => p.v));
  const min = Math.min(...points.map((p) => p.v));
  const x = (i: number) => (i / (values.length - 1)) * (w - 4) + 2;
  const y = (v: number) => h - 3 - ((v - min) / (max - min || 1)) * (h - 6);
  const d = points.map((p, k) => `${k ? "L" : "M"}${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(" ");
  const last = points[points.length - 1];
  return (
    <svg className="sparkline" viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={label}>
      <path d={d} fill="none" stroke="currentColor" strokeWidth="2" />
      {last && <circle cx={x(last.i)} cy={y(last.v)} r="3" fill="currentColor" />}
    </svg>
  );
}
