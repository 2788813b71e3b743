export {
  type ByIdInput as ScheduleByIdInput,
  byIdInputSchema as scheduleByIdInputSchema,
} from "../../schemas";
