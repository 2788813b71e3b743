import type { ResultRow, Sentiment } from "@sharelinks/core";

/**
 * Made-up report results for the demo seed and the benchmark's bulk load: one
 * generator, so both show data of the same shape and both stay deterministic.
 */

export const DEMO_ENGINES = ["chatgpt", "claude", "gemini", "perplexity"] as const;

/** mulberry32: a small seeded PRNG, so demo data is the same on every machine and every run. */
export const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

export interface DemoResultsOptions {
  prompts: readonly string[];
  /** The chance that an answer mentions the brand. */
  visibility: number;
  /** Where the draws come from: `prng(seed)`, possibly already drawn from. */
  next: () => number;
  /** Mentions rank 1..maxPosition. */
  maxPosition: number;
}

/** Every prompt asked of every engine; sentiments lean positive, as real runs tend to. */
export const demoResultRows = ({ prompts, visibility, next, maxPosition }: DemoResultsOptions): ResultRow[] =>
  prompts.flatMap((prompt) =>
    DEMO_ENGINES.map((engine): ResultRow => {
      const mentioned = next() < visibility;
      const mood = next();
      const sentiment: Sentiment = mood < 0.6 ? "positive" : mood < 0.9 ? "neutral" : "negative";
      return {
        prompt,
        engine,
        mentioned,
        position: mentioned ? 1 + Math.floor(next() * maxPosition) : null,
        sentiment: mentioned ? sentiment : null,
      };
    }),
  );
