export { type ByIdInput as ReportByIdInput, byIdInputSchema as reportByIdInputSchema } from "../../schemas";
