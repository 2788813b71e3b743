import { loadConfig } from "./lib/config";
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
  writeFixtures: {
    clients: config.writeClients,
    perClient: config.writesPerClient,
    contenders: config.contenders,
    contentionTrials: 3,
  },
});
log(`sample: ${main.sample.length} tokens; ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
