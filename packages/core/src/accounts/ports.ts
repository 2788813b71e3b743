import type { SharePolicy } from "../brands/share-policy";
import type { ShareWhiteLabel } from "../shares/white-label";
import type { ApiKey, Brand, Session, User } from "./account";

export interface AccountRepository {
  insertBrand(brand: Brand): Promise<void>;
  findBrand(brandId: string): Promise<Brand | null>;
  updateBrandWhiteLabel(brandId: string, whiteLabel: ShareWhiteLabel | null): Promise<Brand | null>;
  /**
   * Replaces the brand's share policy with `change(current)`, read and written
   * under the brand's row lock (a throw from `change` writes nothing). Null for
   * an unknown brand.
   */
  updateBrandSharePolicy(
    brandId: string,
    change: (current: SharePolicy) => SharePolicy,
  ): Promise<Brand | null>;

  /** Throws DomainError `conflict` when the email is taken. */
  insertUser(user: User): Promise<void>;
  findUser(userId: string): Promise<User | null>;
  findUserByEmail(email: string): Promise<User | null>;

  /**
   * Inserts the key unless its user already holds `maxActive` unrevoked keys,
   * serialized per user so concurrent creations cannot pass the limit together.
   * Resolves false (and inserts nothing) at the limit.
   */
  insertApiKey(key: ApiKey, maxActive: number): Promise<boolean>;
  /**
   * The key and its user; `sharePolicy` is the user's brand's share policy when
   * the adapter reads it in the same lookup (the share use cases then need no
   * statement of their own for it, `Actor.sharePolicy`).
   */
  findApiKeyByHash(keyHash: string): Promise<{ key: ApiKey; user: User; sharePolicy?: SharePolicy } | null>;
  findApiKey(keyId: string): Promise<ApiKey | null>;
  listApiKeys(userId: string): Promise<ApiKey[]>;
  touchApiKey(keyId: string, at: Date): Promise<void>;
  revokeApiKey(keyId: string, at: Date): Promise<void>;

  insertSession(session: Session): Promise<void>;
  findSessionByHash(tokenHash: string): Promise<{ session: Session; user: User } | null>;
  deleteSessionByHash(tokenHash: string): Promise<void>;
}

/** Password hashing is slow on purpose; the port keeps argon2 out of core. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
