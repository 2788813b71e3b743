import "./skeleton.css";

const WIDTHS = [92, 76, 84, 60, 70];

/** Grey lines standing in for content that is loading; announced once as busy. */
export function Skeleton({ lines = 3, label = "Loading" }: { lines?: number; label?: string }) {
  return (
    <div className="skeleton" role="status" aria-label={label} aria-busy="true">
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton-line" style={{ width: `${WIDTHS[i % WIDTHS.length]}%` }} />
      ))}
    </div>
  );
}
