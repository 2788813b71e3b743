import type { ResourceReader } from "../reports/ports";
import type { Report, ReportRun, ScheduledReport } from "../reports/report";

export interface InMemoryResourceReader extends ResourceReader {
  addReport(report: Report): Report;
  addScheduledReport(schedule: ScheduledReport): ScheduledReport;
  /** Appends a run to its schedule, as the host product does when a run starts. */
  addRun(run: ReportRun): ReportRun;
  /** Replaces a stored report, e.g. to make it fail after it was shared. */
  updateReport(report: Report): void;
}

/**
 * The brand's reports as a map. Lookups are brand-scoped exactly like the port
 * promises (another brand's id is null, not an error), and values are cloned in
 * and out so a test editing a report cannot reach into a stored snapshot.
 */
export const createInMemoryResourceReader = (): InMemoryResourceReader => {
  const reports = new Map<string, Report>();
  const schedules = new Map<string, ScheduledReport>();

  return {
    addReport(report) {
      if (reports.has(report.id)) throw new Error(`in-memory resources: report ${report.id} already exists`);
      reports.set(report.id, structuredClone(report));
      return report;
    },
    updateReport(report) {
      if (!reports.has(report.id)) throw new Error(`in-memory resources: report ${report.id} does not exist`);
      reports.set(report.id, structuredClone(report));
    },
    addScheduledReport(schedule) {
      if (schedules.has(schedule.id))
        throw new Error(`in-memory resources: schedule ${schedule.id} already exists`);
      schedules.set(schedule.id, structuredClone(schedule));
      return schedule;
    },
    addRun(run) {
      const schedule = schedules.get(run.scheduledReportId);
      if (!schedule) throw new Error(`in-memory resources: schedule ${run.scheduledReportId} does not exist`);
      schedule.runs.push(structuredClone(run));
      return run;
    },

    async findReport(brandId, reportId) {
      const report = reports.get(reportId);
      return report && report.brandId === brandId ? structuredClone(report) : null;
    },
    async findScheduledReport(brandId, scheduledReportId) {
      const schedule = schedules.get(scheduledReportId);
      return schedule && schedule.brandId === brandId ? structuredClone(schedule) : null;
    },
  };
};
