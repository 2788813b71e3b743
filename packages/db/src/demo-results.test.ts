import { describe, expect, it } from "vitest";
import { DEMO_ENGINES, demoResultRows, prng } from "./demo-results";

const prompts = ["best CRM", "HubSpot alternatives", "CRM for agencies"];

describe("demo results", () => {
  it("asks every prompt of every engine, the same way on every run", () => {
    const rows = demoResultRows({ prompts, visibility: 0.5, next: prng(7), maxPosition: 6 });
    expect(rows.map((row) => [row.prompt, row.engine])).toEqual(
      prompts.flatMap((prompt) => DEMO_ENGINES.map((engine) => [prompt, engine])),
    );
    expect(demoResultRows({ prompts, visibility: 0.5, next: prng(7), maxPosition: 6 })).toEqual(rows);
    expect(demoResultRows({ prompts, visibility: 0.5, next: prng(8), maxPosition: 6 })).not.toEqual(rows);
  });

  it("gives a position and a sentiment to mentions only, positions within 1..maxPosition", () => {
    const rows = demoResultRows({ prompts, visibility: 0.7, next: prng(3), maxPosition: 4 });
    for (const row of rows) {
      if (row.mentioned) {
        expect(row.position).toBeGreaterThanOrEqual(1);
        expect(row.position).toBeLessThanOrEqual(4);
        expect(row.sentiment).not.toBeNull();
      } else {
        expect(row).toMatchObject({ position: null, sentiment: null });
      }
    }
  });

  it("follows the visibility it is given", () => {
    const many = Array.from({ length: 50 }, (_, i) => `prompt ${i}`);
    const never = demoResultRows({ prompts: many, visibility: 0, next: prng(1), maxPosition: 6 });
    const always = demoResultRows({ prompts: many, visibility: 1, next: prng(1), maxPosition: 6 });
    expect(never.some((row) => row.mentioned)).toBe(false);
    expect(always.every((row) => row.mentioned)).toBe(true);
  });
});
