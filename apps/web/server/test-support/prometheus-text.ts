/** One sample of a Prometheus text exposition. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  /** `# TYPE` of each metric family. */
  types: Map<string, string>;
  samples: Sample[];
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?/gy;

const unescapeLabel = (value: string) => value.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));

/**
 * Parses the text format (version 0.0.4) strictly enough for tests: every
 * line is a comment, blank, or a well-formed sample, or this throws.
 */
export const parseExposition = (text: string): Exposition => {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "") continue;
    if (line.startsWith("#")) {
      const type = /^# TYPE (\S+) (\S+)$/.exec(line);
      if (type) types.set(type[1] as string, type[2] as string);
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    const body = match[2] ?? "";
    LABEL.lastIndex = 0;
    let consumed = 0;
    for (let m = LABEL.exec(body); m !== null; m = LABEL.exec(body)) {
      labels[m[1] as string] = unescapeLabel(m[2] as string);
      consumed = LABEL.lastIndex;
    }
    if (consumed !== body.length) throw new Error(`bad labels: ${line}`);
    // Go's ParseFloat (what Prometheus uses) takes NaN and Inf in any case; prom-client writes "Nan".
    const raw = (match[3] as string).toLowerCase();
    const value =
      raw === "+inf" || raw === "inf"
        ? Number.POSITIVE_INFINITY
        : raw === "-inf"
          ? Number.NEGATIVE_INFINITY
          : Number(raw);
    if (Number.isNaN(value) && raw !== "nan") throw new Error(`bad value: ${line}`);
    samples.push({ name: match[1] as string, labels, value });
  }
  return { types, samples };
};

/** Sum of the samples named `name` whose labels include `labels`. */
export const sampleSum = (
  exposition: Exposition,
  name: string,
  labels: Record<string, string> = {},
): number =>
  exposition.samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
