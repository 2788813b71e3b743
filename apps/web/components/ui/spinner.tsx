import "./spinner.css";

/** Decorative unless labelled: a labelled spinner is announced as a status. */
export function Spinner({ label }: { label?: string }) {
  return (
    <span
      className="spinner"
      {...(label ? { role: "status", "aria-label": label } : { "aria-hidden": true })}
    >
      <span aria-hidden="true" />
    </span>
  );
}
