/** Test helpers for every package that needs a real database: `@sharelinks/db/testing`. */

export { relayWebhookOutbox } from "../repositories/webhook-outbox";
export * from "./fixtures";
export * from "./inspect";
export * from "./on-postgres";
export * from "./reused-pglite";
export * from "./server-database";
export * from "./test-database";
