export * from "./api-keys";
export * from "./brands";
export * from "./reports";
export * from "./scheduled-reports";
export * from "./sessions";
export * from "./share-events";
export * from "./shares";
export * from "./users";
