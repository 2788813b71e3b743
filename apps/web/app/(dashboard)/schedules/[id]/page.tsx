import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ScheduleDetailView } from "@/components/resources/schedule-detail";
import { resourceExistence } from "@/lib/resource-existence";

export const metadata: Metadata = { title: "Schedule" };

export default async function SchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if ((await resourceExistence("scheduled", id)) === "missing") notFound();
  return <ScheduleDetailView id={id} />;
}
