import type { Metadata } from "next";
import { SchedulesList } from "@/components/resources/schedules";

export const metadata: Metadata = { title: "Schedules" };

export default function SchedulesPage() {
  return <SchedulesList />;
}
