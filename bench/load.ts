import { loadConfig, writeFixtureOptions } from "./lib/config";
import { loadDataset } from "./lib/loader";
import { log } from "./lib/progress";

/** `node --import tsx load.ts`: only the loader, into the bench databases (for working on it). */
const config = loadConfig();
const started = performance.now();
const main = await loadDataset({
  maintenanceUrl: config.maintenanceUrl,
  ...config.mainDb,
  sampleSize: config.sampleSize,
  shareTokenSecret: config.shareTokenSecret,
  writeFixtures: writeFixtureOptions(config),
  yardstickCopy: true,
});
log(`sample: ${main.sample.length} tokens; ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
