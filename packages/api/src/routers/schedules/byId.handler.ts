import { type Actor, notFound } from "@sharelinks/core";
import type { ApiServices } from "../../trpc";
import type { ScheduleByIdInput } from "./byId.schema";
import { presentScheduleDetail, type ScheduleDetail } from "./present";

/** Another brand's schedule is simply not found. */
export const scheduleByIdHandler = async ({
  ctx,
  input,
}: {
  ctx: { services: Pick<ApiServices, "provisioning">; actor: Actor };
  input: ScheduleByIdInput;
}): Promise<ScheduleDetail> => {
  const schedule = await ctx.services.provisioning.catalog.findScheduledReport(ctx.actor.brandId, input.id);
  if (!schedule) throw notFound("Scheduled report");
  return presentScheduleDetail(schedule);
};
