import { constraintsOf, deref, type OpenApiDocument, type ParameterObject, typeLabel } from "./openapi";

export function ParamTable({ doc, params }: { doc: OpenApiDocument; params: ParameterObject[] }) {
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
            const constraints = constraintsOf(schema);
            return (
              <tr key={`${param.in}-${param.name}`}>
                <td>
                  <code className="mono">{param.name}</code>
                  {param.required ? <span className="req"> required</span> : null}
                </td>
                <td className="mono small">{typeLabel(doc, param.schema)}</td>
                <td className="small">
                  {param.description ?? schema?.description ?? ""}
                  {constraints.length > 0 ? (
                    <span className="constraints">{constraints.join(" · ")}</span>
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
