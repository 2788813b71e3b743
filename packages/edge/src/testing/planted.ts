import { createHash, randomBytes } from "node:crypto";

/**
 * One realistic log line per kind of secret, the way a careless log call would
 * write it. The scanner's self-test and its unit tests check each is caught.
 */
export const plantedLines = (): { kind: string; line: string }[] => {
  const token = randomBytes(32).toString("base64url");
  const line = (fields: Record<string, unknown>) =>
    JSON.stringify({ level: 50, time: Date.now(), pid: 1, hostname: "h", ...fields, msg: "oops" });
  return [
    { kind: "share token in a path", line: line({ path: `/v1/shared/${token}` }) },
    {
      kind: "token hash",
      line: line({ err: { message: `duplicate ${createHash("sha256").update(token).digest("base64url")}` } }),
    },
    { kind: "API key", line: line({ note: `key slk_${token}` }) },
    { kind: "hex digest", line: line({ note: createHash("sha256").update(token).digest("hex") }) },
    {
      kind: "ciphertext",
      line: line({
        note: `v1.${randomBytes(12).toString("base64url")}.${randomBytes(16).toString("base64url")}.abc`,
      }),
    },
    { kind: "argon2", line: line({ note: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA" }) },
    { kind: "email", line: line({ note: "user pat.doe@example.test signed in" }) },
    { kind: "query parameters", line: line({ err: { message: "Failed query: select 1\nparams: x" } }) },
    { kind: "snapshot text", line: line({ row: { prompt: "best crm for agencies" } }) },
    {
      kind: "snapshot in an escaped string",
      line: line({ detail: JSON.stringify({ snapshot: { title: "Q1" } }) }),
    },
    { kind: "fixture password", line: line({ note: "correct horse battery staple" }) },
  ];
};
