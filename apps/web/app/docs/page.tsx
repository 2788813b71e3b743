import type { Metadata } from "next";
import { ApiReference } from "@/components/api-docs/api-reference";
import { hasSessionCookie } from "@/lib/session";

export const metadata: Metadata = { title: "API reference", robots: { index: true, follow: true } };

export default async function DocsPage() {
  return <ApiReference signedIn={await hasSessionCookie()} />;
}
