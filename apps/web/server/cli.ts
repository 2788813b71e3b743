import { runCli } from "./cli/run";

// `pnpm sharelinks <command>` runs this file from source; `node dist/cli.mjs <command>` is it bundled.
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
