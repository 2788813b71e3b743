import type { Clock } from "../clock";
import type { RandomSource } from "../random";
import type { TokenCipher } from "../shares/token-cipher";
import type { WebhookRetryPolicy } from "./backoff";
import type { WebhookUrlPolicy } from "./endpoint-rules";
import type { HostResolver, WebhookDeliveryStore, WebhookRepository, WebhookSender } from "./ports";

/** What the endpoint use cases need. */
export interface WebhookDeps {
  webhooks: WebhookRepository;
  clock: Clock;
  random: RandomSource;
  /** Encrypts signing secrets at rest (its own key, derived apart from the share token key). */
  secretCipher: TokenCipher;
  urlPolicy: WebhookUrlPolicy;
  /** Create-time DNS check; absent: only the URL's form is checked here (the sender checks every attempt). */
  resolver?: HostResolver;
}

/** What the delivery worker needs. */
export interface WebhookDeliveryDeps {
  store: WebhookDeliveryStore;
  sender: WebhookSender;
  clock: Clock;
  secretCipher: TokenCipher;
  policy: WebhookRetryPolicy;
  /** [0, 1): retry jitter. */
  random01?: () => number;
}
