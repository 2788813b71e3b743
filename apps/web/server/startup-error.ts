/**
 * The one line a failed start prints. A database that cannot be reached or
 * does not exist is an operator's problem, not a bug: the line names the
 * host, port and error code (or the missing database) and no stack trace.
 * The URL's user and password are never printed.
 */

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P03",
  "53300",
  "28P01",
  "28000",
]);

const chainOf = (error: unknown): { code?: unknown; message?: unknown }[] => {
  const chain: { code?: unknown; message?: unknown }[] = [];
  let current = error;
  for (let depth = 0; depth < 8 && current !== null && typeof current === "object"; depth++) {
    chain.push(current as { code?: unknown });
    const next = current as { cause?: unknown; errors?: unknown[] };
    current = next.cause ?? (Array.isArray(next.errors) ? next.errors[0] : undefined);
  }
  return chain;
};

/** host:port and database name of a postgres:// URL (defaults as libpq has them). */
export const describeDatabaseUrl = (url: string): { host: string; port: string; database: string } | null => {
  try {
    const parsed = new URL(url);
    return {
      host: decodeURIComponent(parsed.hostname) || "localhost",
      port: parsed.port || "5432",
      database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username),
    };
  } catch {
    return null;
  }
};

const REASONS: Record<string, string> = {
  "28P01": "password authentication failed",
  "28000": "the server refused this user",
  "53300": "the server has no connection slots left",
  "57P03": "the server is starting up or shutting down",
};

export const startupErrorLine = (error: unknown, databaseUrl: string | undefined): string => {
  const chain = chainOf(error);
  const codes = chain.map((e) => e.code).filter((code): code is string => typeof code === "string");
  const target = databaseUrl?.startsWith("postgres") ? describeDatabaseUrl(databaseUrl) : null;
  if (target !== null) {
    if (codes.includes("3D000")) {
      return `sharelinks failed to start: database "${target.database}" does not exist on ${target.host}:${target.port} (create it, or fix DATABASE_URL)`;
    }
    const code = codes.find((c) => CONNECTION_CODES.has(c));
    if (code !== undefined) {
      const reason = REASONS[code] ?? "cannot connect";
      return `sharelinks failed to start: ${reason}: database server ${target.host}:${target.port} (${code})`;
    }
  }
  const first = chain[0];
  const message = first && typeof first.message === "string" ? first.message : String(error);
  return `sharelinks failed to start: ${message.split("\n")[0]}${codes[0] ? ` (${codes[0]})` : ""}`;
};
