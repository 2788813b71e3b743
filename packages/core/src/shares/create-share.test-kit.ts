import type { Actor } from "../actor";
import { createShareTestKit, type ShareTestKit } from "../testing";
import { createShare } from "./create-share";
import type { CreateShareInput } from "./schemas";
import type { ResourceRef } from "./share";

// Setup shared by create-share.test.ts and create-share.cap.test.ts.

export const DAY = 86_400_000;
export const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

export const setup = () => {
  const kit = createShareTestKit();
  const { ref, report } = kit.addReport();
  const alice = kit.member();
  const create = (actor: Actor, input: CreateShareInput = {}, resource: ResourceRef = ref) =>
    createShare(kit.deps, actor, resource, input);
  return { kit, ref, report, alice, create };
};

/** `count` teammates each create a share on the resource. */
export const fill = async (kit: ShareTestKit, ref: ResourceRef, count: number) => {
  const members = Array.from({ length: count }, () => kit.member());
  for (const member of members) await createShare(kit.deps, member, ref, {});
  return members;
};

export const capError = {
  name: "DomainError",
  code: "validation_error",
  details: { reason: "share_limit_reached", limit: 50 },
};
