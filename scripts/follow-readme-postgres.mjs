// CI step: follows the README's "Run on PostgreSQL" section literally (its one
// shell block, run by bash as written), with only the database's name made
// unique so a run never meets an earlier one's data. Passes when the server it
// starts answers /healthz and the user the section created can sign in.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const section = readme.split(/^## /m).find((s) => s.startsWith("Run on PostgreSQL"));
const block = section?.match(/```sh\n([\s\S]*?)```/)?.[1];
if (!block) {
  console.error('follow-readme: README.md has no "## Run on PostgreSQL" section with a ```sh block');
  process.exit(1);
}
const database = `sharelinks_readme_${process.pid}`;
const script = block
  .replaceAll("/sharelinks\n", `/${database}\n`)
  .replace(/createdb (.*) sharelinks\b/, `createdb $1 ${database}`);
if (!script.includes(database)) {
  console.error(
    "follow-readme: the block no longer names the database 'sharelinks' where this check expects it",
  );
  process.exit(1);
}
const email = script.match(/--email (\S+)/)?.[1];
const password = script.match(/echo '([^']+)' \|/)?.[1];
const port = 3900 + (process.pid % 90);
const base = `http://localhost:${port}`;

const child = spawn("bash", ["-euo", "pipefail", "-c", script], {
  cwd: root,
  env: { ...process.env, PORT: String(port), DATABASE_URL: "" },
  stdio: ["ignore", "inherit", "inherit"],
  detached: true,
});
let exited = null;
child.on("exit", (code) => {
  exited = code ?? 1;
});

const dropDatabase = () =>
  spawnSync(
    "psql",
    ["-h", "127.0.0.1", "-U", "postgres", "-qc", `drop database if exists ${database} with (force)`],
    {
      stdio: "inherit",
    },
  );

const finish = (ok, why) => {
  try {
    process.kill(-child.pid, "SIGINT");
  } catch {}
  setTimeout(() => {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
    dropDatabase();
    console.log(`follow-readme: ${ok ? "OK" : "FAILED"}: ${why}`);
    process.exit(ok ? 0 : 1);
  }, 3_000);
};

const deadline = Date.now() + 15 * 60_000;
for (;;) {
  if (exited !== null) finish(false, `the block stopped (exit ${exited}) before the server answered`);
  if (exited !== null) break;
  if (Date.now() > deadline) {
    finish(false, "no healthy server after 15 minutes");
    break;
  }
  const healthy = await fetch(`${base}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
  if (healthy) {
    const signIn = await fetch(`${base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email, password }),
    });
    const body = await signIn.text();
    finish(signIn.ok && body.includes(email), `server healthy; sign-in as ${email}: HTTP ${signIn.status}`);
    break;
  }
  await new Promise((r) => setTimeout(r, 1_000));
}
