import type { Metadata, Viewport } from "next";
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
