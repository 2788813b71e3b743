import { type Harness, type Member, provisionTenant, resourceBase } from "../test-support/harness";

// Setup shared by report-shares.test.ts and report-shares.revoke-extend-remove.test.ts.

export const DAY = 86_400_000;
export const plusDays = (from: Date, days: number) => new Date(from.getTime() + days * DAY).toISOString();

export type SharedResourceType = "report" | "scheduled";

/** How the share object names its type and resource id for this kind of resource. */
export const shareNamesFor = (type: SharedResourceType) => ({
  objectName: type === "report" ? "report.share" : "scheduled_report.share",
  idField: type === "report" ? "report_id" : "scheduled_report_id",
  otherIdField: type === "report" ? "scheduled_report_id" : "report_id",
});

/** A fresh tenant with two members, and the shares path of its resource of this type. */
export const provisionShareTenant = async (h: Harness, type: SharedResourceType) => {
  const t = await provisionTenant(h);
  return {
    t,
    owner: t.members[0] as Member,
    teammate: t.members[1] as Member,
    base: `${resourceBase(t, type)}/shares`,
    resourceId: type === "report" ? t.reportId : t.scheduleId,
  };
};
