/**
 * What must never be in a log line, by shape. Every secret the service makes
 * has a recognisable form (32 random bytes in base64url, `slk_` keys, `v1.`
 * ciphertexts, `$argon2id$` hashes), and private objects have recognisable
 * keys (`"prompt":`, `"snapshot":`). A line may hold such a key only with the
 * redaction placeholder as its value.
 */
export interface SecretPattern {
  kind: string;
  pattern: RegExp;
}

const REDACTED_VALUE = String.raw`(?!\\?"\[redacted\]\\?")`;
const PRIVATE_KEYS = [
  "prompt",
  "snapshot",
  "results",
  "visibility_rate",
  "access_token",
  "share_url",
  "password",
  "passwordHash",
  "password_hash",
  "tokenHash",
  "token_hash",
  "tokenCiphertext",
  "token_ciphertext",
  "keyHash",
  "key_hash",
  "email",
  "authorization",
  "cookie",
];

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  // Share tokens, session tokens and every sha256 we store are 43 base64url characters.
  {
    kind: "token or hash (43 base64url characters)",
    pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/,
  },
  { kind: "API key", pattern: /slk_[A-Za-z0-9_-]{7,}/ },
  { kind: "admin token", pattern: /adm_[A-Za-z0-9_-]{16,}/ },
  { kind: "hex digest", pattern: /(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])/ },
  { kind: "token ciphertext", pattern: /v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\./ },
  { kind: "argon2 hash", pattern: /\$argon2(?:id|i|d)\$/ },
  {
    kind: "email address",
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/,
  },
  { kind: "bearer credential", pattern: /Bearer\s+[^\s"\\]{16,}/i },
  { kind: "SQL statement or parameters", pattern: /Failed query:|\bparams: \S/ },
  {
    kind: "private field",
    pattern: new RegExp(String.raw`\\?"(?:${PRIVATE_KEYS.join("|")})\\?"\s*:\s*${REDACTED_VALUE}`),
  },
];

/** Literal values the test fixtures use as secrets: they must not appear either. */
export const FIXTURE_SECRETS: readonly string[] = [
  "correct horse battery staple",
  "correct horse battery",
  "sharelinks-test-token-secret-not-for-production",
  "test-admin-token-0123456789abcdef",
  "admin-token-for-the-one-port-test",
  "e2e-share-token-secret-0123456789abcdef",
];

export interface Finding {
  kind: string;
  /** 1-based line number within the scanned text. */
  line: number;
  /** Where on the line; the matched text itself is never repeated (it is the secret). */
  column: number;
}

/** A pino line: JSON starting with its level. Other output (a start banner, a framework's notices) is not a log line. */
export const isLogLine = (line: string) => line.startsWith('{"level":');

export const scanLine = (line: string): Omit<Finding, "line">[] => {
  const found: Omit<Finding, "line">[] = [];
  for (const { kind, pattern } of SECRET_PATTERNS) {
    const match = pattern.exec(line);
    if (match) found.push({ kind, column: match.index + 1 });
  }
  for (const secret of FIXTURE_SECRETS) {
    const at = line.indexOf(secret);
    if (at !== -1) found.push({ kind: "fixture secret", column: at + 1 });
  }
  return found;
};

export interface ScanResult {
  logLines: number;
  otherLines: number;
  findings: Finding[];
}

export const scanText = (text: string): ScanResult => {
  const result: ScanResult = { logLines: 0, otherLines: 0, findings: [] };
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (line.length === 0) continue;
    if (!isLogLine(line)) {
      result.otherLines += 1;
      continue;
    }
    result.logLines += 1;
    for (const finding of scanLine(line)) result.findings.push({ ...finding, line: i + 1 });
  }
  return result;
};
