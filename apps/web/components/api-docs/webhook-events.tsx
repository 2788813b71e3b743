import type { OpenApiDocument } from "./openapi";
import { ParamTable } from "./param-table";
import { InlineCode, Prose } from "./prose";
import { SchemaView } from "./schema-view";

/**
 * The document's `webhooks` (OpenAPI 3.1): what sharelinks POSTs to a brand's
 * endpoints. Every event shares the signature headers and the body, so they
 * are shown once, after the list of events.
 */
export function WebhookEvents({ doc }: { doc: OpenApiDocument }) {
  const events = Object.entries(doc.webhooks ?? {}).flatMap(([type, item]) =>
    item.post ? [{ type, op: item.post }] : [],
  );
  const first = events[0]?.op;
  if (!first) return null;
  const body = first.requestBody?.content?.["application/json"]?.schema;
  return (
    <section
      id="webhook-events"
      className="docs-group"
      aria-label="Webhook events"
      data-testid="webhook-events"
    >
      <h2>Webhook events</h2>
      <Prose text="What sharelinks POSTs to your brand's webhook endpoints (manage them under Webhooks: `/v1/webhook-endpoints`). Each POST is signed per Standard Webhooks: verify it with the `standardwebhooks` package and the endpoint's `whsec_` secret, and drop repeats by `webhook-id`." />
      <div className="panel panel-pad">
        <div className="table-scroll">
          <table className="table table-params">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Sent when</th>
              </tr>
            </thead>
            <tbody>
              {events.map(({ type, op }) => (
                <tr key={type} data-testid="webhook-event">
                  <td>
                    <code className="mono">{type}</code>
                  </td>
                  <td>
                    <InlineCode text={op.summary ?? ""} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {first.description ? <Prose text={first.description} /> : null}
        <h3>Headers</h3>
        <ParamTable doc={doc} params={first.parameters ?? []} />
        {body ? (
          <>
            <h3>Body</h3>
            <SchemaView doc={doc} schema={body} />
          </>
        ) : null}
      </div>
    </section>
  );
}
