import { MethodBadge } from "./method-badge";
import { type Operation, tagAnchor } from "./openapi";

export interface OperationGroup {
  tag: string;
  description?: string;
  operations: Operation[];
}

/** The operation index with its filter; on a phone it sits above the operations. */
export function DocsNav({
  groups,
  filter,
  onFilter,
}: {
  groups: OperationGroup[];
  filter: string;
  onFilter: (value: string) => void;
}) {
  return (
    <nav className="docs-nav" aria-label="Endpoints">
      <label className="sr-only" htmlFor="docs-filter">
        Filter endpoints
      </label>
      <input
        id="docs-filter"
        type="search"
        placeholder="Filter endpoints"
        value={filter}
        onChange={(event) => onFilter(event.target.value)}
      />
      {groups.map((group) => (
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
  );
}

/** Operations whose path, method or summary contain the filter text. */
export const filterGroups = (groups: OperationGroup[], filter: string): OperationGroup[] => {
  const needle = filter.trim().toLowerCase();
  if (!needle) return groups;
  return groups
    .map((group) => ({
      ...group,
      operations: group.operations.filter(
        (op) =>
          op.path.toLowerCase().includes(needle) ||
          op.method.includes(needle) ||
          (op.op.summary ?? "").toLowerCase().includes(needle),
      ),
    }))
    .filter((group) => group.operations.length > 0);
};
