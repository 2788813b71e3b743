export * from "./fake-clock";
export * from "./fixtures";
export * from "./in-memory-account-repository";
export * from "./in-memory-analytics";
export * from "./in-memory-resource-reader";
export * from "./in-memory-share-repository";
export * from "./seeded-random";
export * from "./share-test-kit";
