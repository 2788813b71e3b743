import type { Share, ShareWithoutSnapshot } from "@sharelinks/core";
import {
  dateOf,
  dateOrNullOf,
  dateParam,
  jsonOf,
  jsonParam,
  type RawRow,
  type RawStatement,
  rawStatement,
} from "../raw-sql";
import { type ShareRow, shareFromRow } from "./share-rows";

/**
 * The statements of the share writes, written out once (raw-sql.ts): every
 * create, refresh and extend runs them, and building them with the query
 * builder per request cost more CPU than the database spent on them.
 */
const SHARE_COLUMNS =
  "id, brand_id, owner_id, resource_type, report_id, scheduled_report_id, token_hash, token_ciphertext, " +
  "snapshot, white_label, created_at, updated_at, expires_at, paused_at, password_hash, max_views, views_used";
/** The same, but for the snapshot (read by name, so the order does not matter here; INSERT_SHARE's does). */
const COLUMNS_BUT_SNAPSHOT = SHARE_COLUMNS.replace("snapshot, ", "");

export const LOCK = {
  report: rawStatement("lock-report", "select 1 from reports where id = $1 for no key update"),
  scheduled: rawStatement(
    "lock-scheduled",
    "select 1 from scheduled_reports where id = $1 for no key update",
  ),
} as const;
export const BY_ID = rawStatement(
  "share-by-id",
  `select ${SHARE_COLUMNS} from shares where id = $1 for update`,
);
/** The ~3 kB snapshot stays in the database: nothing that reads the share this way looks at it. */
export const BY_ID_WITHOUT_SNAPSHOT = rawStatement(
  "share-by-id-without-snapshot",
  `select ${COLUMNS_BUT_SNAPSHOT} from shares where id = $1 for update`,
);
export const OWNED = {
  report: rawStatement(
    "owned-report",
    `select ${COLUMNS_BUT_SNAPSHOT} from shares where owner_id = $1 and report_id = $2 for update`,
  ),
  scheduled: rawStatement(
    "owned-scheduled",
    `select ${COLUMNS_BUT_SNAPSHOT} from shares where owner_id = $1 and scheduled_report_id = $2 for update`,
  ),
} as const;
export const COUNT_ACTIVE = {
  report: rawStatement(
    "count-report",
    "select count(*)::int as n from shares where report_id = $1 and expires_at >= $2",
  ),
  scheduled: rawStatement(
    "count-scheduled",
    "select count(*)::int as n from shares where scheduled_report_id = $1 and expires_at >= $2",
  ),
} as const;
export const INSERT_SHARE = rawStatement(
  "insert-share",
  `insert into shares (${SHARE_COLUMNS})
   values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
);
export const INSERT_EVENT = rawStatement(
  "insert-event",
  `insert into share_events
     (id, share_id, brand_id, actor_id, type, at, request_id, old_expires_at, new_expires_at, metadata)
   values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
);
/**
 * The event's outbox row, only when the brand has an enabled endpoint
 * subscribed to its type: for any other brand the relay would find no
 * endpoint and only delete the row again (and most brands have none). An
 * endpoint added or enabled later receives the events after it (docs/webhooks.md).
 */
export const INSERT_OUTBOX = rawStatement(
  "insert-outbox",
  `insert into webhook_outbox (id, brand_id, type, payload)
   select $1::uuid, $2::uuid, $3::text, $4::jsonb
   where exists (select 1 from webhook_endpoints e
     where e.brand_id = $2::uuid and e.disabled_at is null and e.events @> jsonb_build_array($3::text))
   on conflict do nothing`,
);

/** What `update` is given: a share, with its snapshot only when a new one is to be written. */
export type UpdatedShare = ShareWithoutSnapshot & { snapshot?: Share["snapshot"] };

/** The mutable columns `update` writes: how each reads from a Share, and goes in as a parameter. */
const field = <T>(column: string, value: (s: UpdatedShare) => T, param: (v: T) => unknown = (v) => v) => ({
  column,
  /** Whether the share carries this value at all (a share read without its snapshot does not). */
  carried: (s: UpdatedShare) => value(s) !== undefined,
  /** Whether `b` differs from `a` here (instants by time, documents by reference: a new one is written). */
  changed: (a: UpdatedShare, b: UpdatedShare) => {
    const x = value(a) as unknown;
    const y = value(b) as unknown;
    return x instanceof Date && y instanceof Date ? x.getTime() !== y.getTime() : x !== y;
  },
  param: (s: UpdatedShare) => param(value(s)),
});

export const MUTABLE = [
  field("snapshot", (s) => s.snapshot, jsonParam),
  field("white_label", (s) => s.whiteLabel, jsonParam),
  field("expires_at", (s) => s.expiresAt, dateParam),
  field("updated_at", (s) => s.updatedAt, dateParam),
  field("paused_at", (s) => s.pausedAt, dateParam),
  field("password_hash", (s) => s.passwordHash),
  field("max_views", (s) => s.maxViews),
  field("views_used", (s) => s.viewsUsed),
];

/**
 * `update shares set <the changed columns> where id = $1`, one text per set of
 * columns. A share read without its snapshot and updated without one leaves
 * the column alone (`changed` sees undefined on both sides).
 */
const updateStatements = new Map<number, RawStatement>();
export const updateStatement = (mask: number): RawStatement => {
  let statement = updateStatements.get(mask);
  if (statement === undefined) {
    const sets: string[] = [];
    MUTABLE.forEach(({ column }, i) => {
      if (mask & (1 << i)) sets.push(`${column} = $${sets.length + 2}`);
    });
    statement = rawStatement(`update-${mask}`, `update shares set ${sets.join(", ")} where id = $1`);
    updateStatements.set(mask, statement);
  }
  return statement;
};

const deleteStatements = new Map<number, RawStatement>();
export const deleteStatement = (count: number): RawStatement => {
  let statement = deleteStatements.get(count);
  if (statement === undefined) {
    const list = Array.from({ length: count }, (_, i) => `$${i + 1}`).join(", ");
    statement = rawStatement(`delete-${count}`, `delete from shares where id in (${list})`);
    deleteStatements.set(count, statement);
  }
  return statement;
};

/** A shares row as the driver gave it, read as the query builder would (then share-rows.ts's mapping). */
export const shareFromRawRow = (row: RawRow): Share =>
  shareFromRow({
    id: row.id as string,
    brandId: row.brand_id as string,
    ownerId: row.owner_id as string,
    resourceType: row.resource_type as ShareRow["resourceType"],
    reportId: row.report_id as string | null,
    scheduledReportId: row.scheduled_report_id as string | null,
    tokenHash: row.token_hash as string,
    tokenCiphertext: row.token_ciphertext as string,
    snapshot: jsonOf(row.snapshot),
    whiteLabel: row.white_label === null ? null : jsonOf(row.white_label),
    createdAt: dateOf(row.created_at),
    updatedAt: dateOf(row.updated_at),
    expiresAt: dateOf(row.expires_at),
    pausedAt: dateOrNullOf(row.paused_at),
    passwordHash: row.password_hash as string | null,
    maxViews: row.max_views as number | null,
    viewsUsed: row.views_used as number,
  });

/** The same, for a row read without its snapshot column. */
export const shareWithoutSnapshotFromRawRow = (row: RawRow): ShareWithoutSnapshot => {
  const { snapshot: _snapshot, ...share } = shareFromRawRow(row);
  return share;
};
