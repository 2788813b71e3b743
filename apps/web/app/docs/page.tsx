import type { Metadata } from "next";
import { ApiReference } from "@/components/api-docs/api-reference";
import { hasSessionCookie } from "@/lib/session";

export const metadata: Metadata = { title: "API reference" };

export default async function DocsPage() {
  return <ApiReference signedIn={await hasSessionCookie()} />;
}
