import type { Metadata } from "next";
import { SchedulesList } from "@/components/resources/schedules-list";

export const metadata: Metadata = { title: "Schedules" };

export default function SchedulesPage() {
  return <SchedulesList />;
}
