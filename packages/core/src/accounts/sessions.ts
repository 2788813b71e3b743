import { z } from "zod";
import { unauthorized } from "../errors";
import { followsTextRule, secretText } from "../text";
import type { User } from "./account";
import type { AccountDeps } from "./deps";
import { hashSecret, isWellFormedSessionToken, mintSessionToken } from "./secrets";

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export const signInInputSchema = z.strictObject({
  email: z.email().max(320).superRefine(followsTextRule()),
  password: secretText({ min: 1, max: 1024 }),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

// Verifying against a real hash even for unknown emails keeps response time from revealing which emails exist.
let decoyHash: Promise<string> | null = null;

export const signIn = async (
  deps: AccountDeps,
  input: SignInInput,
): Promise<{ token: string; expiresAt: Date; user: User }> => {
  const user = await deps.accounts.findUserByEmail(input.email.toLowerCase());
  if (!user?.passwordHash) {
    decoyHash ??= deps.passwords.hash("decoy-password-for-timing");
    await deps.passwords.verify(await decoyHash, input.password);
    throw unauthorized("Email or password is incorrect");
  }
  if (!(await deps.passwords.verify(user.passwordHash, input.password))) {
    throw unauthorized("Email or password is incorrect");
  }
  const now = deps.clock.now();
  const token = mintSessionToken(deps.random);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await deps.accounts.insertSession({
    id: deps.random.uuid(),
    userId: user.id,
    tokenHash: hashSecret(token),
    createdAt: now,
    expiresAt,
  });
  return { token, expiresAt, user };
};

export const signOut = async (deps: Pick<AccountDeps, "accounts">, token: string): Promise<void> => {
  if (isWellFormedSessionToken(token)) await deps.accounts.deleteSessionByHash(hashSecret(token));
};
