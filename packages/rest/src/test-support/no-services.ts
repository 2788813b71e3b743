import type { RestServices } from "../types";

/**
 * For tests of routes that must not touch the database at all (OpenAPI,
 * routing, error shaping): any use of a service fails the test loudly.
 */
export const servicesThatMustNotBeUsed = (): RestServices => {
  const trap = (name: string): never =>
    new Proxy(
      {},
      {
        get(_target, property) {
          throw new Error(`services.${name}.${String(property)} used where no database access was expected`);
        },
      },
    ) as never;
  return {
    db: { ping: async () => {} },
    shares: trap("shares"),
    accounts: trap("accounts"),
    provisioning: trap("provisioning"),
    publicRead: trap("publicRead"),
    analytics: trap("analytics"),
    webhooks: trap("webhooks"),
    idempotency: trap("idempotency"),
  };
};
