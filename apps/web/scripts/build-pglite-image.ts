// Writes the migrated PGlite data directory the bundled server copies on a
// first embedded start. Run by scripts/bundle-server.mjs: `node --import tsx scripts/build-pglite-image.ts <dir>`.
import { buildPgliteImage } from "@sharelinks/db";

const target = process.argv[2];
if (!target) throw new Error("usage: build-pglite-image.ts <directory>");
await buildPgliteImage(target);
