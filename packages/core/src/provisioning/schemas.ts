import { z } from "zod";
import { ROLES } from "../actor";
import { REPORT_STATUSES, RUN_STATUSES, SENTIMENTS } from "../reports/report";
import { shareWhiteLabelSchema } from "../shares/white-label";

/** Provisioning shapes (SPEC §4 `/v1/admin/*`): how a host product puts tenants and data in. */
export const resultRowSchema = z
  .strictObject({
    prompt: z.string().min(1).max(2000),
    engine: z.string().min(1).max(100),
    mentioned: z.boolean(),
    position: z.int().min(1).nullable(),
    sentiment: z.enum(SENTIMENTS).nullable(),
  })
  .meta({ id: "ResultRow" });

const resultsSchema = z.array(resultRowSchema).max(10_000);

export const createBrandInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  white_label: shareWhiteLabelSchema.nullable().optional(),
});
export type CreateBrandInput = z.infer<typeof createBrandInputSchema>;

export const updateBrandInputSchema = z.strictObject({ white_label: shareWhiteLabelSchema.nullable() });
export type UpdateBrandInput = z.infer<typeof updateBrandInputSchema>;

export const createUserInputSchema = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(120).optional(),
  role: z.enum(ROLES),
  password: z.string().min(8).max(1024).optional(),
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const createReportInputSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    created_by: z.uuid(),
    status: z.enum(REPORT_STATUSES),
    completed_at: z.iso.datetime({ offset: true }).optional(),
    results: resultsSchema,
  })
  .refine((r) => r.status !== "completed" || r.completed_at !== undefined, {
    path: ["completed_at"],
    message: "completed_at is required when status is completed",
  });
export type CreateReportInput = z.infer<typeof createReportInputSchema>;

export const createScheduledReportInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  cadence: z.string().trim().min(1).max(50),
  created_by: z.uuid(),
});
export type CreateScheduledReportInput = z.infer<typeof createScheduledReportInputSchema>;

export const createRunInputSchema = z
  .strictObject({
    status: z.enum(RUN_STATUSES),
    started_at: z.iso.datetime({ offset: true }),
    completed_at: z.iso.datetime({ offset: true }).optional(),
    results: resultsSchema,
  })
  .refine((r) => r.status !== "completed" || r.completed_at !== undefined, {
    path: ["completed_at"],
    message: "completed_at is required when status is completed",
  });
export type CreateRunInput = z.infer<typeof createRunInputSchema>;
