import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { ShareDeps } from "./deps";
import type { ResourceRef } from "./share";
import { buildReportSnapshot, buildScheduledReportSnapshot, type Snapshot } from "./snapshot";

/** Confirms the caller's brand owns the resource; another brand's resource does not exist for them. */
export const assertResourceVisible = async (deps: ShareDeps, actor: Actor, resource: ResourceRef) => {
  const found =
    resource.type === "report"
      ? await deps.resources.findReport(actor.brandId, resource.id)
      : await deps.resources.findScheduledReport(actor.brandId, resource.id);
  if (!found) throw notFound(resource.type === "report" ? "Report" : "Scheduled report");
  return found;
};

/** Loads the resource and freezes what a public link will show of it. */
export const snapshotResource = async (
  deps: ShareDeps,
  actor: Actor,
  resource: ResourceRef,
  now: Date,
): Promise<Snapshot> => {
  if (resource.type === "report") {
    const report = await deps.resources.findReport(actor.brandId, resource.id);
    if (!report) throw notFound("Report");
    return buildReportSnapshot(report, now);
  }
  const schedule = await deps.resources.findScheduledReport(actor.brandId, resource.id);
  if (!schedule) throw notFound("Scheduled report");
  return buildScheduledReportSnapshot(schedule, now);
};
