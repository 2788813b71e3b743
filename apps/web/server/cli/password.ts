import { createInterface } from "node:readline";
import { CliError, type CliIo } from "./io";

/** Reads one line from a terminal without echoing it. */
const askHidden = (io: CliIo, question: string) =>
  new Promise<string>((resolve, reject) => {
    io.stderr.write(question);
    const stdin = io.stdin;
    stdin.setRawMode?.(true);
    stdin.resume();
    let typed = "";
    const finish = (error: Error | null) => {
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.off("data", onData);
      io.stderr.write("\n");
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString("utf8")) {
        if (char === "\r" || char === "\n") return finish(null);
        // Ctrl-C and Ctrl-D end the prompt without a password.
        if (char === "\u0003" || char === "\u0004") return finish(new CliError("no password given"));
        if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on("data", onData);
  });

/** The first line of standard input, for scripts: `echo "$PASSWORD" | pnpm sharelinks create-user ...`. */
const firstLineOfStdin = (io: CliIo) =>
  new Promise<string>((resolve) => {
    const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    let first: string | null = null;
    lines.once("line", (line) => {
      first = line;
      lines.close();
    });
    lines.once("close", () => resolve(first ?? ""));
  });

/**
 * The new user's password: asked twice on a terminal, read from standard input
 * otherwise. Its rules (length) are core's, checked by the caller's schema.
 */
export const readNewPassword = async (io: CliIo, email: string): Promise<string> => {
  if (!io.stdin.isTTY) {
    const password = await firstLineOfStdin(io);
    if (password === "")
      throw new CliError("no password on standard input (or run it in a terminal to be asked)");
    return password;
  }
  const password = await askHidden(io, `Password for ${email}: `);
  const again = await askHidden(io, "Repeat it: ");
  if (password !== again) throw new CliError("the two passwords differ");
  return password;
};
