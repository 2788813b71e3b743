import { deref, type OpenApiDocument, type ResponseObject } from "./openapi";
import { SchemaView } from "./schema-view";

/** Every status an operation can answer with, folded: the example response beside it shows the shape at a glance. */
export function ResponseList({
  doc,
  responses,
}: {
  doc: OpenApiDocument;
  responses: Record<string, ResponseObject>;
}) {
  return (
    <ul className="responses">
      {Object.entries(responses).map(([status, raw]) => (
        <ResponseItem key={status} doc={doc} status={status} response={deref(doc, raw)} />
      ))}
    </ul>
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
      <details>
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
