import { type Actor, listBrandSchedules } from "@sharelinks/core";
import type { ApiServices } from "../../trpc";
import { presentScheduleListItem, type ScheduleListItem } from "./present";

/** The caller's brand's scheduled reports, newest first. */
export const listSchedulesHandler = async ({
  ctx,
}: {
  ctx: { services: Pick<ApiServices, "provisioning">; actor: Actor };
}): Promise<ScheduleListItem[]> => {
  const schedules = await listBrandSchedules(ctx.services.provisioning, ctx.actor);
  return schedules.map(presentScheduleListItem);
};
