import {
  type EffectiveWhiteLabel,
  ERROR_CODES,
  type PublicShare,
  type PublicSharePreview,
  REPORT_STATUSES,
  ROLES,
  RUN_STATUSES,
  resultRowSchema,
  type Snapshot,
  sharePolicySchema,
  shareWhiteLabelSchema,
} from "@sharelinks/core";
import { z } from "zod";

/**
 * Response shapes. The handlers do not run them (the hot path pays nothing);
 * they feed the OpenAPI document, and the contract tests hold every real
 * response to them, so the document cannot drift from what is served.
 */

const uuid = z.uuid();
const timestamp = z.iso.datetime().meta({ description: "ISO-8601 timestamp (UTC)." });

// ---- path parameters

// Ids are compared as strings downstream, so an upper-case UUID is read in lower case.
const idParam = (description: string) =>
  z
    .uuid()
    .overwrite((value) => value.toLowerCase())
    .meta({ description });
export const reportIdParams = z.object({ report_id: idParam("Report id (UUID).") });
export const scheduledReportIdParams = z.object({
  scheduled_report_id: idParam("Scheduled report id (UUID)."),
});
export const reportShareParams = reportIdParams.extend({ share_id: idParam("Share id (UUID).") });
export const scheduledReportShareParams = scheduledReportIdParams.extend({
  share_id: idParam("Share id (UUID)."),
});
export const shareIdParams = z.object({ share_id: idParam("Share id (UUID).") });
export const brandIdParams = z.object({ brand_id: idParam("Brand id (UUID).") });
export const userIdParams = z.object({ user_id: idParam("User id (UUID).") });
export const keyIdParams = z.object({ key_id: idParam("API key id (UUID).") });
export const tokenParams = z.object({
  token: z.string().meta({ description: "The share link's secret token (43 characters, base64url)." }),
});

// ---- errors

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(ERROR_CODES).meta({ description: "Stable machine-readable error code from the catalog." }),
      message: z.string().meta({ description: "Human-readable description suitable for logging." }),
      details: z.record(z.string(), z.unknown()).optional().meta({
        description:
          "Code-specific context: `errors: [{path, message}]` for validation errors, `retry_after` (seconds) for 429 and 503, `reason` and `limit` for the share cap.",
      }),
    }),
    request_id: uuid.meta({ description: "Mirrors the X-Correlation-ID response header." }),
  })
  .meta({ id: "Error" });

// ---- shares

const shareFields = {
  id: uuid.meta({ description: "Share id (UUID)." }),
  brand_id: uuid,
  owner_id: uuid.meta({ description: "The user who created the share." }),
  access_token: z
    .string()
    .optional()
    .meta({ description: "The link's secret token. Only present for the share's owner." }),
  share_url: z
    .url()
    .optional()
    .meta({ description: "PUBLIC_BASE_URL + `/shared/` + access_token. Only for the owner." }),
  created_at: timestamp,
  expires_at: timestamp.meta({ description: "After this instant the public link answers 410 Gone." }),
  is_existing: z
    .boolean()
    .meta({ description: "True when the create refreshed the caller's existing share." }),
  white_label_config: shareWhiteLabelSchema
    .nullable()
    .meta({ description: "Per-share white-label override; null when brand defaults are used." }),
  paused_at: timestamp.nullable().meta({
    description: "Set while the link is paused: both public routes answer 404 until it is resumed.",
  }),
  has_password: z
    .boolean()
    .meta({ description: "True when readers must give the link's password (never shown again)." }),
  max_views: z
    .int()
    .nullable()
    .meta({ description: "Counted views the link may serve (1-1,000,000); null for no limit." }),
  views_remaining: z
    .int()
    .nullable()
    .meta({ description: "Counted views left under `max_views`; null when there is no limit." }),
};

export const reportShareSchema = z
  .strictObject({
    object: z.literal("report.share"),
    share_type: z.literal("report"),
    report_id: uuid,
    ...shareFields,
  })
  .meta({ id: "ReportShare" });

export const scheduledReportShareSchema = z
  .strictObject({
    object: z.literal("scheduled_report.share"),
    share_type: z.literal("scheduled"),
    scheduled_report_id: uuid,
    ...shareFields,
  })
  .meta({ id: "ScheduledReportShare" });

export const shareSchema = z
  .discriminatedUnion("object", [reportShareSchema, scheduledReportShareSchema])
  .meta({ id: "Share" });

const listOf = <T extends z.ZodType>(item: T, id: string) =>
  z.strictObject({ object: z.literal("list"), data: z.array(item), has_more: z.boolean() }).meta({ id });

export const reportShareListSchema = listOf(reportShareSchema, "ReportShareList");
export const scheduledReportShareListSchema = listOf(scheduledReportShareSchema, "ScheduledReportShareList");
export const shareListSchema = listOf(shareSchema, "ShareList");

export const cancelResultListSchema = z
  .strictObject({
    object: z.literal("list"),
    data: z.array(
      z.strictObject({
        share_id: uuid,
        status: z.enum(["cancelled", "not_found", "forbidden"]),
      }),
    ),
  })
  .meta({ id: "CancelSharesResult" });

// ---- resources

const resultsSchema = z.array(resultRowSchema);

export const reportSchema = z
  .strictObject({
    object: z.literal("report"),
    id: uuid,
    brand_id: uuid,
    title: z.string(),
    status: z.enum(REPORT_STATUSES),
    created_by: uuid,
    created_at: timestamp,
    completed_at: timestamp.nullable(),
    results: resultsSchema,
  })
  .meta({ id: "Report" });

