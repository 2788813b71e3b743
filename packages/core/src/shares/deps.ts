import type { Clock } from "../clock";
import type { RandomSource } from "../random";
import type { ResourceReader, ShareRepository } from "./ports";
import type { TokenCipher } from "./token-cipher";

export const ACTIVE_SHARES_PER_RESOURCE = 50;

/** Everything the share use cases need from the outside world. */
export interface ShareDeps {
  shares: ShareRepository;
  resources: ResourceReader;
  clock: Clock;
  random: RandomSource;
  tokenCipher: TokenCipher;
  /** Defaults to ACTIVE_SHARES_PER_RESOURCE. */
  activeSharesPerResource?: number;
}

export const capOf = (deps: ShareDeps) => deps.activeSharesPerResource ?? ACTIVE_SHARES_PER_RESOURCE;
