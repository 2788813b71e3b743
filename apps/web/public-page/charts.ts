import type { EngineVisibility, RunTrendPoint } from "@sharelinks/core";
import { engineLabel, formatDateUtc, formatPercent, formatPosition, formatShortDateUtc } from "./format";
import { EM_DASH, type Html, html } from "./html";

/**
 * Charts as inline SVG: no script, no external asset. Bars are one small SVG
 * per row so their labels stay HTML text that reflows on a phone; the trend
 * line is drawn twice (wide and compact geometry) and CSS shows the one that
 * fits, because an SVG's text would otherwise shrink with its width. The
 * public page and the dashboard show the same markup (components/ui/static-markup.tsx).
 */

const clamp01 = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

export const engineBarsHtml = (engines: readonly EngineVisibility[]): Html => {
  if (engines.length === 0) return html`<p class="empty">No engine results in this snapshot.</p>`;
  const description = engines
    .map((engine) => `${engineLabel(engine.engine)}: ${formatPercent(engine.visibility_rate)}`)
    .join(", ");
  return html`<ul class="bars" data-chart="engines" aria-label="Visibility by engine. ${description}">${engines.map(
    (engine) => {
      const label = engineLabel(engine.engine);
      const percent = formatPercent(engine.visibility_rate);
      const width = clamp01(engine.visibility_rate) * 100;
      return html`<li class="bar-row"><span class="bar-label">${label}</span><svg class="bar-svg" viewBox="0 0 100 12" preserveAspectRatio="none" role="img" aria-label="${label} ${percent}"><rect x="0" y="0" width="${width.toFixed(2)}" height="12" class="bar-fill"></rect></svg><span class="bar-value"><strong>${percent}</strong><span class="muted"> ${engine.mentioned}/${engine.total}</span></span></li>`;
    },
  )}</ul>`;
};

/** Average rank per engine, under the bars: the other half of "how visible". */
export const enginePositionsHtml = (engines: readonly EngineVisibility[]): Html | null =>
  engines.length === 0
    ? null
    : html`<dl class="positions">${engines.map(
        (engine) =>
          html`<div><dt>${engineLabel(engine.engine)}</dt><dd>${
            engine.average_position === null ? EM_DASH : `#${formatPosition(engine.average_position)}`
          }</dd></div>`,
      )}</dl>`;

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

/** What both geometries share: each run's time, the description and the x labels' text, worked out once. */
interface TrendData {
  points: readonly RunTrendPoint[];
  times: number[];
  first: number;
  span: number;
  described: string;
  shortDates: string[];
}

const trendSvg = (
  { points, times, first, span, described, shortDates }: TrendData,
  geometry: Geometry,
  variant: string,
): Html => {
  const { width, height, left, right, top, bottom } = geometry;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
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
  const anchorOf = (i: number) =>
    points.length === 1 ? "middle" : i === 0 ? "start" : i === points.length - 1 ? "end" : "middle";

  return html`<svg class="trend-svg trend-${variant}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Visibility trend across ${points.length} runs: ${described}">${ticks.map(
    (tick) =>
      html`<g><line x1="${left}" x2="${width - right}" y1="${y(tick)}" y2="${y(tick)}" class="gridline"></line><text x="${left - 8}" y="${y(tick) + 4}" text-anchor="end" class="axis">${`${tick * 100}%`}</text></g>`,
  )}${points.length > 1 ? html`<path d="${area}" class="trend-area"></path><path d="${line}" class="trend-line"></path>` : null}${coords.map(
    ([px, py]) => html`<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="4" class="trend-dot"></circle>`,
  )}${labelled.map(
    (i) =>
      html`<text x="${(coords[i]?.[0] ?? left).toFixed(1)}" y="${height - 12}" text-anchor="${anchorOf(i)}" class="axis">${shortDates[i]}</text>`,
  )}${
    lastPoint
      ? html`<text x="${Math.min(lastPoint[0], width - right).toFixed(1)}" y="${Math.max(lastPoint[1] - 10, top + 2).toFixed(1)}" text-anchor="${points.length === 1 ? "middle" : "end"}" class="trend-value">${formatPercent(lastRate)}</text>`
      : null
  }</svg>`;
};

export const trendChartHtml = (trend: readonly RunTrendPoint[]): Html => {
  if (trend.length === 0) return html`<p class="empty">No completed runs yet.</p>`;
  // Date.parse, not new Date: Next.js wraps the Date constructor (see format.ts).
  const times = trend.map((point) => Date.parse(point.completed_at));
  const first = Math.min(...times);
  const data: TrendData = {
    points: trend,
    times,
    first,
    span: Math.max(...times) - first,
    described: trend
      .map((point) => `${formatDateUtc(point.completed_at)} ${formatPercent(point.visibility_rate)}`)
      .join(", "),
    shortDates: trend.map((point) => formatShortDateUtc(point.completed_at)),
  };
  return html`<div class="trend" data-chart="trend">${trendSvg(data, WIDE, "wide")}${trendSvg(data, COMPACT, "compact")}${
    trend.length === 1
      ? html`<p class="muted small">The trend line appears after the second completed run.</p>`
      : null
  }</div>`;
};
