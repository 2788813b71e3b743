export * from "./ports";
export * from "./request";
export * from "./run-idempotent";
