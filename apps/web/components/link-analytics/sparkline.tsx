/**
 * Thirty days of views as a tiny line (oldest left). Decorative next to the
 * numbers it sits beside, so the label carries the figures for screen readers.
 */
export function Sparkline({
  points,
  width = 96,
  height = 24,
}: {
  points: number[];
  width?: number;
  height?: number;
}) {
  const max = Math.max(1, ...points);
  const step = points.length > 1 ? width / (points.length - 1) : width;
  const y = (value: number) => height - 2 - (value / max) * (height - 4);
  const line = points.map((value, i) => `${(i * step).toFixed(1)},${y(value).toFixed(1)}`).join(" ");
  const total = points.reduce((sum, value) => sum + value, 0);
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${total} views in the last ${points.length} days`}
      data-testid="sparkline"
    >
      <polyline points={`0,${height} ${line} ${width},${height}`} className="sparkline-area" />
      <polyline points={line} className="sparkline-line" />
    </svg>
  );
}
