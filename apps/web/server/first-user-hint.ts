/**
 * What the start line adds while the database has no users (PostgreSQL is
 * never seeded): how to create the first brand and user with the onboarding CLI.
 * The npm form works on a machine with only Node and npm (README "Run on PostgreSQL").
 */
export const firstUserHint = (): string[] => [
  "  no users yet: create the first brand and user with the onboarding CLI",
  '    BRAND_ID=$(npm run -s sharelinks -- create-brand --name "Your company")',
  '    npm run -s sharelinks -- create-user --brand "$BRAND_ID" --email you@example.com --role manager',
  "    (asks for the password; with pnpm: pnpm -s sharelinks <command>; production bundle: node cli.mjs <command>;",
  "    --help lists every command)",
];
