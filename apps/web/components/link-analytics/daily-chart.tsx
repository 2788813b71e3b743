import { formatShortDateUtc } from "@/public-page/format";

interface Day {
  date: string;
  views: number;
  unique_visitors: number;
  bot_views: number;
}

/** Views per UTC day as bars (bots on top in a lighter tone), with the peak and the span labelled. */
export function DailyChart({ daily }: { daily: Day[] }) {
  const width = 600;
  const height = 120;
  const max = Math.max(1, ...daily.map((d) => d.views + d.bot_views));
  const slot = width / Math.max(1, daily.length);
  const bar = Math.max(2, slot - 3);
  const scale = (n: number) => (n / max) * (height - 4);
  const total = daily.reduce((sum, d) => sum + d.views, 0);
  return (
    <figure className="daily-chart" data-testid="daily-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${total} views from ${daily[0]?.date ?? ""} to ${daily.at(-1)?.date ?? ""}`}
      >
        {daily.map((d, i) => (
          <g key={d.date}>
            <title>{`${d.date}: ${d.views} views, ${d.unique_visitors} visitors, ${d.bot_views} bot`}</title>
            <rect
              className="bar-bot"
              x={i * slot}
              width={bar}
              y={height - scale(d.views + d.bot_views)}
              height={scale(d.bot_views)}
            />
            <rect
              className="bar-view"
              x={i * slot}
              width={bar}
              y={height - scale(d.views)}
              height={scale(d.views)}
            />
          </g>
        ))}
      </svg>
      <figcaption className="muted small row-between">
        <span>{daily[0] ? formatShortDateUtc(`${daily[0].date}T00:00:00Z`) : ""}</span>
        <span>
          <span className="chart-key chart-key-view" /> views <span className="chart-key chart-key-bot" />{" "}
          bots
        </span>
        <span>{daily.at(-1) ? formatShortDateUtc(`${daily.at(-1)?.date}T00:00:00Z`) : ""}</span>
      </figcaption>
    </figure>
  );
}
