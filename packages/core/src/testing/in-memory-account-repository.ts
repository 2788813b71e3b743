import type { ApiKey, Brand, Session, User } from "../accounts/account";
import type { AccountRepository, PasswordHasher } from "../accounts/ports";
import type { SharePolicy } from "../brands/share-policy";
import { conflict } from "../errors";
import type { ShareWhiteLabel } from "../shares/white-label";

/** Brands, users, keys and sessions in memory, for core's account rules. */
export class InMemoryAccountRepository implements AccountRepository {
  readonly brands = new Map<string, Brand>();
  readonly users = new Map<string, User>();
  readonly apiKeys = new Map<string, ApiKey>();
  readonly sessions = new Map<string, Session>();

  async insertBrand(brand: Brand) {
    this.brands.set(brand.id, { ...brand });
  }
  async findBrand(brandId: string) {
    return this.brands.get(brandId) ?? null;
  }
  async updateBrandWhiteLabel(brandId: string, whiteLabel: ShareWhiteLabel | null) {
    const brand = this.brands.get(brandId);
    if (!brand) return null;
    brand.whiteLabel = whiteLabel;
    return { ...brand };
  }
  async updateBrandSharePolicy(brandId: string, change: (current: SharePolicy) => SharePolicy) {
    const brand = this.brands.get(brandId);
    if (!brand) return null;
    brand.sharePolicy = change(brand.sharePolicy);
    return { ...brand };
  }
  async insertUser(user: User) {
    const email = user.email.toLowerCase();
    if ([...this.users.values()].some((other) => other.email === email))
      throw conflict("A user with this email already exists");
    this.users.set(user.id, { ...user, email });
  }
  async findUser(userId: string) {
    return this.users.get(userId) ?? null;
  }
  async findUserByEmail(email: string) {
    return [...this.users.values()].find((user) => user.email === email.toLowerCase()) ?? null;
  }
  async insertApiKey(key: ApiKey, maxActive: number) {
    const active = [...this.apiKeys.values()].filter((k) => k.userId === key.userId && k.revokedAt === null);
    if (active.length >= maxActive) return false;
    this.apiKeys.set(key.id, { ...key });
    return true;
  }
  async findApiKeyByHash(keyHash: string) {
    const key = [...this.apiKeys.values()].find((k) => k.keyHash === keyHash);
    const user = key && this.users.get(key.userId);
    return key && user ? { key, user } : null;
  }
  async findApiKey(keyId: string) {
    return this.apiKeys.get(keyId) ?? null;
  }
  async listApiKeys(userId: string) {
    return [...this.apiKeys.values()]
      .filter((k) => k.userId === userId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
  }
  async touchApiKey(keyId: string, at: Date) {
    const key = this.apiKeys.get(keyId);
    if (key) key.lastUsedAt = at;
  }
  async revokeApiKey(keyId: string, at: Date) {
    const key = this.apiKeys.get(keyId);
    if (key && key.revokedAt === null) key.revokedAt = at;
  }
  async insertSession(session: Session) {
    this.sessions.set(session.tokenHash, { ...session });
  }
  async findSessionByHash(tokenHash: string) {
    const session = this.sessions.get(tokenHash);
    const user = session && this.users.get(session.userId);
    return session && user ? { session, user } : null;
  }
  async deleteSessionByHash(tokenHash: string) {
    this.sessions.delete(tokenHash);
  }
}

/** Not a real hash: core's account rules only need hash/verify to agree. */
export const plainPasswordHasher: PasswordHasher = {
  hash: async (password) => `plain:${password}`,
  verify: async (hash, password) => hash === `plain:${password}`,
};
