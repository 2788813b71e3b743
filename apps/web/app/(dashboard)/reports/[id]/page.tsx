import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportDetailView } from "@/components/resources/report-detail";
import { resourceExistence } from "@/lib/resource-existence";

export const metadata: Metadata = { title: "Report" };

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if ((await resourceExistence("report", id)) === "missing") notFound();
  return <ReportDetailView id={id} />;
}
