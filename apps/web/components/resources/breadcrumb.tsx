import Link from "next/link";

/** "← Reports": the way back from a detail page to its list. */
export function Breadcrumb({ href, label }: { href: string; label: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link href={href}>{label}</Link>
    </nav>
  );
}
