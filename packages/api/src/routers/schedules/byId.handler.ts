import { type Actor, getBrandSchedule } from "@sharelinks/core";
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
  return presentScheduleDetail(await getBrandSchedule(ctx.services.provisioning, ctx.actor, input.id));
};
