import { type Actor, getBrandReport } from "@sharelinks/core";
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
  return presentReportDetail(await getBrandReport(ctx.services.provisioning, ctx.actor, input.id));
};
