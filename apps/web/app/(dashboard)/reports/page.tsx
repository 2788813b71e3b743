import type { Metadata } from "next";
import { ReportsList } from "@/components/resources/reports-list";

export const metadata: Metadata = { title: "Reports" };

export default function ReportsPage() {
  return <ReportsList />;
}
