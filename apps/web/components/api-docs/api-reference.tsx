"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { EmptyState, ErrorState, PageHeader, Skeleton } from "../ui";
import {
  constraintsOf,
  deref,
  groupOperations,
  type OpenApiDocument,
  type Operation,
  type ParameterObject,
  type ResponseObject,
  refName,
  type SchemaObject,
  tagAnchor,
  typeLabel,
} from "./openapi";

const fetchSpec = async (): Promise<OpenApiDocument> => {
  const response = await fetch("/v1/openapi.json", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`The API document could not be loaded (HTTP ${response.status}).`);
  return (await response.json()) as OpenApiDocument;
};

/** The REST reference, rendered from the live OpenAPI document: no third-party renderer. */
export function ApiReference() {
  const spec = useQuery({ queryKey: ["openapi"], queryFn: fetchSpec, staleTime: 5 * 60_000, retry: 1 });
  const [filter, setFilter] = useState("");
  const groups = useMemo(() => (spec.data ? groupOperations(spec.data) : []), [spec.data]);
  const needle = filter.trim().toLowerCase();
  const visible = groups
    .map((group) => ({
      ...group,
      operations: group.operations.filter(
        (op) =>
          !needle ||
          op.path.toLowerCase().includes(needle) ||
          op.method.includes(needle) ||
          (op.op.summary ?? "").toLowerCase().includes(needle),
      ),
    }))
    .filter((group) => group.operations.length > 0);

  return (
    <>
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
      {spec.isPending ? (
        <div className="panel panel-pad">
          <Skeleton lines={8} label="Loading API reference" />
        </div>
      ) : spec.isError ? (
        <div className="panel">
          <ErrorState
            error={spec.error}
            onRetry={() => spec.refetch()}
            title="Couldn't load the API reference"
          />
        </div>
      ) : (
        <div className="docs-layout">
          <nav className="docs-nav" aria-label="Endpoints">
            <label className="sr-only" htmlFor="docs-filter">
              Filter endpoints
            </label>
            <input
              id="docs-filter"
              type="search"
              placeholder="Filter endpoints"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
            {visible.map((group) => (
              <div key={group.tag} className="docs-nav-group">
                <a className="docs-nav-tag" href={`#${tagAnchor(group.tag)}`}>
                  {group.tag}
                </a>
                <ul>
                  {group.operations.map((op) => (
                    <li key={op.id}>
                      <a href={`#${op.id}`} title={`${op.method.toUpperCase()} ${op.path}`}>
                        <MethodBadge method={op.method} small />
                        <span className="docs-nav-label">{op.op.summary ?? op.path}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </nav>
          <div className="docs-main">
            <Overview doc={spec.data} />
            {visible.length === 0 ? (
              <div className="panel">
                <EmptyState title="No matching endpoints">Try another filter.</EmptyState>
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
                    <OperationCard key={op.id} doc={spec.data} operation={op} />
                  ))}
                </section>
              ))
            )}
          </div>
        </div>
      )}
    </>
  );
}

/** Descriptions are plain text with `code` spans; render those, nothing else (no HTML from the document). */
function InlineCode({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`)/g);
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith("`") && part.endsWith("`") && part.length > 2 ? (
          <code key={index}>{part.slice(1, -1)}</code>
        ) : (
          part
        ),
      )}
    </>
  );
}

function Prose({ text }: { text: string }) {
  return (
    <p className="prose">
      <InlineCode text={text} />
    </p>
  );
}

function MethodBadge({ method, small }: { method: string; small?: boolean }) {
  return (
    <span className={`method method-${method}${small ? " method-sm" : ""}`}>{method.toUpperCase()}</span>
  );
}

function Overview({ doc }: { doc: OpenApiDocument }) {
  const schemes = Object.entries(doc.components?.securitySchemes ?? {});
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  return (
    <section className="panel panel-pad docs-overview" aria-label="Overview">
      {doc.info?.description ? <Prose text={doc.info.description} /> : null}
      <dl className="facts">
        <div>
          <dt>Base URL</dt>
          <dd>
            <code className="mono">
              {doc.servers?.[0]?.url && doc.servers[0].url !== "/" ? doc.servers[0].url : origin}
            </code>
          </dd>
        </div>
        {schemes.map(([name, scheme]) => (
          <div key={name}>
            <dt>Authentication · {name}</dt>
            <dd>
              {scheme.type === "http" && scheme.scheme?.toLowerCase() === "bearer" ? (
                <code className="mono">Authorization: Bearer &lt;{scheme.bearerFormat ?? "token"}&gt;</code>
              ) : (
                <code className="mono">{scheme.type}</code>
              )}
              {scheme.description ? (
                <span className="muted small block scheme-desc">
                  <InlineCode text={scheme.description} />
                </span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const securityLabel = (doc: OpenApiDocument, operation: Operation): string | null => {
  const security = operation.op.security ?? doc.security;
  if (!security) return null;
  if (security.length === 0 || security.every((req) => Object.keys(req).length === 0))
    return "No authentication";
  return security.map((req) => Object.keys(req).join(" + ")).join(" or ");
};

function OperationCard({ doc, operation }: { doc: OpenApiDocument; operation: Operation }) {
  const { op } = operation;
  const body = deref(doc, op.requestBody);
  const bodyMedia = body?.content ? Object.entries(body.content)[0] : undefined;
  const security = securityLabel(doc, operation);
  const groups = (["path", "query", "header"] as const)
    .map((where) => ({ where, params: operation.parameters.filter((p) => p.in === where) }))
    .filter((g) => g.params.length > 0);

  return (
    <article id={operation.id} className={`panel op op-${operation.method}`} data-testid="api-operation">
      <header className="op-head">
        <MethodBadge method={operation.method} />
        <code className="op-path">{operation.path}</code>
        {op.deprecated ? <span className="badge badge-warning">Deprecated</span> : null}
      </header>
      <div className="op-body">
        {op.summary ? <h3 className="op-summary">{op.summary}</h3> : null}
        {op.description ? <Prose text={op.description} /> : null}
        {security ? <p className="muted small">Auth: {security}</p> : null}

        {groups.map((group) => (
          <div key={group.where} className="op-section">
            <h4>
              {group.where === "path"
                ? "Path parameters"
                : group.where === "query"
                  ? "Query parameters"
                  : "Headers"}
            </h4>
            <ParamTable doc={doc} params={group.params} />
          </div>
        ))}

        {body ? (
          <div className="op-section">
            <h4>
              Request body
              {bodyMedia ? <span className="muted small"> · {bodyMedia[0]}</span> : null}
              {body.required ? <span className="req"> required</span> : null}
            </h4>
            {body.description ? <p className="muted small">{body.description}</p> : null}
            {bodyMedia?.[1].schema ? <SchemaView doc={doc} schema={bodyMedia[1].schema} /> : null}
          </div>
        ) : null}

        {op.responses ? (
          <div className="op-section">
            <h4>Responses</h4>
            <ul className="responses">
              {Object.entries(op.responses).map(([status, raw]) => (
                <ResponseItem key={status} doc={doc} status={status} response={deref(doc, raw)} />
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </article>
  );
}

function ParamTable({ doc, params }: { doc: OpenApiDocument; params: ParameterObject[] }) {
  return (
    <div className="table-scroll">
      <table className="table table-params">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {params.map((param) => {
            const schema = deref(doc, param.schema);
            return (
              <tr key={`${param.in}-${param.name}`}>
                <td>
                  <code className="mono">{param.name}</code>
                  {param.required ? <span className="req"> required</span> : null}
                </td>
                <td className="mono small">{typeLabel(doc, param.schema)}</td>
                <td className="small">
                  {param.description ?? schema?.description ?? ""}
                  {constraintsOf(schema).length > 0 ? (
                    <span className="constraints">{constraintsOf(schema).join(" · ")}</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ResponseItem({
  doc,
  status,
  response,
}: {
  doc: OpenApiDocument;
  status: string;
  response: ResponseObject | undefined;
}) {
  const media = response?.content ? Object.entries(response.content)[0] : undefined;
  const tone = status.startsWith("2")
    ? "ok"
    : status.startsWith("4") || status.startsWith("5")
      ? "err"
      : "info";
  return (
    <li>
      <details open={status.startsWith("2") && Boolean(media?.[1].schema)}>
        <summary>
          <span className={`status-code status-${tone}`}>{status}</span>
          <span>{response?.description ?? ""}</span>
        </summary>
        <div className="response-body">
          {media?.[1].schema ? (
            <SchemaView doc={doc} schema={media[1].schema} />
          ) : (
            <p className="muted small">No body.</p>
          )}
        </div>
      </details>
    </li>
  );
}

/** A schema as a nested property list; $refs expand up to a depth, cycles stop at the name. */
function SchemaView({
  doc,
  schema,
  depth = 0,
  seen = [],
}: {
  doc: OpenApiDocument;
  schema: SchemaObject;
  depth?: number;
  seen?: string[];
}) {
  const name = schema.$ref ? refName(schema.$ref) : null;
  if (schema.$ref && (seen.includes(schema.$ref) || depth > 6)) {
    return <span className="mono small schema-ref">{name}</span>;
  }
  const resolved = deref(doc, schema) ?? {};
  const nextSeen = schema.$ref ? [...seen, schema.$ref] : seen;

  const variants = resolved.oneOf ?? resolved.anyOf;
  if (variants) {
    return (
      <div className="schema">
        {name ? <div className="schema-name mono small">{name}</div> : null}
        <div className="muted small">One of:</div>
        <ol className="schema-variants">
          {variants.map((variant, index) => (
            <li key={index}>
              <SchemaView doc={doc} schema={variant} depth={depth + 1} seen={nextSeen} />
            </li>
          ))}
        </ol>
      </div>
    );
  }
  if (resolved.allOf) {
    const merged: SchemaObject = { type: "object", properties: {}, required: [] };
    for (const part of resolved.allOf) {
      const p = deref(doc, part) ?? {};
      Object.assign(merged.properties as object, p.properties ?? {});
      merged.required = [...(merged.required ?? []), ...(p.required ?? [])];
    }
    return <SchemaView doc={doc} schema={merged} depth={depth} seen={nextSeen} />;
  }
  const types = Array.isArray(resolved.type) ? resolved.type : resolved.type ? [resolved.type] : [];
  if (types.includes("array") && resolved.items) {
    return (
      <div className="schema">
        <div className="mono small schema-type">{name ? `${name}: ` : ""}array of</div>
        <div className="schema-nested">
          <SchemaView doc={doc} schema={resolved.items} depth={depth + 1} seen={nextSeen} />
        </div>
      </div>
    );
  }
  if (resolved.properties) {
    const required = new Set(resolved.required ?? []);
    return (
      <div className="schema">
        {name ? <div className="schema-name mono small">{name}</div> : null}
        {resolved.description && depth === 0 ? <p className="muted small">{resolved.description}</p> : null}
        <ul className="props">
          {Object.entries(resolved.properties).map(([prop, propSchema]) => {
            const target = deref(doc, propSchema) ?? {};
            const nested =
              Boolean(target.properties) ||
              Boolean(target.oneOf ?? target.anyOf ?? target.allOf) ||
              Boolean(target.items && (deref(doc, target.items)?.properties || target.items.$ref));
            const constraints = constraintsOf(target);
            return (
              <li key={prop} className="prop">
                <div className="prop-head">
                  <code className="mono prop-name">{prop}</code>
                  <span className="mono small prop-type">{typeLabel(doc, propSchema)}</span>
                  {required.has(prop) ? <span className="req">required</span> : null}
                </div>
                {target.description ? <p className="prop-desc">{target.description}</p> : null}
                {constraints.length > 0 ? <p className="constraints">{constraints.join(" · ")}</p> : null}
                {nested && depth < 6 ? (
                  <details className="prop-nested">
                    <summary>Show fields</summary>
                    <SchemaView doc={doc} schema={propSchema} depth={depth + 1} seen={nextSeen} />
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
        {resolved.additionalProperties === false && depth === 0 ? (
          <p className="muted small">Unknown fields are rejected.</p>
        ) : null}
      </div>
    );
  }
  const constraints = constraintsOf(resolved);
  return (
    <div className="schema">
      <span className="mono small">{name ?? typeLabel(doc, resolved)}</span>
      {resolved.description ? <p className="prop-desc">{resolved.description}</p> : null}
      {constraints.length > 0 ? <p className="constraints">{constraints.join(" · ")}</p> : null}
    </div>
  );
}
