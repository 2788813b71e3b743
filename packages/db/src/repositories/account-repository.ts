import {
  type AccountRepository,
  type ApiKey,
  type Brand,
  conflict,
  type Session,
  type SharePolicy,
  type ShareWhiteLabel,
  sharePolicyOf,
  type User,
} from "@sharelinks/core";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { isUuid } from "../ids";
import { guarded, isUniqueViolation } from "../pg-errors";
import { dateOf, dateOrNullOf, jsonOf, type RawQuery, rawQueryOf } from "../raw-sql";
import { apiKeys, brands, sessions, users } from "../schema";

/** core's Brand, column by column (a brand row may grow settings other ports read). */
const brandColumns = {
  id: brands.id,
  name: brands.name,
  whiteLabel: brands.whiteLabel,
  sharePolicy: brands.sharePolicy,
  createdAt: brands.createdAt,
};

type BrandRow = { [K in keyof typeof brandColumns]: (typeof brands.$inferSelect)[K] };

/** A brand without a policy (null, the column's value before any manager set one) has NO_SHARE_POLICY. */
const brandFromRow = (row: BrandRow): Brand => ({ ...row, sharePolicy: sharePolicyOf(row.sharePolicy) });

/** The key, its user and their brand's share policy (a primary-key probe) in one statement. */
const API_KEY_BY_HASH = `select k.id, k.user_id, k.brand_id, k.name, k.prefix, k.key_hash, k.created_at,
    k.last_used_at, k.revoked_at, u.id as u_id, u.brand_id as u_brand_id, u.email as u_email,
    u.name as u_name, u.role as u_role, u.password_hash as u_password_hash, u.created_at as u_created_at,
    b.share_policy
  from api_keys k inner join users u on u.id = k.user_id left join brands b on b.id = u.brand_id
  where k.key_hash = $1`;

/** Brands, users and their credentials. Secrets arrive here already hashed. */
export class DrizzleAccountRepository implements AccountRepository {
  /** Every authenticated REST request runs it: a constant text (raw-sql.ts), prepared once per connection. */
  private readonly query: RawQuery;

  constructor(private readonly db: Database) {
    this.query = rawQueryOf(db.orm);
  }

  insertBrand(brand: Brand): Promise<void> {
    return guarded(async () => void (await this.db.orm.insert(brands).values(brand)));
  }

  findBrand(brandId: string): Promise<Brand | null> {
    return guarded(async () => {
      if (!isUuid(brandId)) return null;
      const [row] = await this.db.orm.select(brandColumns).from(brands).where(eq(brands.id, brandId));
      return row ? brandFromRow(row) : null;
    });
  }

  updateBrandWhiteLabel(brandId: string, whiteLabel: ShareWhiteLabel | null): Promise<Brand | null> {
    return guarded(async () => {
      if (!isUuid(brandId)) return null;
      const [row] = await this.db.orm
        .update(brands)
        .set({ whiteLabel })
        .where(eq(brands.id, brandId))
        .returning(brandColumns);
      return row ? brandFromRow(row) : null;
    });
  }

  /** Read-merge-write under the row lock: concurrent partial changes each keep their fields. */
  updateBrandSharePolicy(
    brandId: string,
    change: (current: SharePolicy) => SharePolicy,
  ): Promise<Brand | null> {
    return guarded(async () => {
      if (!isUuid(brandId)) return null;
      return this.db.orm.transaction(async (tx) => {
        const [current] = await tx
          .select({ sharePolicy: brands.sharePolicy })
          .from(brands)
          .where(eq(brands.id, brandId))
          .for("no key update");
        if (!current) return null;
        const [row] = await tx
          .update(brands)
          .set({ sharePolicy: change(sharePolicyOf(current.sharePolicy)) })
          .where(eq(brands.id, brandId))
          .returning(brandColumns);
        return row ? brandFromRow(row) : null;
      });
    });
  }

  /** The unique index on email is the arbiter: two concurrent sign-ups cannot both win. */
  insertUser(user: User): Promise<void> {
    return guarded(async () => {
      try {
        await this.db.orm.insert(users).values({ ...user, email: user.email.toLowerCase() });
      } catch (error) {
        if (isUniqueViolation(error, "users_email_key"))
          throw conflict("A user with this email already exists");
        throw error;
      }
    });
  }

