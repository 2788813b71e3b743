export { type CapturedLogs, captureLogger } from "./capture-logger";
export { plantedLines } from "./planted";
export {
  FIXTURE_SECRETS,
  type Finding,
  isLogLine,
  type ScanResult,
  SECRET_PATTERNS,
  scanLine,
  scanText,
} from "./secret-scan";
export { TEST_LOG_DIR_ENV, testLogFile } from "./test-log-dir";
