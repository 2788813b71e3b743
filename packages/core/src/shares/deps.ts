import type { PasswordHasher } from "../accounts/ports";
import type { Clock } from "../clock";
import { ACTIVE_SHARES_PER_RESOURCE } from "../constants";
import type { RandomSource } from "../random";
import type { ResourceReader } from "../reports/ports";
import type { ShareRepository } from "./ports";
import type { TokenCipher } from "./token-cipher";

export { ACTIVE_SHARES_PER_RESOURCE } from "../constants";

/** Everything the share use cases need from the outside world. */
export interface ShareDeps {
  shares: ShareRepository;
  resources: ResourceReader;
  clock: Clock;
  random: RandomSource;
  tokenCipher: TokenCipher;
  /** Link passwords (argon2id in production). */
  passwords: PasswordHasher;
  /** Defaults to ACTIVE_SHARES_PER_RESOURCE. */
  activeSharesPerResource?: number;
}

export const capOf = (deps: ShareDeps) => deps.activeSharesPerResource ?? ACTIVE_SHARES_PER_RESOURCE;
