import type { ReactNode } from "react";

/**
 * The dashboard's line icons: 24-unit grid, drawn in currentColor so the
 * surrounding text colour (and the empty-state tone) decides their colour.
 */
function Icon({ size = 24, children }: { size?: number; children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const AlertIcon = () => (
  <Icon>
    <path d="M12 8v5m0 3.5h.01M10.3 3.9 2.6 17.2A2 2 0 0 0 4.3 20h15.4a2 2 0 0 0 1.7-2.8L13.7 3.9a2 2 0 0 0-3.4 0Z" />
  </Icon>
);

export const InboxIcon = () => (
  <Icon>
    <path d="M3 13h5l1.5 3h5L16 13h5M5.5 5h13L21 13v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-6l2.5-8Z" />
  </Icon>
);

export const CheckIcon = () => (
  <Icon size={16}>
    <path d="m5 12.5 4.5 4.5L19 7.5" />
  </Icon>
);

export const ReportIcon = () => (
  <Icon>
    <path d="M4 20V10m6 10V4m6 16v-7m4 7H2" />
  </Icon>
);

export const ScheduleIcon = () => (
  <Icon>
    <path d="M12 7v5l3 2m6-2a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z" />
  </Icon>
);

export const LinkIcon = () => (
  <Icon>
    <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
  </Icon>
);

export const KeyIcon = () => (
  <Icon>
    <path d="M15 7a4 4 0 1 1-3.46 6H9l-2 2-2-2 2-2h4.54A4 4 0 0 1 15 7Zm1 3h.01" />
  </Icon>
);

export const SearchIcon = () => (
  <Icon>
    <path d="m20 20-4.5-4.5M17 10.5a6.5 6.5 0 1 1-13 0 6.5 6.5 0 0 1 13 0Z" />
  </Icon>
);

export const DocIcon = () => (
  <Icon>
    <path d="M7 4h8l4 4v12H7zM15 4v4h4M10 13h6M10 17h6" />
  </Icon>
);

export const WebhookIcon = () => (
  <Icon>
    <path d="M9 7.5a3 3 0 1 1 4.5 2.6L16 15m-8.5 1.5a3 3 0 1 1 1-5.8M16.5 19.5a3 3 0 1 1 0-6 3 3 0 0 1 2.6 1.5M8 16.5h8" />
  </Icon>
);

export const ShieldIcon = () => (
  <Icon>
    <path d="M12 3 5 6v5c0 4.5 3 8.2 7 10 4-1.8 7-5.5 7-10V6zM9 12l2 2 4-4" />
  </Icon>
);
