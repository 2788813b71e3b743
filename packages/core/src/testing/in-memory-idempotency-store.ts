import type {
  IdempotencyClaim,
  IdempotencyClaimInput,
  IdempotencyRecord,
  IdempotencyStore,
} from "../idempotency/ports";

interface Row extends IdempotencyRecord {
  claimId: string;
}

/** The store as a map, with PostgreSQL's rules (one claim wins, expired and stale rows are replaced). */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  readonly rows = new Map<string, Row>();

  async claim(input: IdempotencyClaimInput): Promise<IdempotencyClaim> {
    const id = `${input.scope}\n${input.keyHash}`;
    const row = this.rows.get(id);
    const replaceable =
      row === undefined ||
      row.createdAt < input.expiredBefore ||
      (row.state === "running" && row.fingerprint === input.fingerprint && row.createdAt < input.staleBefore);
    if (!replaceable) return { claimed: false, existing: { ...row } };
    this.rows.set(id, {
      fingerprint: input.fingerprint,
      state: "running",
      createdAt: input.now,
      status: null,
      response: null,
      claimId: input.claimId,
    });
    return { claimed: true };
  }

  async complete(scope: string, keyHash: string, claimId: string, status: number, response: string) {
    const row = this.rows.get(`${scope}\n${keyHash}`);
    if (row?.claimId !== claimId) return;
    Object.assign(row, { state: "done", status, response });
  }

  async release(scope: string, keyHash: string, claimId: string) {
    const id = `${scope}\n${keyHash}`;
    if (this.rows.get(id)?.claimId === claimId) this.rows.delete(id);
  }
}