  findUser(userId: string): Promise<User | null> {
    return guarded(async () => {
      if (!isUuid(userId)) return null;
      const [row] = await this.db.orm.select().from(users).where(eq(users.id, userId));
      return row ?? null;
    });
  }

  findUserByEmail(email: string): Promise<User | null> {
    return guarded(async () => {
      const [row] = await this.db.orm.select().from(users).where(eq(users.email, email.toLowerCase()));
      return row ?? null;
    });
  }

  /** The user's row lock serializes key creation per user, so the count and the insert agree. */
  insertApiKey(key: ApiKey, maxActive: number): Promise<boolean> {
    return guarded(() =>
      this.db.orm.transaction(async (tx) => {
        await tx.select({ id: users.id }).from(users).where(eq(users.id, key.userId)).for("update");
        const [row] = await tx
          .select({ active: count() })
          .from(apiKeys)
          .where(and(eq(apiKeys.userId, key.userId), isNull(apiKeys.revokedAt)));
        if ((row?.active ?? 0) >= maxActive) return false;
        await tx.insert(apiKeys).values(key);
        return true;
      }),
    );
  }

  /**
   * Every authenticated REST request: one indexed lookup, the user joined in,
   * and their brand's share policy (a primary-key probe), which every share
   * write applies: read here, it costs those writes no statement of their own.
   */
  findApiKeyByHash(keyHash: string): Promise<{ key: ApiKey; user: User; sharePolicy: SharePolicy } | null> {
    return guarded(async () => {
      const [row] = await this.query(API_KEY_BY_HASH, [keyHash]);
      if (!row) return null;
      return {
        key: {
          id: row.id as string,
          userId: row.user_id as string,
          brandId: row.brand_id as string,
          name: row.name as string | null,
          prefix: row.prefix as string,
          keyHash: row.key_hash as string,
          createdAt: dateOf(row.created_at),
          lastUsedAt: dateOrNullOf(row.last_used_at),
          revokedAt: dateOrNullOf(row.revoked_at),
        },
        user: {
          id: row.u_id as string,
          brandId: row.u_brand_id as string,
          email: row.u_email as string,
          name: row.u_name as string | null,
          role: row.u_role as User["role"],
          passwordHash: row.u_password_hash as string | null,
          createdAt: dateOf(row.u_created_at),
        },
        sharePolicy: sharePolicyOf(jsonOf<Partial<SharePolicy> | null>(row.share_policy)),
      };
    });
  }

  findApiKey(keyId: string): Promise<ApiKey | null> {
    return guarded(async () => {
      if (!isUuid(keyId)) return null;
      const [row] = await this.db.orm.select().from(apiKeys).where(eq(apiKeys.id, keyId));
      return row ?? null;
    });
  }

  listApiKeys(userId: string): Promise<ApiKey[]> {
    return guarded(async () => {
      if (!isUuid(userId)) return [];
      return this.db.orm
        .select()
        .from(apiKeys)
        .where(eq(apiKeys.userId, userId))
        .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
    });
  }

  touchApiKey(keyId: string, at: Date): Promise<void> {
    return guarded(async () => {
      if (!isUuid(keyId)) return;
      await this.db.orm.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, keyId));
    });
  }

  /** Only the first revocation counts: the original revoked_at is kept. */
  revokeApiKey(keyId: string, at: Date): Promise<void> {
    return guarded(async () => {
      if (!isUuid(keyId)) return;
      await this.db.orm
        .update(apiKeys)
        .set({ revokedAt: at })
        .where(and(eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)));
    });
  }

  insertSession(session: Session): Promise<void> {
    return guarded(async () => void (await this.db.orm.insert(sessions).values(session)));
  }

  findSessionByHash(tokenHash: string): Promise<{ session: Session; user: User } | null> {
    return guarded(async () => {
      const [row] = await this.db.orm
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.tokenHash, tokenHash));
      return row ?? null;
    });
  }

  deleteSessionByHash(tokenHash: string): Promise<void> {
    return guarded(
      async () => void (await this.db.orm.delete(sessions).where(eq(sessions.tokenHash, tokenHash))),
    );
  }
}
