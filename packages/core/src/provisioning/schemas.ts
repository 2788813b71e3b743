import { z } from "zod";
import { ROLES } from "../actor";
import { REPORT_STATUSES, RUN_STATUSES, SENTIMENTS } from "../reports/report";
import { shareWhiteLabelSchema } from "../shares/white-label";
import { dateTime, followsTextRule, secretText, text } from "../text";

/**
 * Provisioning shapes (`/v1/admin/*`, docs/api.md): how a host product puts tenants
 * and data in. Every string goes through the text rule (`../text`).
 */
export const resultRowSchema = z
  .strictObject({
    prompt: text({ max: 2000, multiLine: true, trim: false }),
    engine: text({ max: 100, trim: false }),
    mentioned: z.boolean(),
    position: z.int().min(1).nullable(),
    sentiment: z.enum(SENTIMENTS).nullable(),
  })
  // A row that does not mention the brand has no position and no sentiment to report.
  .superRefine((row, ctx) => {
    if (row.mentioned) return;
    if (row.position !== null)
      ctx.addIssue({ code: "custom", path: ["position"], message: "Must be null when mentioned is false" });
    if (row.sentiment !== null)
      ctx.addIssue({ code: "custom", path: ["sentiment"], message: "Must be null when mentioned is false" });
  })
  .meta({ id: "ResultRow" });

const resultsSchema = z.array(resultRowSchema).max(10_000);

export const createBrandInputSchema = z.strictObject({
  name: text({ max: 120 }),
  white_label: shareWhiteLabelSchema.nullable().optional(),
});
export type CreateBrandInput = z.infer<typeof createBrandInputSchema>;

export const updateBrandInputSchema = z.strictObject({ white_label: shareWhiteLabelSchema.nullable() });
export type UpdateBrandInput = z.infer<typeof updateBrandInputSchema>;

export const createUserInputSchema = z.strictObject({
  email: z.email().max(320).superRefine(followsTextRule()),
  name: text({ max: 120 }).optional(),
  role: z.enum(ROLES),
  password: secretText({ min: 8, max: 1024 }).optional(),
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const createReportInputSchema = z
  .strictObject({
    title: text({ max: 200 }),
    created_by: z.uuid(),
    status: z.enum(REPORT_STATUSES),
    completed_at: dateTime().optional(),
    results: resultsSchema,
  })
  .refine((r) => r.status !== "completed" || r.completed_at !== undefined, {
    path: ["completed_at"],
    message: "completed_at is required when status is completed",
  });
export type CreateReportInput = z.infer<typeof createReportInputSchema>;

export const createScheduledReportInputSchema = z.strictObject({
  name: text({ max: 200 }),
  cadence: text({ max: 50 }),
  created_by: z.uuid(),
});
export type CreateScheduledReportInput = z.infer<typeof createScheduledReportInputSchema>;

export const createRunInputSchema = z
  .strictObject({
    status: z.enum(RUN_STATUSES),
    started_at: dateTime(),
    completed_at: dateTime().optional(),
    results: resultsSchema,
  })
  .refine((r) => r.status !== "completed" || r.completed_at !== undefined, {
    path: ["completed_at"],
    message: "completed_at is required when status is completed",
  });
export type CreateRunInput = z.infer<typeof createRunInputSchema>;
