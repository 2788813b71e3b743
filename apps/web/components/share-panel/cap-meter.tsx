import "./cap-meter.css";

/** "3 of 50 links in use", with a bar that turns amber near the cap and red at it. */
export function CapMeter({ active, limit }: { active: number; limit: number }) {
  const ratio = limit > 0 ? Math.min(1, active / limit) : 0;
  const tone = active >= limit ? "full" : ratio >= 0.8 ? "high" : "ok";
  return (
    <div className={`cap cap-${tone}`} data-testid="cap-meter">
      <span className="cap-text">
        <strong>{active}</strong> of {limit} links in use
      </span>
      <span className="cap-bar" aria-hidden="true">
        <span style={{ width: `${ratio * 100}%` }} />
      </span>
    </div>
  );
}
