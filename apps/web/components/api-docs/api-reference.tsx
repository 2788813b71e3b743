"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { EmptyState, Icons, PageHeader, QueryView } from "../ui";
import { DocsNav, filterGroups } from "./docs-nav";
import { groupOperations, type OpenApiDocument, tagAnchor } from "./openapi";
import { OperationCard } from "./operation-card";
import { Overview } from "./overview";
import { Prose } from "./prose";
import { TryItKeyPanel, TryItKeyProvider } from "./try-it-key";
import { WebhookEvents } from "./webhook-events";
import "./api-reference.css";

const fetchSpec = async (): Promise<OpenApiDocument> => {
  const response = await fetch("/v1/openapi.json", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`The API document could not be loaded (HTTP ${response.status}).`);
  return (await response.json()) as OpenApiDocument;
};

/** Where examples send requests: the document's server, else this page's origin. */
const baseUrlOf = (doc: OpenApiDocument) => {
  const declared = doc.servers?.[0]?.url;
  if (declared && declared !== "/") return declared.replace(/\/+$/, "");
  return typeof window === "undefined" ? "" : window.location.origin;
};

/**
 * The REST reference, rendered from the live OpenAPI document: no third-party
 * renderer. Public; `signedIn` only decides whether "Try it" can mint a key.
 */
export function ApiReference({ signedIn }: { signedIn: boolean }) {
  const spec = useQuery({ queryKey: ["openapi"], queryFn: fetchSpec, staleTime: 5 * 60_000, retry: 1 });
  const [filter, setFilter] = useState("");
  const groups = useMemo(() => (spec.data ? groupOperations(spec.data) : []), [spec.data]);
  const visible = filterGroups(groups, filter);

  return (
    <TryItKeyProvider signedIn={signedIn}>
      <PageHeader
        title="API reference"
        description={
          spec.data?.info?.title
            ? `${spec.data.info.title}${spec.data.info.version ? ` · v${spec.data.info.version}` : ""} · generated from /v1/openapi.json`
            : "The REST /v1 API, generated from the OpenAPI document."
        }
        actions={
          <a className="btn btn-secondary" href="/v1/openapi.json" target="_blank" rel="noopener">
            Download OpenAPI JSON
          </a>
        }
      />
      <QueryView
        framed
        query={spec}
        loadingLabel="Loading API reference"
        loadingLines={8}
        errorTitle="Couldn't load the API reference"
      >
        {(doc) => (
          <div className="docs-layout">
            <DocsNav groups={visible} filter={filter} onFilter={setFilter} />
            <div className="docs-main">
              <Overview doc={doc} baseUrl={baseUrlOf(doc)} />
              <TryItKeyPanel />
              {visible.length === 0 ? (
                <div className="panel">
                  <EmptyState
                    title="No matching endpoints"
                    icon={<Icons.SearchIcon />}
                    action={
                      <button type="button" className="btn btn-secondary" onClick={() => setFilter("")}>
                        Clear the filter
                      </button>
                    }
                  >
                    Nothing matches “{filter.trim()}”.
                  </EmptyState>
                </div>
              ) : (
                visible.map((group) => (
                  <section
                    key={group.tag}
                    id={tagAnchor(group.tag)}
                    className="docs-group"
                    aria-label={group.tag}
                  >
                    <h2>{group.tag}</h2>
                    {group.description ? <Prose text={group.description} /> : null}
                    {group.operations.map((op) => (
                      <OperationCard key={op.id} doc={doc} operation={op} baseUrl={baseUrlOf(doc)} />
                    ))}
                  </section>
                ))
              )}
              {filter.trim() === "" ? <WebhookEvents doc={doc} /> : null}
            </div>
          </div>
        )}
      </QueryView>
    </TryItKeyProvider>
  );
}
