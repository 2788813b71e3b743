"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { createContext, type ReactNode, useContext, useId, useMemo, useState } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { Alert, Button } from "../ui";

/**
 * The credential "Try it" sends. REST authenticates with API keys only (a
 * session cookie is never accepted on /v1, so a page cannot be tricked into
 * calling it as you); the signed-in session is used where it can be: to mint
 * a key for this page in one click. The key lives in this tab's memory, never
 * in storage; it is listed under API keys like any other and revoked there.
 */
interface TryItKey {
  signedIn: boolean;
  apiKey: string;
  setApiKey: (key: string) => void;
}

const TryItKeyContext = createContext<TryItKey>({ signedIn: false, apiKey: "", setApiKey: () => {} });

export const useTryItKey = () => useContext(TryItKeyContext);

export function TryItKeyProvider({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const [apiKey, setApiKey] = useState("");
  const value = useMemo(() => ({ signedIn, apiKey, setApiKey }), [signedIn, apiKey]);
  return <TryItKeyContext.Provider value={value}>{children}</TryItKeyContext.Provider>;
}

export const TRY_IT_KEY_NAME = "API docs (Try it)";

/** The key field above the operations, with "Create a key for this page" when signed in. */
export function TryItKeyPanel() {
  const { signedIn, apiKey, setApiKey } = useTryItKey();
  const trpc = useTRPC();
  const inputId = useId();
  const create = useMutation(
    trpc.apiKeys.createApiKey.mutationOptions({ onSuccess: ({ key }) => setApiKey(key) }),
  );
  return (
    <section className="panel panel-pad try-key" aria-labelledby={`${inputId}-h`} data-testid="try-it-key">
      <h2 id={`${inputId}-h`}>Try it</h2>
      <p className="muted small">
        “Try it” sends real requests from this browser to this server. Operations that need an API key use the
        one below; it stays in this tab's memory only.
      </p>
      <div className="try-key-row">
        <label className="sr-only" htmlFor={inputId}>
          API key for Try it
        </label>
        <input
          id={inputId}
          type="password"
          className="mono"
          autoComplete="off"
          spellCheck={false}
          placeholder="slk_…"
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value.trim())}
        />
        {signedIn ? (
          <Button
            onClick={() => create.mutate({ name: TRY_IT_KEY_NAME })}
            loading={create.isPending}
            disabled={Boolean(apiKey)}
          >
            Create a key for this page
          </Button>
        ) : null}
      </div>
      {create.isSuccess && apiKey ? (
        <p className="small muted">
          Created “{TRY_IT_KEY_NAME}”. Revoke it under <Link href="/api-keys">API keys</Link> when you are
          done.
        </p>
      ) : null}
      {!signedIn ? (
        <p className="small muted">
          Paste a key, or <Link href="/sign-in?next=%2Fdocs">sign in</Link> to create one here.
        </p>
      ) : null}
      {create.error ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
    </section>
  );
}
