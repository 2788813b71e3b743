import type { Clock } from "../clock";
import type { RandomSource } from "../random";
import type { AccountRepository, PasswordHasher } from "./ports";

export interface AccountDeps {
  accounts: AccountRepository;
  passwords: PasswordHasher;
  clock: Clock;
  random: RandomSource;
}
