export function MethodBadge({ method, small }: { method: string; small?: boolean }) {
  return (
    <span className={`method method-${method}${small ? " method-sm" : ""}`}>{method.toUpperCase()}</span>
  );
}
