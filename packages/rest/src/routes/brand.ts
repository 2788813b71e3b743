import { readBrand, updateBrandSettings, updateBrandSettingsInputSchema } from "@sharelinks/core";
import { presentBrand } from "../present";
import { defineRoute, type Route } from "../route";
import { brandSchema } from "../schemas";

const tag = "Brand";

/** `/v1/brand`: the caller's own brand and its share policy (docs/protection.md). */
export const brandRoutes: Route[] = [
  defineRoute({
    method: "GET",
    path: "/v1/brand",
    operationId: "getBrand",
    summary: "Get my brand",
    description:
      "The caller's brand: name, white-label defaults and `share_policy` (default and maximum expiry, whether links need a password). Any user of the brand may read it.",
    tag,
    auth: "api_key",
    responses: { 200: { description: "The brand.", schema: brandSchema } },
    async handle({ ctx, actor }) {
      return { status: 200, body: presentBrand(await readBrand(ctx.services.accounts, actor)) };
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/v1/brand",
    operationId: "updateBrand",
    summary: "Change my brand's share policy",
    description:
      'Managers only (members get 403). Send the `share_policy` fields to change; the others stay. `null` clears a limit. A `default_expiration_days` above `max_expiration_days` (after the change) is 400 `validation_error` with `details.reason: "default_exceeds_max_expiry"`. The policy applies to links created, refreshed or extended from then on; existing expiries are left as they are.',
    tag,
    auth: "api_key",
    body: updateBrandSettingsInputSchema,
    responses: { 200: { description: "The brand, with its new policy.", schema: brandSchema } },
    errors: ["validation_error", "forbidden"],
    async handle({ ctx, actor, body }) {
      return {
        status: 200,
        body: presentBrand(await updateBrandSettings(ctx.services.accounts, actor, body)),
      };
    },
  }),
];
