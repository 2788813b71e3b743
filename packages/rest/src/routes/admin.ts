import {
  addRun,
  createApiKey,
  createApiKeyInputSchema,
  createBrand,
  createBrandInputSchema,
  createReport,
  createReportInputSchema,
  createRunInputSchema,
  createScheduledReport,
  createScheduledReportInputSchema,
  createUser,
  createUserInputSchema,
  MAX_ACTIVE_API_KEYS,
  revokeApiKeyById,
  updateBrand,
  updateBrandInputSchema,
} from "@sharelinks/core";
import {
  presentBrand,
  presentCreatedApiKey,
  presentReport,
  presentRun,
  presentScheduledReport,
  presentUser,
} from "../present";
import { defineRoute, type Route } from "../route";
import {
  brandIdParams,
  brandSchema,
  createdApiKeySchema,
  keyIdParams,
  reportRunSchema,
  reportSchema,
  scheduledReportIdParams,
  scheduledReportSchema,
  userIdParams,
  userSchema,
} from "../schemas";

const tag = "Provisioning";

/** `/v1/admin/*`: how a host product (and the tests) put tenants and report data in. */
export const adminRoutes: Route[] = [
  defineRoute({
    method: "POST",
    path: "/v1/admin/brands",
    operationId: "adminCreateBrand",
    summary: "Create a brand",
    tag,
    auth: "admin",
    body: createBrandInputSchema,
    responses: { 201: { description: "The brand.", schema: brandSchema } },
    async handle({ ctx, body }) {
      return { status: 201, body: presentBrand(await createBrand(ctx.services.provisioning, body)) };
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/v1/admin/brands/{brand_id}",
    operationId: "adminUpdateBrand",
    summary: "Set a brand's white-label defaults",
    tag,
    auth: "admin",
    params: brandIdParams,
    body: updateBrandInputSchema,
    responses: { 200: { description: "The brand.", schema: brandSchema } },
    errors: ["not_found"],
    async handle({ ctx, params, body }) {
      return {
        status: 200,
        body: presentBrand(await updateBrand(ctx.services.provisioning, params.brand_id, body)),
      };
    },
  }),
  defineRoute({
    method: "POST",
    path: "/v1/admin/brands/{brand_id}/users",
    operationId: "adminCreateUser",
    summary: "Add a user to a brand",
    description:
      "`role: manager` holds the `manage_shares` privilege. The email must be unused (409 otherwise).",
    tag,
    auth: "admin",
    params: brandIdParams,
    body: createUserInputSchema,
    responses: { 201: { description: "The user.", schema: userSchema } },
    errors: ["not_found", "conflict"],
    async handle({ ctx, params, body }) {
      return {
        status: 201,
        body: presentUser(await createUser(ctx.services.provisioning, params.brand_id, body)),
      };
    },
  }),
  defineRoute({
    method: "POST",
    path: "/v1/admin/users/{user_id}/api-keys",
    operationId: "adminCreateApiKey",
    summary: "Create an API key for a user",
    description:
      "The key is in this response only; it is stored hashed. " +
      `A user holds at most ${MAX_ACTIVE_API_KEYS} active keys: one more is 400 \`validation_error\` with ` +
      '`details: {reason: "api_key_limit_reached", limit}`; revoking a key frees a slot.',
    tag,
    auth: "admin",
    params: userIdParams,
    body: createApiKeyInputSchema,
    responses: { 201: { description: "The key, shown once.", schema: createdApiKeySchema } },
    errors: ["not_found"],
    async handle({ ctx, params, body }) {
      const { apiKey, key } = await createApiKey(ctx.services.accounts, params.user_id, body);
      return { status: 201, body: presentCreatedApiKey(apiKey, key) };
    },
  }),
  defineRoute({
    method: "DELETE",
    path: "/v1/admin/api-keys/{key_id}",
    operationId: "adminRevokeApiKey",
    summary: "Revoke an API key",
    description: "The key is refused from then on. Revoking twice is harmless.",
    tag,
    auth: "admin",
    params: keyIdParams,
    responses: { 204: { description: "Revoked." } },
    errors: ["not_found"],
    async handle({ ctx, params }) {
      await revokeApiKeyById(ctx.services.accounts, params.key_id);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: "POST",
    path: "/v1/admin/brands/{brand_id}/reports",
    operationId: "adminCreateReport",
    summary: "Store a report",
    description:
      "`created_by` must be a user of the brand (400 otherwise); `completed_at` is required for a completed report.",
    tag,
    auth: "admin",
    params: brandIdParams,
    body: createReportInputSchema,
    responses: { 201: { description: "The report.", schema: reportSchema } },
    errors: ["validation_error", "not_found"],
    async handle({ ctx, params, body }) {
      return {
        status: 201,
        body: presentReport(await createReport(ctx.services.provisioning, params.brand_id, body)),
      };
    },
  }),
  defineRoute({
    method: "POST",
    path: "/v1/admin/brands/{brand_id}/scheduled-reports",
    operationId: "adminCreateScheduledReport",
    summary: "Store a scheduled report",
    tag,
    auth: "admin",
    params: brandIdParams,
    body: createScheduledReportInputSchema,
    responses: { 201: { description: "The schedule, without runs yet.", schema: scheduledReportSchema } },
    errors: ["validation_error", "not_found"],
    async handle({ ctx, params, body }) {
      const schedule = await createScheduledReport(ctx.services.provisioning, params.brand_id, body);
      return { status: 201, body: presentScheduledReport(schedule) };
    },
  }),
  defineRoute({
    method: "POST",
    path: "/v1/admin/scheduled-reports/{scheduled_report_id}/runs",
    operationId: "adminAddRun",
    summary: "Add a run to a scheduled report",
    tag,
    auth: "admin",
    params: scheduledReportIdParams,
    body: createRunInputSchema,
    responses: { 201: { description: "The run.", schema: reportRunSchema } },
    errors: ["not_found"],
    async handle({ ctx, params, body }) {
      return {
        status: 201,
        body: presentRun(await addRun(ctx.services.provisioning, params.scheduled_report_id, body)),
      };
    },
  }),
];
