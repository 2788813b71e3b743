import fc from "fast-check";
import { type ResultRow, SENTIMENTS } from "../reports/report";

// Not re-exported from ./index: fast-check is a dev dependency of core only, and
// packages importing "@sharelinks/core/testing" should not need it.

export const resultRowArbitrary: fc.Arbitrary<ResultRow> = fc
  .record({
    prompt: fc.string({ maxLength: 20 }),
    engine: fc.constantFrom("chatgpt", "claude", "gemini", "perplexity", "copilot"),
    mentioned: fc.boolean(),
    position: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
    sentiment: fc.option(fc.constantFrom(...SENTIMENTS), { nil: null }),
  })
  // A row that does not mention the brand has no rank in the answer.
  .map((row) => (row.mentioned ? row : { ...row, position: null, sentiment: null }));
