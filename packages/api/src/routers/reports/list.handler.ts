import { type Actor, listBrandReports } from "@sharelinks/core";
import type { ApiServices } from "../../trpc";
import { presentReportListItem, type ReportListItem } from "./present";

/** The caller's brand's reports, newest first. */
export const listReportsHandler = async ({
  ctx,
}: {
  ctx: { services: Pick<ApiServices, "provisioning">; actor: Actor };
}): Promise<ReportListItem[]> => {
  const reports = await listBrandReports(ctx.services.provisioning, ctx.actor);
  return reports.map(presentReportListItem);
};
