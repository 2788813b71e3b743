import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/lib/providers";
import "./styles/tokens.css";
import "./globals.css";
import "./styles/surfaces.css";
import "./styles/table.css";

export const metadata: Metadata = {
  title: { default: "sharelinks", template: "%s · sharelinks" },
  description: "Publish private reports as public share links",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#4F46E5",
};

/**
 * Every page is rendered per request: the front door gives each response a
 * fresh CSP nonce, and Next.js can only put it on the scripts of a page it
 * renders now (a prerendered page's scripts would be blocked).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
