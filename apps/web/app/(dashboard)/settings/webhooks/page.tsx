import type { Metadata } from "next";
import { WebhookSettings } from "@/components/webhooks/webhook-settings";

export const metadata: Metadata = { title: "Webhooks" };

export default function WebhooksSettingsPage() {
  return <WebhookSettings />;
}
