import { ROLES } from "@sharelinks/core";
import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { brands } from "./brands";
import { createdAt, id } from "./columns";

export const userRole = pgEnum("user_role", ROLES);

export const users = pgTable(
  "users",
  {
    id: id(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name"),
    role: userRole("role").notNull(),
    /** argon2id PHC string; null for users who only ever use API keys. */
    passwordHash: text("password_hash"),
    createdAt: createdAt(),
  },
  (t) => [
    // Sign-in looks emails up lowercased, so only lowercase may be stored:
    // otherwise "A@x" and "a@x" could both exist and one could never sign in.
    uniqueIndex("users_email_key").on(t.email),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
    index("users_brand_id_idx").on(t.brandId),
  ],
);