export const reportRunSchema = z
  .strictObject({
    object: z.literal("report_run"),
    id: uuid,
    scheduled_report_id: uuid,
    status: z.enum(RUN_STATUSES),
    started_at: timestamp,
    completed_at: timestamp.nullable(),
    results: resultsSchema,
  })
  .meta({ id: "ReportRun" });

export const scheduledReportSchema = z
  .strictObject({
    object: z.literal("scheduled_report"),
    id: uuid,
    brand_id: uuid,
    name: z.string(),
    cadence: z.string(),
    created_by: uuid,
    created_at: timestamp,
    runs: z.array(reportRunSchema).meta({ description: "Oldest first." }),
  })
  .meta({ id: "ScheduledReport" });

export const reportSummarySchema = reportSchema.omit({ results: true }).meta({ id: "ReportSummary" });
export const scheduledReportSummarySchema = scheduledReportSchema
  .omit({ runs: true })
  .meta({ id: "ScheduledReportSummary" });
export const reportListSchema = listOf(reportSummarySchema, "ReportList");
export const scheduledReportListSchema = listOf(scheduledReportSummarySchema, "ScheduledReportList");

// ---- public share

const visibility = {
  total: z.int(),
  mentioned: z.int(),
  visibility_rate: z.number().meta({ description: "mentioned / total; 0 when there are no rows." }),
  average_position: z.number().nullable(),
};
const summarySchema = z.strictObject(visibility);
const engineSchema = z.strictObject({ engine: z.string(), ...visibility });

const reportSnapshotSchema = z.strictObject({
  kind: z.literal("report"),
  title: z.string(),
  generated_at: timestamp,
  snapshot_at: timestamp,
  summary: summarySchema,
  engines: z.array(engineSchema),
  results: resultsSchema,
});

const scheduledSnapshotSchema = z.strictObject({
  kind: z.literal("scheduled"),
  title: z.string(),
  cadence: z.string(),
  generated_at: timestamp,
  snapshot_at: timestamp,
  run_count: z.int(),
  summary: summarySchema,
  engines: z.array(engineSchema),
  trend: z.array(z.strictObject({ run_id: uuid, completed_at: timestamp, visibility_rate: z.number() })),
  results: resultsSchema,
});

export const snapshotSchema = z
  .discriminatedUnion("kind", [reportSnapshotSchema, scheduledSnapshotSchema])
  .meta({ id: "Snapshot", description: "Frozen when the share was created or refreshed." });

export const effectiveWhiteLabelSchema = z
  .strictObject({
    company_name: z.string(),
    logo_url: z.string().nullable(),
    primary_color: z.string(),
    hide_powered_by: z.boolean(),
  })
  .meta({ id: "EffectiveWhiteLabel", description: "The share's override merged over the brand's defaults." });

export const publicShareSchema = z
  .strictObject({
    share_type: z.enum(["report", "scheduled"]),
    title: z.string(),
    expires_at: timestamp,
    white_label: effectiveWhiteLabelSchema,
    snapshot: snapshotSchema,
  })
  .meta({ id: "PublicShare" });

/** What a bot or link-preview fetcher gets (docs/protection.md): the title and branding, never the snapshot. */
export const publicSharePreviewSchema = publicShareSchema.omit({ snapshot: true }).meta({
  id: "PublicSharePreview",
  description: "Answered to bots and link-preview fetchers: no snapshot, and no view used.",
});

// ---- provisioning

export const brandSchema = z
  .strictObject({
    object: z.literal("brand"),
    id: uuid,
    name: z.string(),
    white_label: shareWhiteLabelSchema.nullable().meta({
      description: "The defaults every link's public page starts from (company name, logo, `primary_color`).",
    }),
    share_policy: sharePolicySchema,
    created_at: timestamp,
  })
  .meta({ id: "Brand" });

export const userSchema = z
  .strictObject({
    object: z.literal("user"),
    id: uuid,
    brand_id: uuid,
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(ROLES),
    created_at: timestamp,
  })
  .meta({ id: "User" });

export const createdApiKeySchema = z
  .strictObject({
    object: z.literal("api_key"),
    id: uuid,
    key: z.string().meta({ description: "The API key. Shown once, stored hashed: keep it now." }),
    prefix: z.string(),
    name: z.string().nullable(),
    user_id: uuid,
    brand_id: uuid,
    created_at: timestamp,
  })
  .meta({ id: "CreatedApiKey" });

// ---- operational

export const healthSchema = z.strictObject({ status: z.literal("ok") }).meta({ id: "Health" });

export const openApiDocumentSchema = z
  .record(z.string(), z.unknown())
  .meta({ id: "OpenApiDocument", description: "This document." });

// Compile-time guard: the documented public payload is exactly what core returns.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type PublicShapesMatchCore = [
  Same<z.output<typeof snapshotSchema>, Snapshot>,
  Same<z.output<typeof effectiveWhiteLabelSchema>, EffectiveWhiteLabel>,
  Same<z.output<typeof publicShareSchema>, PublicShare>,
  Same<z.output<typeof publicSharePreviewSchema>, PublicSharePreview>,
] extends [true, true, true, true]
  ? true
  : never;
const publicShapesMatchCore: PublicShapesMatchCore = true;
void publicShapesMatchCore;
