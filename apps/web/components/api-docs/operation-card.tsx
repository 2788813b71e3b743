"use client";

import { CodeBlock } from "./code-block";
import { authKindOf, curlOf, requestExampleOf, responseExampleOf } from "./examples";
import { MethodBadge } from "./method-badge";
import { deref, type OpenApiDocument, type Operation } from "./openapi";
import { ParamTable } from "./param-table";
import { Prose } from "./prose";
import { ResponseList } from "./response-list";
import { SchemaView } from "./schema-view";
import { TryIt } from "./try-it";
import "./operation-card.css";

const AUTH_LABEL = {
  api_key: "API key",
  admin: "Admin token",
  none: "No authentication",
} as const;

const PARAM_HEADINGS = { path: "Path parameters", query: "Query parameters", header: "Headers" } as const;

/** One operation: what it does, what it takes, what it answers, a curl example, an example answer, Try it. */
export function OperationCard({
  doc,
  operation,
  baseUrl,
}: {
  doc: OpenApiDocument;
  operation: Operation;
  baseUrl: string;
}) {
  const { op } = operation;
  const body = deref(doc, op.requestBody);
  const bodyMedia = body?.content ? Object.entries(body.content)[0] : undefined;
  const auth = authKindOf(doc, operation);
  const bodyExample = requestExampleOf(doc, operation);
  const responseExample = responseExampleOf(doc, operation);
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
        <div className="op-intro">
          {op.summary ? <h3 className="op-summary">{op.summary}</h3> : null}
          {op.description ? <Prose text={op.description} /> : null}
          <p className="muted small">Auth: {AUTH_LABEL[auth]}</p>
        </div>

        <div className="op-examples">
          <CodeBlock title="Example request" code={curlOf(doc, operation, baseUrl)} testId="curl-example" />
          {responseExample ? (
            <CodeBlock
              title={`Example response · ${responseExample.status}`}
              code={
                responseExample.body === undefined
                  ? "(no body)"
                  : JSON.stringify(responseExample.body, null, 2)
              }
              testId="response-example"
            />
          ) : null}
          <TryIt doc={doc} operation={operation} auth={auth} bodyExample={bodyExample} />
        </div>

        <div className="op-details">
          {groups.map((group) => (
            <div key={group.where} className="op-section">
              <h4>{PARAM_HEADINGS[group.where]}</h4>
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
              <ResponseList doc={doc} responses={op.responses} />
            </div>
          ) : null}
        </div>
      </div>
    </article>
  );
}
