import type { HttpMethod, Route } from "./route";

type Segment = string | { param: string };

interface PathEntry {
  pattern: string;
  segments: Segment[];
  byMethod: Map<string, Route>;
  allow: string;
}

export type RouteMatch =
  | { kind: "route"; route: Route; params: Record<string, string> }
  | { kind: "method_not_allowed"; pattern: string; allow: string }
  | { kind: "none" };

const NONE: RouteMatch = { kind: "none" };
const METHOD_ORDER: (HttpMethod | "HEAD")[] = ["GET", "HEAD", "POST", "PATCH", "DELETE"];

const parseSegments = (pattern: string): Segment[] => {
  if (!pattern.startsWith("/")) throw new Error(`Route pattern must start with "/": ${pattern}`);
  return pattern
    .slice(1)
    .split("/")
    .map((segment) => {
      const param = /^\{([a-z_][a-z0-9_]*)\}$/.exec(segment);
      if (param) return { param: param[1] as string };
      if (segment.length === 0 || /[{}]/.test(segment))
        throw new Error(`Bad route segment "${segment}" in ${pattern}`);
      return segment;
    });
};

// A static segment outranks a parameter at the first place two patterns differ,
// so POST /v1/shares/cancel is never read as /v1/shares/{share_id}.
const bySpecificity = (a: PathEntry, b: PathEntry) => {
  for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i += 1) {
    const aStatic = typeof a.segments[i] === "string";
    const bStatic = typeof b.segments[i] === "string";
    if (aStatic !== bStatic) return aStatic ? -1 : 1;
  }
  return 0;
};

const countSegments = (path: string) => {
  let count = 0;
  for (let i = 0; i < path.length; i += 1) if (path.charCodeAt(i) === 47 /* / */) count += 1;
  return count;
};

/** Walks the path without splitting it: no array per request. */
const matches = (segments: Segment[], path: string): boolean => {
  let pos = 1;
  for (const segment of segments) {
    let end = path.indexOf("/", pos);
    if (end === -1) end = path.length;
    if (typeof segment === "string") {
      if (end - pos !== segment.length || !path.startsWith(segment, pos)) return false;
    } else if (end === pos) {
      return false;
    }
    pos = end + 1;
  }
  return pos === path.length + 1;
};

const safeDecode = (raw: string) => {
  if (!raw.includes("%")) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
};

const captureParams = (segments: Segment[], path: string): Record<string, string> => {
  const params: Record<string, string> = {};
  let pos = 1;
  for (const segment of segments) {
    let end = path.indexOf("/", pos);
    if (end === -1) end = path.length;
    if (typeof segment !== "string") params[segment.param] = safeDecode(path.slice(pos, end));
    pos = end + 1;
  }
  return params;
};

/** The route table compiled once: patterns bucketed by segment count, most specific first. */
export class Router {
  private readonly buckets = new Map<number, PathEntry[]>();
  readonly routes: readonly Route[];

  constructor(routes: readonly Route[]) {
    this.routes = routes;
    const entries = new Map<string, PathEntry>();
    for (const route of routes) {
      let entry = entries.get(route.path);
      if (!entry) {
        entry = { pattern: route.path, segments: parseSegments(route.path), byMethod: new Map(), allow: "" };
        entries.set(route.path, entry);
      }
      if (entry.byMethod.has(route.method)) throw new Error(`Duplicate route ${route.method} ${route.path}`);
      entry.byMethod.set(route.method, route);
    }
    for (const entry of entries.values()) {
      entry.allow = METHOD_ORDER.filter((m) => entry.byMethod.has(m === "HEAD" ? "GET" : m)).join(", ");
      const bucket = this.buckets.get(entry.segments.length) ?? [];
      bucket.push(entry);
      this.buckets.set(entry.segments.length, bucket);
    }
    for (const bucket of this.buckets.values()) bucket.sort(bySpecificity);
  }

  match(method: string, path: string): RouteMatch {
    if (path.charCodeAt(0) !== 47) return NONE;
    const bucket = this.buckets.get(countSegments(path));
    if (!bucket) return NONE;
    for (const entry of bucket) {
      if (!matches(entry.segments, path)) continue;
      const route = entry.byMethod.get(method) ?? (method === "HEAD" ? entry.byMethod.get("GET") : undefined);
      if (!route) return { kind: "method_not_allowed", pattern: entry.pattern, allow: entry.allow };
      return { kind: "route", route, params: captureParams(entry.segments, path) };
    }
    return NONE;
  }
}

/**
 * Whether a path belongs to this adapter (`/v1/...`, `/healthz`, `/readyz`), so
 * a server can send it here rather than to the web app. `/shared/{token}` (the
 * public page) is the web app's; `/v1/shared/{token}` (the public API) is ours.
 */
export const isRestPath = (path: string): boolean =>
  path.startsWith("/v1/") || path === "/v1" || path === "/healthz" || path === "/readyz";
