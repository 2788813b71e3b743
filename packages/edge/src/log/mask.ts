const SHARED_SEGMENT = /(^|\/)shared\/[^/]*/g;
const API_KEY = /slk_[A-Za-z0-9_-]*/g;
const LONG_SECRET = /[A-Za-z0-9_-]{32,}/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_LOGGED_PATH = 200;

/**
 * A raw path as it may be logged: share tokens (`/shared/{token}`,
 * `/v1/shared/{token}`), anything shaped like an API key, and any long
 * base64url run other than a UUID are replaced, so no secret reaches a log line.
 */
export const maskPath = (path: string): string =>
  // Masked before it is cut, so a cut can never leave part of a secret behind.
  path
    .replace(SHARED_SEGMENT, "$1shared/***")
    .replace(API_KEY, "slk_***")
    .replace(LONG_SECRET, (run) => (UUID.test(run) ? run : "***"))
    .slice(0, MAX_LOGGED_PATH);

const EMAIL = /[^\s"'<>()[\]{},;:@]+@[^\s"'<>()[\]{},;:@]+\.[A-Za-z]{2,}/g;
const ARGON2 = /\$argon2(?:id|i|d)\$[^\s"']*/g;
const TOKEN_CIPHERTEXT = /v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const MAX_LOGGED_MESSAGE = 500;

/**
 * Free text (an error message) as it may be logged. Database messages can quote
 * the value they refused; whatever shape a secret or a person's address has
 * here is replaced, and the text is cut.
 */
export const maskText = (text: string): string =>
  text
    .replace(ARGON2, "$argon2***")
    .replace(TOKEN_CIPHERTEXT, "v1.***")
    .replace(API_KEY, "slk_***")
    .replace(EMAIL, "***@***")
    .replace(LONG_SECRET, (run) => (UUID.test(run) ? run : "***"))
    .slice(0, MAX_LOGGED_MESSAGE);
