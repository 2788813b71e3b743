/**
 * The import rules of docs/architecture.md ("Layers"), checked by `npm test`
 * (root `check` script: `depcruise`). Paths are resolved the way TypeScript
 * and the bundlers resolve them: workspace packages through their `exports`
 * to `packages/<name>/src`, `@/` through apps/web's tsconfig.
 */
const SOURCES = "^(packages/[^/]+/src|apps/web)/";
/**
 * A module of this repository: resolved to its folder, or, when the importing
 * package does not declare it, left as the bare `@sharelinks/...` name.
 */
const WORKSPACE = "^((packages|apps)/|@sharelinks/)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-unresolvable",
      severity: "error",
      comment:
        "An import that resolves to nothing: a typo, or a workspace package the importer does not declare.",
      from: { path: SOURCES },
      to: { couldNotResolve: true },
    },
    {
      name: "no-circular",
      severity: "error",
      comment: "An import circle: two modules that cannot be understood (or loaded) one without the other.",
      from: { path: SOURCES },
      to: { circular: true },
    },
    {
      name: "core-imports-no-workspace-package",
      severity: "error",
      comment: "packages/core holds the rules; it depends on no other package of this repository.",
      from: { path: "^packages/core/" },
      to: { path: WORKSPACE, pathNot: "^(packages/core/|@sharelinks/core($|/))" },
    },
    {
      name: "db-imports-only-core",
      severity: "error",
      comment: "packages/db implements core's ports and may import core, nothing else of this repository.",
      from: { path: "^packages/db/" },
      to: { path: WORKSPACE, pathNot: "^(packages/(core|db)/|@sharelinks/(core|db)($|/))" },
    },
    {
      name: "edge-imports-only-core",
      severity: "error",
      comment:
        "packages/edge holds HTTP edge pieces over core; it builds on nothing else of this repository.",
      from: { path: "^packages/edge/" },
      to: { path: WORKSPACE, pathNot: "^(packages/(core|edge)/|@sharelinks/(core|edge)($|/))" },
    },
    {
      name: "adapters-use-db-in-tests-only",
      severity: "error",
      comment:
        "REST and tRPC reach the database through core's ports; @sharelinks/db serves their tests only.",
      from: { path: "^packages/(rest|api)/src/", pathNot: "(\\.test\\.ts$|/test-support/)" },
      to: { path: "^(packages/db/|@sharelinks/db($|/))" },
    },
    {
      name: "adapters-import-no-app",
      severity: "error",
      comment: "packages/rest and packages/api are mounted by apps; they never import an app.",
      from: { path: "^packages/(rest|api)/" },
      to: { path: "^(apps/|@sharelinks/web($|/))" },
    },
    {
      name: "adapters-import-each-other-never",
      severity: "error",
      comment: "REST and tRPC mirror each other over core; neither builds on the other.",
      from: { path: "^packages/rest/" },
      to: { path: "^(packages/api/|@sharelinks/api($|/))" },
    },
    {
      name: "trpc-imports-no-rest",
      severity: "error",
      comment: "REST and tRPC mirror each other over core; neither builds on the other.",
      from: { path: "^packages/api/" },
      to: { path: "^(packages/rest/|@sharelinks/rest($|/))" },
    },
  ],
  options: {
    exclude: { path: "(^|/)((\\.next|dist|bundle|test-artifacts)/|next-env\\.d\\.ts$)" },
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require("node:path").join(__dirname, "tsconfig.depcruise.json") },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
