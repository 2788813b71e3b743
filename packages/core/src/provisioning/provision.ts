import type { Brand, User } from "../accounts/account";
import type { AccountDeps } from "../accounts/deps";
import { NO_SHARE_POLICY } from "../brands/share-policy";
import { notFound, validationError } from "../errors";
import type { Report, ReportRun, ScheduledReport } from "../reports/report";
import type { ResourceCatalog } from "./ports";
import type {
  CreateBrandInput,
  CreateReportInput,
  CreateRunInput,
  CreateScheduledReportInput,
  CreateUserInput,
  UpdateBrandInput,
} from "./schemas";

export interface ProvisioningDeps extends AccountDeps {
  catalog: ResourceCatalog;
}

export const createBrand = async (deps: ProvisioningDeps, input: CreateBrandInput): Promise<Brand> => {
  const brand: Brand = {
    id: deps.random.uuid(),
    name: input.name,
    whiteLabel: input.white_label ?? null,
    sharePolicy: NO_SHARE_POLICY,
    createdAt: deps.clock.now(),
  };
  await deps.accounts.insertBrand(brand);
  return brand;
};

export const updateBrand = async (deps: ProvisioningDeps, brandId: string, input: UpdateBrandInput) => {
  const brand = await deps.accounts.updateBrandWhiteLabel(brandId, input.white_label);
  if (!brand) throw notFound("Brand");
  return brand;
};

export const createUser = async (
  deps: ProvisioningDeps,
  brandId: string,
  input: CreateUserInput,
): Promise<User> => {
  if (!(await deps.accounts.findBrand(brandId))) throw notFound("Brand");
  const user: User = {
    id: deps.random.uuid(),
    brandId,
    email: input.email.toLowerCase(),
    name: input.name ?? null,
    role: input.role,
    passwordHash: input.password ? await deps.passwords.hash(input.password) : null,
    createdAt: deps.clock.now(),
  };
  await deps.accounts.insertUser(user);
  return user;
};

/** A report's author must be a user of the same brand. */
const assertAuthor = async (deps: ProvisioningDeps, brandId: string, userId: string) => {
  const author = await deps.accounts.findUser(userId);
  if (!author || author.brandId !== brandId) {
    throw validationError("created_by must be a user of this brand", { field: "created_by" });
  }
};

export const createReport = async (
  deps: ProvisioningDeps,
  brandId: string,
  input: CreateReportInput,
): Promise<Report> => {
  if (!(await deps.accounts.findBrand(brandId))) throw notFound("Brand");
  await assertAuthor(deps, brandId, input.created_by);
  const now = deps.clock.now();
  const report: Report = {
    id: deps.random.uuid(),
    brandId,
    title: input.title,
    status: input.status,
    createdBy: input.created_by,
    createdAt: now,
    completedAt: input.completed_at ? new Date(input.completed_at) : null,
    results: input.results,
  };
  await deps.catalog.insertReport(report);
  return report;
};

export const createScheduledReport = async (
  deps: ProvisioningDeps,
  brandId: string,
  input: CreateScheduledReportInput,
): Promise<ScheduledReport> => {
  if (!(await deps.accounts.findBrand(brandId))) throw notFound("Brand");
  await assertAuthor(deps, brandId, input.created_by);
  const schedule = {
    id: deps.random.uuid(),
    brandId,
    name: input.name,
    cadence: input.cadence,
    createdBy: input.created_by,
    createdAt: deps.clock.now(),
  };
  await deps.catalog.insertScheduledReport(schedule);
  return { ...schedule, runs: [] };
};

export const addRun = async (
  deps: ProvisioningDeps,
  scheduledReportId: string,
  input: CreateRunInput,
): Promise<ReportRun> => {
  if (!(await deps.catalog.findScheduledReportById(scheduledReportId))) throw notFound("Scheduled report");
  const run: ReportRun = {
    id: deps.random.uuid(),
    scheduledReportId,
    status: input.status,
    startedAt: new Date(input.started_at),
    completedAt: input.completed_at ? new Date(input.completed_at) : null,
    results: input.results,
  };
  await deps.catalog.insertRun(run);
  return run;
};
