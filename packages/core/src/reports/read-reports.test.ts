import { describe, expect, it } from "vitest";
import { buildReport, buildSchedule } from "../testing";
import type { ReportReader } from "./ports";
import { getReport, getScheduledReport, listReports, listScheduledReports } from "./read-reports";

const BRAND = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";

const catalogWith = (): Parameters<typeof listReports>[0] => {
  const report = buildReport({ id: BRAND });
  const schedule = buildSchedule({ id: BRAND });
  const catalog: ReportReader = {
    listReports: async (brandId) => (brandId === BRAND ? [report] : []),
    findReport: async (brandId, id) => (brandId === BRAND && id === report.id ? report : null),
    listScheduledReports: async (brandId) => (brandId === BRAND ? [schedule] : []),
    findScheduledReport: async (brandId, id) => (brandId === BRAND && id === schedule.id ? schedule : null),
    listReportPage: async () => ({ items: [], hasMore: false }),
    listScheduledReportPage: async () => ({ items: [], hasMore: false }),
  };
  return { catalog };
};

describe("reading the brand's reports", () => {
  it("lists and gets the caller's brand's reports and schedules", async () => {
    const deps = catalogWith();
    const [report] = await listReports(deps, { brandId: BRAND });
    const [schedule] = await listScheduledReports(deps, { brandId: BRAND });
    expect(report).toBeDefined();
    expect(schedule).toBeDefined();
    expect((await getReport(deps, { brandId: BRAND }, report!.id)).id).toBe(report!.id);
    expect((await getScheduledReport(deps, { brandId: BRAND }, schedule!.id)).id).toBe(schedule!.id);
  });

  it("answers not_found for another brand's ids, never forbidden", async () => {
    const deps = catalogWith();
    const [report] = await listReports(deps, { brandId: BRAND });
    const [schedule] = await listScheduledReports(deps, { brandId: BRAND });
    expect(await listReports(deps, { brandId: OTHER })).toEqual([]);
    await expect(getReport(deps, { brandId: OTHER }, report!.id)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(getScheduledReport(deps, { brandId: OTHER }, schedule!.id)).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
