import { constraintsOf, deref, type OpenApiDocument, refName, type SchemaObject, typeLabel } from "./openapi";
import "./schema-view.css";

/** A schema as a nested property list; $refs expand up to a depth, cycles stop at the name. */
export function SchemaView({
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
