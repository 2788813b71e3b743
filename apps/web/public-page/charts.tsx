/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EngineVisibility, RunTrendPoint } from "@sharelinks/core";
import { engineLabel, formatDateUtc, formatPercent, formatPosition, formatShortDateUtc } from "./format";

/**
 * Charts as inline SVG: no script, no external asset. Bars are one small SVG
 * per row so their labels stay HTML text that reflows on a phone; the trend
 * line is drawn twice (wide and compact geometry) and CSS shows the one that
 * fits, because an SVG's text would otherwise shrink with its width.
 */

const clamp01 = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

export function EngineBars({ engines }: { engines: EngineVisibility[] }) {
  if (engines.length === 0) {
    return <p className="empty">No engine results in this snapshot.</p>;
  }
  const description = engines
    .map((engine) => `${engineLabel(engine.engine)}: ${formatPercent(engine.visibility_rate)}`)
    .join(", ");
  return (
    <ul className="bars" data-chart="engines" aria-label={`Visibility by engine. ${description}`}>
      {engines.map((engine) => {
        const width = clamp01(engine.visibility_rate) * 100;
        return (
          <li key={engine.engine} className="bar-row">
            <span className="bar-label">{engineLabel(engine.engine)}</span>
            <svg
              className="bar-svg"
              viewBox="0 0 100 12"
              preserveAspectRatio="none"
              role="img"
              aria-label={`${engineLabel(engine.engine)} ${formatPercent(engine.visibility_rate)}`}
            >
              <rect x="0" y="0" width="100" height="12" className="bar-track" />
              <rect x="0" y="0" width={width.toFixed(2)} height="12" className="bar-fill" />
            </svg>
            <span className="bar-value">
              <strong>{formatPercent(engine.visibility_rate)}</strong>
              <span className="muted">
                {" "}
                {engine.mentioned}/{engine.total}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Average rank per engine, under the bars: the other half of "how visible". */
export function EnginePositions({ engines }: { engines: EngineVisibility[] }) {
  if (engines.length === 0) return null;
  return (
    <dl className="positions">
      {engines.map((engine) => (
        <div key={engine.engine}>
          <dt>{engineLabel(engine.engine)}</dt>
          <dd>{engine.average_position === null ? "—" : `#${formatPosition(engine.average_position)}`}</dd>
        </div>
      ))}
    </dl>
  );
}

interface Geometry {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  maxXLabels: number;
}

// Wide is sized for the half-width card on a desktop, compact for a phone, so text renders near 1:1.
const WIDE: Geometry = { width: 460, height: 240, left: 44, right: 20, top: 20, bottom: 34, maxXLabels: 5 };
const COMPACT: Geometry = {
  width: 340,
  height: 220,
  left: 42,
  right: 18,
  top: 18,
  bottom: 34,
  maxXLabels: 3,
};

/**
 * Indices of the points that get an x label: the first and the last always,
 * others only where they do not crowd a neighbour (points are time-spaced, so
 * two runs a day apart would otherwise print on top of each other).
 */
const labelIndices = (xs: number[], max: number, minGap: number): number[] => {
  const count = xs.length;
  if (count <= 1) return count === 1 ? [0] : [];
  const lastX = xs[count - 1] as number;
  const picked = [0];
  const wanted = new Set<number>();
  for (let i = 1; i < max - 1; i += 1) wanted.add(Math.round((i * (count - 1)) / (max - 1)));
  for (let i = 1; i < count - 1; i += 1) {
    if (count > max && !wanted.has(i)) continue;
    const x = xs[i] as number;
    const previous = xs[picked.at(-1) as number] as number;
    if (x - previous >= minGap && lastX - x >= minGap) picked.push(i);
  }
  picked.push(count - 1);
  return picked;
};

function TrendSvg({
  points,
  geometry,
  variant,
}: {
  points: RunTrendPoint[];
  geometry: Geometry;
  variant: string;
}) {
  const { width, height, left, right, top, bottom } = geometry;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const times = points.map((point) => new Date(point.completed_at).getTime());
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = last - first;
  const x = (i: number) => {
    if (points.length === 1) return left + plotW / 2;
    // Time-proportional when the runs carry distinct times, evenly spaced otherwise.
    const t = times[i] as number;
    const ratio = span > 0 && Number.isFinite(t) ? (t - first) / span : i / (points.length - 1);
    return left + ratio * plotW;
  };
  const y = (rate: number) => top + (1 - clamp01(rate)) * plotH;
  const coords = points.map((point, i) => [x(i), y(point.visibility_rate)] as const);
  const line = coords
    .map(([px, py], i) => `${i === 0 ? "M" : "L"}${px.toFixed(1)} ${py.toFixed(1)}`)
    .join(" ");
  const baseline = top + plotH;
  const firstX = coords[0]?.[0] ?? left;
  const lastX = coords.at(-1)?.[0] ?? left;
  const area = `${line} L${lastX.toFixed(1)} ${baseline} L${firstX.toFixed(1)} ${baseline} Z`;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const labelled = labelIndices(
    coords.map(([px]) => px),
    geometry.maxXLabels,
    54,
  );
  const lastPoint = coords.at(-1);
  const lastRate = points.at(-1)?.visibility_rate ?? 0;

  return (
    <svg
      className={`trend-svg trend-${variant}`}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Visibility trend across ${points.length} runs: ${points
        .map((point) => `${formatDateUtc(point.completed_at)} ${formatPercent(point.visibility_rate)}`)
        .join(", ")}`}
    >
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} className="gridline" />
          <text x={left - 8} y={y(tick) + 4} textAnchor="end" className="axis">
            {`${tick * 100}%`}
          </text>
        </g>
      ))}
      {points.length > 1 ? <path d={area} className="trend-area" /> : null}
      {points.length > 1 ? <path d={line} className="trend-line" /> : null}
      {coords.map(([px, py], i) => (
        <circle
          key={points[i]?.run_id ?? i}
          cx={px.toFixed(1)}
          cy={py.toFixed(1)}
          r="4"
          className="trend-dot"
        />
      ))}
      {labelled.map((i) => (
        <text
          key={`x${i}`}
          x={(coords[i]?.[0] ?? left).toFixed(1)}
          y={height - 12}
          textAnchor={
            points.length === 1 ? "middle" : i === 0 ? "start" : i === points.length - 1 ? "end" : "middle"
          }
          className="axis"
        >
          {formatShortDateUtc(points[i]?.completed_at ?? "")}
        </text>
      ))}
      {lastPoint ? (
        <text
          x={Math.min(lastPoint[0], width - right).toFixed(1)}
          y={Math.max(lastPoint[1] - 10, top + 2).toFixed(1)}
          textAnchor={points.length === 1 ? "middle" : "end"}
          className="trend-value"
        >
          {formatPercent(lastRate)}
        </text>
      ) : null}
    </svg>
  );
}

export function TrendChart({ trend }: { trend: RunTrendPoint[] }) {
  if (trend.length === 0) return <p className="empty">No completed runs yet.</p>;
  return (
    <div className="trend" data-chart="trend">
      <TrendSvg points={trend} geometry={WIDE} variant="wide" />
      <TrendSvg points={trend} geometry={COMPACT} variant="compact" />
      {trend.length === 1 ? (
        <p className="muted small">The trend line appears after the second completed run.</p>
      ) : null}
    </div>
  );
}
