import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Port: reversible protection of a share token, so a refresh can show the owner
 * the same link again without the database ever holding it in plaintext.
 */
export interface TokenCipher {
  encrypt(token: string): string;
  decrypt(ciphertext: string): string;
}

const VERSION = "v1";
const IV_BYTES = 12;

/**
 * AES-256-GCM. The key is derived from the configured secret with sha256 so any
 * sufficiently long secret string works. Output: `v1.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
export const createAesGcmTokenCipher = (secret: string): TokenCipher => {
  if (secret.length < 16) throw new Error("SHARE_TOKEN_SECRET must be at least 16 characters");
  const key = createHash("sha256").update(secret).digest();
  return {
    encrypt(token) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString("base64url"), tag.toString("base64url"), body.toString("base64url")].join(
        ".",
      );
    },
    decrypt(ciphertext) {
      const [version, iv, tag, body] = ciphertext.split(".");
      if (version !== VERSION || !iv || !tag || body === undefined)
        throw new Error("Unrecognised token ciphertext");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
  };
};
