/** A key's record as the store holds it. */
export interface IdempotencyRecord {
  fingerprint: string;
  state: "running" | "done";
  /** When the first request with this key began. */
  createdAt: Date;
  /** Set once done. */
  status: number | null;
  /** The stored answer, encrypted (`IdempotencyDeps.cipher`); set once done. */
  response: string | null;
}

export interface IdempotencyClaimInput {
  /** Whose key it is: the API key's id, or `admin` for the admin token. */
  scope: string;
  keyHash: string;
  fingerprint: string;
  /** Identifies this attempt: only it may complete or release the record. */
  claimId: string;
  now: Date;
  /** A record created before this is past its window: it is replaced. */
  expiredBefore: Date;
  /** A running record of the same request created before this is abandoned: it is taken over. */
  staleBefore: Date;
}

export type IdempotencyClaim = { claimed: true } | { claimed: false; existing: IdempotencyRecord };

/**
 * Port: where keys and their first answers are kept, shared by every instance
 * (PostgreSQL). `claim` must be atomic: of two concurrent claims of one key,
 * exactly one is `claimed`.
 */
export interface IdempotencyStore {
  claim(input: IdempotencyClaimInput): Promise<IdempotencyClaim>;
  /** Records the answer of the attempt holding `claimId`; a no-op when it no longer holds the key. */
  complete(scope: string, keyHash: string, claimId: string, status: number, response: string): Promise<void>;
  /** Forgets the key (a 5xx: the retry must be able to run), if `claimId` still holds it. */
  release(scope: string, keyHash: string, claimId: string): Promise<void>;
}
