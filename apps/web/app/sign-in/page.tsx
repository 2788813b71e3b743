import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInForm } from "@/components/sign-in-form";
import "../styles/center-page.css";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <main className="auth-page">
      <Suspense fallback={null}>
        <SignInForm />
      </Suspense>
    </main>
  );
}
