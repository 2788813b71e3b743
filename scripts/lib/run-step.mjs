// One step of scripts/check.mjs: a command whose output passes through whole
// lines at a time (two lanes share the terminal), with a copy kept to count
// tests from, and how long it took.
import { spawn } from "node:child_process";

const passThrough = (stream, to, keep) => {
  let pending = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    keep(chunk);
    const text = pending + chunk;
    const end = text.lastIndexOf("\n");
    if (end === -1) {
      pending = text;
      return;
    }
    to.write(text.slice(0, end + 1));
    pending = text.slice(end + 1);
  });
  stream.on("end", () => {
    if (pending) to.write(`${pending}\n`);
  });
};

/** Resolves (never rejects) with the step's exit code, output and seconds. */
export const runStep = ({ name, command, args, cwd, env }) =>
  new Promise((resolve) => {
    const started = Date.now();
    let output = "";
    const keep = (chunk) => {
      output += chunk;
    };
    const child = spawn(command, args, { cwd, env, stdio: ["inherit", "pipe", "pipe"] });
    passThrough(child.stdout, process.stdout, keep);
    passThrough(child.stderr, process.stderr, keep);
    let finished = false;
    const finish = (code) => {
      if (finished) return;
      finished = true;
      const seconds = Math.round((Date.now() - started) / 1000);
      process.stdout.write(`[npm test] ${name}: ${code === 0 ? "ok" : "FAILED"} in ${seconds} s\n`);
      resolve({ name, code, output, seconds });
    };
    child.on("error", (error) => {
      output += String(error);
      finish(1);
    });
    child.on("close", (code) => finish(code ?? 1));
  });
