import { readFileSync } from "node:fs";

/** The parts of a V8 `.cpuprofile` (as written by `node --cpu-prof`) the summary reads. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface CostLine {
  name: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Time not idle: what the process actually spent on the CPU. */
  busyMs: number;
  selfByFunction: CostLine[];
  totalByFunction: CostLine[];
  selfByPackage: CostLine[];
}

const shortUrl = (url: string) => {
  if (!url) return "";
  const clean = url.replace(/^file:\/\//, "");
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(clean);
  if (pnpm) return `${pnpm[1]}/${pnpm[2]}`;
  const workspace = /\/work\/[^/]+\/(.*)$/.exec(clean) ?? /\/((?:packages|apps|bench)\/.*)$/.exec(clean);
  if (workspace) return workspace[1] as string;
  return clean;
};

/** Where a frame's code comes from: an npm package, a workspace package, node itself, or V8. */
const packageOf = (url: string, functionName: string) => {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node (core)";
  const clean = url.replace(/^file:\/\//, "");
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(clean);
  if (pnpm) return pnpm[1] as string;
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(clean);
  if (plain) return plain[1] as string;
  const workspace = /\/((?:packages|apps)\/[^/]+(?:\/[^/]+)?)\//.exec(clean);
  if (workspace) return workspace[1] as string;
  return shortUrl(url);
};

const top = (costs: Map<string, number>, totalMs: number, limit: number): CostLine[] =>
  [...costs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, us]) => ({
      name,
      ms: Math.round(us / 100) / 10,
      percent: Math.round((us / 1000 / totalMs) * 1000) / 10,
    }));

/** `skipMs`: leave out the first milliseconds of the profile (the server's start-up). */
export const summarizeProfile = (file: string, limit = 25, skipMs = 0): ProfileSummary => {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  // tsx serves workspace TypeScript minified to one line, so the column is what locates a function there.
  const keyOf = (node: ProfileNode) => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const where = shortUrl(url);
    const column =
      url && !url.includes("node_modules") && !url.startsWith("node:") ? `:${columnNumber + 1}` : "";
    return `${functionName || "(anonymous)"}${where ? ` ${where}:${lineNumber + 1}${column}` : ""}`;
  };

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const selfPackage = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  let elapsedUs = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const delta = profile.timeDeltas[i] ?? 0;
    elapsedUs += delta;
    if (elapsedUs < skipMs * 1000) continue;
    const node = byId.get(profile.samples[i] as number);
    if (!node) continue;
    totalUs += delta;
    if (node.callFrame.functionName === "(idle)") {
      idleUs += delta;
      continue;
    }
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + delta);
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    selfPackage.set(pkg, (selfPackage.get(pkg) ?? 0) + delta);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id);
      if (!frame || frame.callFrame.functionName === "(root)") continue;
      const k = keyOf(frame);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + delta);
    }
  }
  const busyMs = (totalUs - idleUs) / 1000;
  return {
    totalMs: Math.round(totalUs / 1000),
    busyMs: Math.round(busyMs),
    selfByFunction: top(self, busyMs, limit),
    totalByFunction: top(total, busyMs, limit),
    selfByPackage: top(selfPackage, busyMs, limit),
  };
};

export const renderProfile = (title: string, summary: ProfileSummary): string => {
  const table = (heading: string, lines: CostLine[]) =>
    [
      `${heading}`,
      ...lines.map(
        (l) => `  ${l.percent.toFixed(1).padStart(5)}%  ${l.ms.toFixed(0).padStart(7)} ms  ${l.name}`,
      ),
    ].join("\n");
  return [
    `# ${title}`,
    `profile ${summary.totalMs} ms wall, ${summary.busyMs} ms on CPU (percentages are of CPU time)`,
    "",
    table("self time by package:", summary.selfByPackage.slice(0, 15)),
    "",
    table("self time by function:", summary.selfByFunction),
    "",
    table("total (inclusive) time by function:", summary.totalByFunction),
    "",
  ].join("\n");
};
