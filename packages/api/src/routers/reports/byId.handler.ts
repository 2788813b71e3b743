import { type Actor, notFound } from "@sharelinks/core";
import type { ApiServices } from "../../trpc";
import type { ReportByIdInput } from "./byId.schema";
import { presentReportDetail, type ReportDetail } from "./present";

/** Another brand's report is simply not found. */
export const reportByIdHandler = async ({
  ctx,
  input,
}: {
  ctx: { services: Pick<ApiServices, "provisioning">; actor: Actor };
  input: ReportByIdInput;
}): Promise<ReportDetail> => {
  const report = await ctx.services.provisioning.catalog.findReport(ctx.actor.brandId, input.id);
  if (!report) throw notFound("Report");
  return presentReportDetail(report);
};
