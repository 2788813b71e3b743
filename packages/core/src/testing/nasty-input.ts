import fc from "fast-check";

// Not re-exported from ./index (fast-check is a dev dependency): import "@sharelinks/core/testing/nasty-input".

/**
 * What an attacker (or a broken client) sends where a value is expected:
 * the inputs of issue 8. Property tests of both adapters draw from these.
 */

/** Strings PostgreSQL or the text rule refuses, and some it must accept. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  // Any UTF-16 code unit: control characters and lone surrogates included.
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "a\u0000b",
      "\u0000",
      "a\ud800b",
      "\udfff",
      "\ud800\ud800",
      "a\u0007b",
      "a\u001bb",
      "a\u007fb",
      "a\u0085b",
      "line\u2028break",
      "tab\there",
      "new\nline",
      "ﬀ\u200d\ufeff",
      "https://x.test/\u0000",
      "https://x.test/\ud800",
      "javascript:alert(1)",
      "%00",
      "%zz",
      "' OR 1=1 --",
      "$1",
      "__proto__",
    ),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 1000, maxLength: 5000 }) },
);

/** Dates that are not instants a report can have. */
export const oddDate: fc.Arbitrary<string> = fc.constantFrom(
  "0000-01-01T00:00:00Z",
  "0000-00-00T00:00:00Z",
  "2026-02-30T00:00:00Z",
  "2026-13-01T00:00:00Z",
  "1969-12-31T23:59:59Z",
  "+275760-09-13T00:00:00Z",
  "-000001-01-01T00:00:00Z",
  "9999-12-31T23:59:60Z",
  "2026-01-01T00:00:00",
  "2026-01-01",
  "2026-01-01T00:00:00+25:00",
  "now",
  "",
);

/** Numbers outside every range a field allows, and ones JSON makes odd. */
export const hugeNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    Number.MAX_SAFE_INTEGER + 2,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 63,
    -0,
    0.5,
    1e21,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value whose leaves are drawn from the nasty ones above. */
export const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: hugeNumber },
  { weight: 1, arbitrary: oddDate },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);
