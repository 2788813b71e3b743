import type { Metadata } from "next";
import { ScheduleDetailView } from "@/components/resources/schedules";

export const metadata: Metadata = { title: "Schedule" };

export default async function SchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ScheduleDetailView id={id} />;
}
