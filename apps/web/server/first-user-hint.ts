/**
 * What the start line adds while the database has no users (PostgreSQL is
 * never seeded): how to create the first brand and user with the onboarding CLI.
 */
export const firstUserHint = (): string[] => [
  "  no users yet: create the first brand and user with the onboarding CLI",
  '    BRAND_ID=$(pnpm -s sharelinks create-brand --name "Your company")',
  '    pnpm -s sharelinks create-user --brand "$BRAND_ID" --email you@example.com --role manager',
  "    (asks for the password; production bundle: node dist/cli.mjs <command>; --help lists every command)",
];
