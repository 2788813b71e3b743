"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { errorMessage, fieldErrorsOf } from "@/lib/errors";
import { LIMITS } from "@/lib/limits";
import { safeNext } from "@/lib/safe-next";
import { rememberSessionEnd } from "@/lib/sign-in-redirect";
import { useTRPC } from "@/lib/trpc";
import { Logo } from "./logo";
import { Alert, Button, Field } from "./ui";

export function SignInForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const params = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: ({ expiresAt }) => {
        rememberSessionEnd(expiresAt);
        queryClient.clear();
        router.replace(safeNext(params.get("next"), window.location.origin));
        router.refresh();
      },
    }),
  );
  const fieldErrors = fieldErrorsOf(signIn.error);
  const expired = params.get("reason") === "expired" && !signIn.error;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };

  return (
    <div className="auth-card">
      <div className="auth-logo">
        <Logo />
      </div>
      <h1>Sign in</h1>
      <p className="muted">Share reports with clients through secure, expiring links.</p>
      <form onSubmit={onSubmit} noValidate className="stack">
        {expired ? (
          <Alert tone="info" title="Your session expired">
            For your security you were signed out. Sign in again to go back to where you were.
          </Alert>
        ) : null}
        {signIn.error && !fieldErrors.email && !fieldErrors.password ? (
          <Alert tone="error">{errorMessage(signIn.error)}</Alert>
        ) : null}
        <Field label="Email" error={fieldErrors.email}>
          {(props) => (
            <input
              {...props}
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              maxLength={LIMITS.email}
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label="Password" error={fieldErrors.password}>
          {(props) => (
            <input
              {...props}
              name="password"
              type="password"
              autoComplete="current-password"
              maxLength={LIMITS.password}
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <Button
          type="submit"
          variant="primary"
          loading={signIn.isPending || signIn.isSuccess}
          className="btn-block"
        >
          Sign in
        </Button>
      </form>
    </div>
  );
}
