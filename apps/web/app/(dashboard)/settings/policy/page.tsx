import type { Metadata } from "next";
import { SharePolicySettings } from "@/components/settings/share-policy-settings";

export const metadata: Metadata = { title: "Link policy" };

export default function SharePolicyPage() {
  return <SharePolicySettings />;
}
