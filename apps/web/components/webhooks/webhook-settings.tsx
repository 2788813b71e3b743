"use client";

import type { WebhookEndpointJson } from "@sharelinks/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { trpcCodeOf } from "@/lib/errors";
import { formatLocal } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { useMe } from "../app-shell";
import { useToast } from "../toast";
import { Alert, ConfirmDialog, EmptyState, Icons, PageHeader, QueryView, Skeleton } from "../ui";
import { CreateEndpointForm, type CreateEndpointInput } from "./create-endpoint-form";
import { type EndpointAction, EndpointCard } from "./endpoint-card";
import { SecretReveal } from "./secret-reveal";
import { WEBHOOK_LIMITS } from "./webhook-limits";
import "./webhooks.css";

interface Revealed {
  id: string;
  url: string;
  secret: string;
  rotated: boolean;
}

function ManagersOnly() {
  return (
    <div className="panel" data-testid="webhooks-forbidden">
      <EmptyState title="Managers only" icon={<Icons.KeyIcon />}>
        Webhook endpoints send your brand's link events to other systems, so only your brand's managers can
        see and change them. Ask a manager if you need one.
      </EmptyState>
    </div>
  );
}

/** Settings → Webhooks: the brand's endpoints, their secrets (shown once) and delivery logs. Managers only. */
export function WebhookSettings() {
  const me = useMe();
  const manager = me.data?.user.role === "manager";
  return (
    <>
      <PageHeader
        title="Webhooks"
        description={
          <>
            Signed HTTPS callbacks when your brand's links are created, changed, opened or expire. See the{" "}
            <Link href="/docs">API reference</Link> for the payload and how to verify signatures.
          </>
        }
      />
      {me.isPending ? <Skeleton lines={4} label="Loading" /> : manager ? <ManagerView /> : <ManagersOnly />}
    </>
  );
}

function ManagerView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const endpoints = useQuery(trpc.webhooks.listWebhookEndpoints.queryOptions());
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [confirming, setConfirming] = useState<{
    action: "rotate" | "delete";
    endpoint: WebhookEndpointJson;
  } | null>(null);
  const invalidate = () => queryClient.invalidateQueries(trpc.webhooks.listWebhookEndpoints.queryFilter());

  const create = useMutation(
    trpc.webhooks.createWebhookEndpoint.mutationOptions({
      onSuccess: async (endpoint) => {
        setRevealed({ id: endpoint.id, url: endpoint.url, secret: endpoint.secret ?? "", rotated: false });
        await invalidate();
      },
    }),
  );
  const rotate = useMutation(
    trpc.webhooks.rotateWebhookSecret.mutationOptions({
      onSuccess: (endpoint) => {
        setConfirming(null);
        setRevealed({ id: endpoint.id, url: endpoint.url, secret: endpoint.secret ?? "", rotated: true });
      },
    }),
  );
  const remove = useMutation(
    trpc.webhooks.deleteWebhookEndpoint.mutationOptions({
      onSuccess: async (_result, { endpoint_id }) => {
        setConfirming(null);
        setRevealed((current) => (current?.id === endpoint_id ? null : current));
        await invalidate();
        toast("Endpoint deleted");
      },
    }),
  );
  const enable = useMutation(
    trpc.webhooks.enableWebhookEndpoint.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        toast("Endpoint enabled");
      },
    }),
  );

  if (trpcCodeOf(endpoints.error) === "FORBIDDEN") return <ManagersOnly />;
  const list = endpoints.data?.items ?? [];
  const disabled = list.filter((endpoint) => endpoint.status === "disabled");
  const full = list.length >= WEBHOOK_LIMITS.endpointsPerBrand;

  const onAction = (action: EndpointAction, endpoint: WebhookEndpointJson) => {
    if (action === "enable") enable.mutate({ endpoint_id: endpoint.id });
    else setConfirming({ action, endpoint });
  };
  const pending = confirming?.action === "rotate" ? rotate : remove;

  return (
    <div className="stack">
      {disabled.map((endpoint) => (
        <Alert key={endpoint.id} tone="warning" title="A webhook endpoint was disabled">
          <span className="mono">{endpoint.url}</span> was disabled automatically{" "}
          {formatLocal(endpoint.disabled_at)} ({endpoint.disabled_reason}). Fix the receiver, then enable it
          below.
        </Alert>
      ))}
      {enable.error ? <Alert tone="error">Couldn't enable the endpoint. Try again.</Alert> : null}

      <section className="panel panel-pad" aria-labelledby="new-webhook-h">
        <h2 id="new-webhook-h">Add an endpoint</h2>
        {revealed ? (
          <SecretReveal
            secret={revealed.secret}
            url={revealed.url}
            rotated={revealed.rotated}
            onDone={() => setRevealed(null)}
          />
        ) : full ? (
          <p className="muted">
            Your brand has {WEBHOOK_LIMITS.endpointsPerBrand} endpoints, the most it can have. Delete one to
            add another.
          </p>
        ) : (
          <CreateEndpointForm
            pending={create.isPending}
            error={create.error}
            onCreate={(input: CreateEndpointInput) => create.mutate(input)}
          />
        )}
      </section>

      <section aria-labelledby="webhooks-h">
        <div className="panel-head-row">
          <h2 id="webhooks-h">Endpoints</h2>
          {endpoints.data ? (
            <span className="muted small">
              {list.length} of {WEBHOOK_LIMITS.endpointsPerBrand}
            </span>
          ) : null}
        </div>
        <QueryView
          query={endpoints}
          framed
          loadingLabel="Loading webhook endpoints"
          loadingLines={3}
          errorTitle="Couldn't load the webhook endpoints"
          isEmpty={(data) => data.items.length === 0}
          empty={
            <EmptyState title="No endpoints yet" icon={<Icons.InboxIcon />} tone="brand">
              Add one above to receive your links' events.
            </EmptyState>
          }
        >
          {(data) => (
            <ul className="webhook-endpoints">
              {data.items.map((endpoint) => (
                <EndpointCard
                  key={endpoint.id}
                  endpoint={endpoint}
                  enabling={enable.isPending && enable.variables?.endpoint_id === endpoint.id}
                  onAction={onAction}
                />
              ))}
            </ul>
          )}
        </QueryView>
      </section>

      <ConfirmDialog
        open={confirming !== null}
        title={confirming?.action === "rotate" ? "Rotate the signing secret?" : "Delete this endpoint?"}
        confirmLabel={confirming?.action === "rotate" ? "Rotate secret" : "Delete endpoint"}
        cancelLabel={confirming?.action === "rotate" ? "Keep secret" : "Keep endpoint"}
        pending={pending.isPending}
        error={pending.error}
        onClose={() => {
          setConfirming(null);
          rotate.reset();
          remove.reset();
        }}
        onConfirm={() => {
          if (!confirming) return;
          const input = { endpoint_id: confirming.endpoint.id };
          if (confirming.action === "rotate") rotate.mutate(input);
          else remove.mutate(input);
        }}
      >
        {confirming?.action === "rotate" ? (
          <p>
            The current secret stops working at once: deliveries to{" "}
            <span className="mono">{confirming.endpoint.url}</span> are signed with the new one, shown once.
          </p>
        ) : (
          <p>
            Nothing more is sent to <span className="mono">{confirming?.endpoint.url}</span> and its delivery
            log is deleted. This can't be undone.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
