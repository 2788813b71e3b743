import {
  type ApiKey,
  type Brand,
  type CancelResult,
  type Report,
  type ReportRun,
  type ReportSummary,
  type ScheduledReport,
  type ScheduledReportSummary,
  type ShareView,
  type ShareWithoutSnapshot,
  shareUrl,
  type User,
} from "@sharelinks/core";

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * The share object (docs/api.md). `access_token` and `share_url` only where
 * core's view carries the token, which it does for the share's owner alone.
 * No snapshot: a view without one (REST's extend) is shown alike.
 */
export const presentShare = (view: ShareView<ShareWithoutSnapshot>, publicBaseUrl: string) => {
  const { share, accessToken: token } = view;
  const isReport = share.resource.type === "report";
  return {
    object: isReport ? "report.share" : "scheduled_report.share",
    id: share.id,
    share_type: share.resource.type,
    ...(isReport ? { report_id: share.resource.id } : { scheduled_report_id: share.resource.id }),
    brand_id: share.brandId,
    owner_id: share.ownerId,
    ...(token !== null && { access_token: token, share_url: shareUrl(publicBaseUrl, token) }),
    created_at: iso(share.createdAt),
    expires_at: iso(share.expiresAt),
    is_existing: view.isExisting,
    white_label_config: share.whiteLabel ?? null,
    paused_at: isoOrNull(share.pausedAt),
    has_password: share.passwordHash !== null,
    max_views: share.maxViews,
    views_remaining: view.viewsRemaining,
  };
};

export const list = <T>(data: T[], hasMore = false) => ({ object: "list" as const, data, has_more: hasMore });

export const presentCancelResults = (results: CancelResult[]) => ({
  object: "list" as const,
  data: results.map((r) => ({ share_id: r.share_id, status: r.status })),
});

/** A report in a list: no result rows (GET /v1/reports/{id} has them). */
export const presentReportSummary = (report: ReportSummary) => ({
  object: "report" as const,
  id: report.id,
  brand_id: report.brandId,
  title: report.title,
  status: report.status,
  created_by: report.createdBy,
  created_at: iso(report.createdAt),
  completed_at: isoOrNull(report.completedAt),
});

export const presentReport = (report: Report) => ({
  ...presentReportSummary(report),
  results: report.results,
});

/** A schedule in a list: no runs (GET /v1/scheduled-reports/{id} has them). */
export const presentScheduledReportSummary = (schedule: ScheduledReportSummary) => ({
  object: "scheduled_report" as const,
  id: schedule.id,
  brand_id: schedule.brandId,
  name: schedule.name,
  cadence: schedule.cadence,
  created_by: schedule.createdBy,
  created_at: iso(schedule.createdAt),
});

export const presentRun = (run: ReportRun) => ({
  object: "report_run" as const,
  id: run.id,
  scheduled_report_id: run.scheduledReportId,
  status: run.status,
  started_at: iso(run.startedAt),
  completed_at: isoOrNull(run.completedAt),
  results: run.results,
});

export const presentScheduledReport = (schedule: ScheduledReport) => ({
  object: "scheduled_report" as const,
  id: schedule.id,
  brand_id: schedule.brandId,
  name: schedule.name,
  cadence: schedule.cadence,
  created_by: schedule.createdBy,
  created_at: iso(schedule.createdAt),
  runs: schedule.runs.map(presentRun),
});

export const presentBrand = (brand: Brand) => ({
  object: "brand" as const,
  id: brand.id,
  name: brand.name,
  white_label: brand.whiteLabel ?? null,
  share_policy: brand.sharePolicy,
  created_at: iso(brand.createdAt),
});

/** Never the password hash. */
export const presentUser = (user: User) => ({
  object: "user" as const,
  id: user.id,
  brand_id: user.brandId,
  email: user.email,
  name: user.name,
  role: user.role,
  created_at: iso(user.createdAt),
});

/** The only response that ever carries the plaintext key. */
export const presentCreatedApiKey = (apiKey: ApiKey, key: string) => ({
  object: "api_key" as const,
  id: apiKey.id,
  key,
  prefix: apiKey.prefix,
  name: apiKey.name,
  user_id: apiKey.userId,
  brand_id: apiKey.brandId,
  created_at: iso(apiKey.createdAt),
});
