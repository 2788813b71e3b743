import type { AccountDeps, ProvisioningDeps, PublicReadDeps, ShareDeps } from "@sharelinks/core";

/** Request headers as Node gives them: names lower-cased, values possibly repeated. */
export type RestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** The transport-neutral request the adapter works on. */
export interface RestRequest {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Path only, no query string, not decoded. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: RestHeaders;
  /** The caller's address as the transport determined it (see `trustProxyHops`). */
  readonly clientIp: string;
  /**
   * Reads the whole body as UTF-8. Rejects with `BodyTooLargeError` once more than
   * `limitBytes` arrive. Called at most once, and only by routes that take a body.
   */
  readBody(limitBytes: number): Promise<string>;
}

export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  /** Serialized JSON, or null for an empty body (204, HEAD). */
  body: string | null;
}

export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
  constructor(readonly limitBytes: number) {
    super(`Request body exceeds ${limitBytes} bytes`);
  }
}

/**
 * What the adapter needs from `@sharelinks/db`'s `Services`, written structurally
 * so this package depends only on core's types; `Services` satisfies it.
 */
export interface RestServices {
  db: { ping(): Promise<unknown> };
  shares: ShareDeps;
  accounts: AccountDeps;
  provisioning: ProvisioningDeps;
  publicRead: PublicReadDeps;
}

/** The slice of a pino logger the adapter writes to. */
export interface RestLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
