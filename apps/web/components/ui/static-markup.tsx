import type { Html } from "@/public-page/html";
import "./static-markup.css";

/**
 * Shows markup built by public-page/html.ts (the charts and the results
 * table the public page renders), so the dashboard and the public page have
 * one source of that markup. Only `Html` is accepted: every value in it was
 * escaped when it was built. The wrapper is `display: contents`, so the
 * markup lays out as a direct child of the surrounding panel.
 */
export function StaticMarkup({ html }: { html: Html }) {
  return <div className="static-markup" dangerouslySetInnerHTML={{ __html: html.value }} />;
}
