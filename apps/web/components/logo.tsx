import "./logo.css";

/** The sharelinks mark and word. */
export function Logo() {
  return (
    <span className="logo">
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <rect width="24" height="24" rx="6" fill="currentColor" />
        <path
          d="M10.5 13.5a3 3 0 0 0 4.24 0l2.3-2.3a3 3 0 0 0-4.24-4.24l-.7.7M13.5 10.5a3 3 0 0 0-4.24 0l-2.3 2.3a3 3 0 0 0 4.24 4.24l.7-.7"
          fill="none"
          stroke="#fff"
          strokeWidth="1.8"
          strokeLinecap="round"
        />
      </svg>
      <span>sharelinks</span>
    </span>
  );
}
