"use client";

import type { ApiKeyItem } from "@sharelinks/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useRef, useState } from "react";
import { errorMessage, fieldErrorsOf } from "@/lib/errors";
import { LIMITS } from "@/lib/limits";
import { useTRPC } from "@/lib/trpc";
import { useToast } from "../toast";
import {
  Alert,
  Button,
  ConfirmDialog,
  CopyButton,
  EmptyState,
  Field,
  Icons,
  PageHeader,
  QueryView,
} from "../ui";
import { KeysTable } from "./keys-table";
import "./api-keys.css";

interface RevealedKey {
  id: string;
  key: string;
  name: string | null;
}

export function ApiKeys() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const keys = useQuery(trpc.apiKeys.listMyApiKeys.queryOptions());
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState("");
  const [revealed, setRevealed] = useState<RevealedKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyItem | null>(null);

  const invalidate = () => queryClient.invalidateQueries(trpc.apiKeys.listMyApiKeys.queryFilter());
  const create = useMutation(
    trpc.apiKeys.createApiKey.mutationOptions({
      onSuccess: async ({ key, apiKey }) => {
        setRevealed({ id: apiKey.id, key, name: apiKey.name });
        setName("");
        await invalidate();
      },
    }),
  );
  const revoke = useMutation(
    trpc.apiKeys.revokeMyApiKey.mutationOptions({
      onSuccess: async (_result, { id }) => {
        setRevoking(null);
        // A revoked key is useless: it must not stay on screen as if it were worth copying.
        setRevealed((current) => (current?.id === id ? null : current));
        await invalidate();
        toast("API key revoked");
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    create.mutate(name.trim() ? { name: name.trim() } : {});
  };

  const active = keys.data?.filter((key) => key.status === "active") ?? [];

  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys authenticate the REST API as you (<code>Authorization: Bearer &lt;key&gt;</code>). See the{" "}
            <Link href="/docs">API reference</Link>.
          </>
        }
      />
      <div className="stack">
        <section className="panel panel-pad" aria-labelledby="new-key-h">
          <h2 id="new-key-h">Create a key</h2>
          {revealed ? (
            <div className="key-reveal" data-testid="new-api-key">
              <Alert tone="success" title={`Key created${revealed.name ? `: ${revealed.name}` : ""}`}>
                Copy it now. For your security it is shown only once and can't be retrieved later.
              </Alert>
              <div className="url-box">
                <input
                  type="text"
                  className="url-input mono"
                  readOnly
                  value={revealed.key}
                  aria-label="New API key"
                  onFocus={(e) => e.currentTarget.select()}
                />
                <CopyButton
                  text={revealed.key}
                  label="Copy key"
                  copiedMessage="API key copied"
                  variant="primary"
                />
              </div>
              <Button
                variant="ghost"
                size="sm"
                onClick={() => {
                  setRevealed(null);
                  // The key may have been used meanwhile: show a fresh "Last used".
                  void keys.refetch();
                }}
              >
                Done, I've stored it
              </Button>
            </div>
          ) : (
            <form className="inline-create" onSubmit={onSubmit} noValidate>
              <Field
                label="Key name"
                optional
                error={errors.name}
                hint="Something to tell keys apart, such as “Zapier” or “CI”."
              >
                {(props) => (
                  <input
                    {...props}
                    ref={nameRef}
                    type="text"
                    maxLength={LIMITS.apiKeyName}
                    value={name}
                    onChange={(event) => setName(event.target.value)}
                  />
                )}
              </Field>
              <Button type="submit" variant="primary" loading={create.isPending}>
                Create key
              </Button>
            </form>
          )}
          {create.error && !errors.name ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
        </section>

        <section className="panel panel-flush" aria-labelledby="keys-h">
          <div className="panel-pad panel-head-row">
            <h2 id="keys-h">Your keys</h2>
            {keys.data ? <span className="muted small">{active.length} active</span> : null}
          </div>
          <QueryView
            query={keys}
            loadingLabel="Loading API keys"
            loadingLines={3}
            errorTitle="Couldn't load your API keys"
            isEmpty={(list) => list.length === 0}
            empty={
              <EmptyState
                title="No API keys yet"
                icon={<Icons.KeyIcon />}
                tone="brand"
                action={
                  <Button variant="primary" onClick={() => nameRef.current?.focus()}>
                    Name your first key
                  </Button>
                }
              >
                Create one to call the REST API from your own tools.
              </EmptyState>
            }
          >
            {(list) => <KeysTable keys={list} onRevoke={setRevoking} />}
          </QueryView>
        </section>
      </div>
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this API key?"
        confirmLabel="Revoke key"
        cancelLabel="Keep key"
        pending={revoke.isPending}
        error={revoke.error}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => {
          if (revoking) revoke.mutate({ id: revoking.id });
        }}
      >
        <p>
          Requests using <code className="mono">{revoking?.prefix}…</code> will be refused from now on. This
          can't be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
