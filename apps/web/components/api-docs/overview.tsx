import type { OpenApiDocument } from "./openapi";
import { InlineCode, Prose } from "./prose";

/** What every call has in common: where to send it and how to authenticate. */
export function Overview({ doc, baseUrl }: { doc: OpenApiDocument; baseUrl: string }) {
  const schemes = Object.entries(doc.components?.securitySchemes ?? {});
  return (
    <section className="panel panel-pad docs-overview" aria-label="Overview">
      {doc.info?.description ? <Prose text={doc.info.description} /> : null}
      <dl className="facts">
        <div>
          <dt>Base URL</dt>
          <dd>
            <code className="mono">{baseUrl}</code>
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
