/**
 * What the database layer tells the outside about itself (metrics): errors
 * by class, transaction retries, share events written. One process-wide
 * observer, set by the server at start (like prom-client's default
 * registry): the repositories are made in many places (services, tests,
 * CLI) and none of them should need a metrics argument.
 */
export type DbErrorClass =
  /** Unreachable, shutting down, out of connections, timed out. */
  | "unavailable"
  /** Serialization failure or deadlock (40001, 40P01): retried. */
  | "serialization"
  /** Class 22: a value the database refused. */
  | "data"
  /** Class 23: a constraint said no (unique, foreign key, check). */
  | "constraint"
  /** Any other SQLSTATE. */
  | "other";

export interface DbObserver {
  error(kind: DbErrorClass): void;
  /** A transaction runs again after a serialization failure or deadlock. */
  transactionRetry(): void;
  /** A share event (audit row) committed, by type. */
  shareEvent(type: string): void;
}

const silent: DbObserver = { error() {}, transactionRetry() {}, shareEvent() {} };
let current: DbObserver = silent;

/** Installs the observer (null: none). */
export const observeDb = (observer: DbObserver | null): void => {
  current = observer ?? silent;
};

export const dbObserver: DbObserver = {
  error: (kind) => current.error(kind),
  transactionRetry: () => current.transactionRetry(),
  shareEvent: (type) => current.shareEvent(type),
};
