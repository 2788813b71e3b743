import { describe, expect, it } from "vitest";
import { sampleReportShare, sampleScheduleShare } from "./fixtures";
import { formatPercent, inkOf, safeColor, safeLogoUrl, textOn } from "./format";
import { publicSharePageStatus, renderPublicSharePage } from "./index";
import { PAGE_STYLESHEET } from "./stylesheet";

const NOW = new Date("2026-03-11T10:00:00.000Z");
const render = (share = sampleScheduleShare()) => renderPublicSharePage({ kind: "ok", share, now: NOW });

/** Every absolute URL in the document (attributes, CSS url(), text). */
const absoluteUrls = (html: string) => [...html.matchAll(/(?:https?:)?\/\/[^\s"'<>)]+/g)].map((m) => m[0]);

describe("renderPublicSharePage: a share", () => {
  it("is a complete, non-indexable HTML document", () => {
    const html = render();
    expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toContain("<title>Weekly brand pulse · Acme Analytics</title>");
    expect(html.endsWith("</html>")).toBe(true);
  });

  it("applies the brand: logo, company name and primary colour", () => {
    const html = render();
    expect(html).toContain(
      '<img class="logo" src="https://cdn.acme.example/logo.png" alt="Acme Analytics logo"',
    );
    expect(html).toMatch(/<img [^>]*referrerPolicy="no-referrer"/);
    expect(html).toContain('<span class="company">Acme Analytics</span>');
    expect(html).toContain("--brand:#0E7490");
  });

  it("shows the title, snapshot time, summary, both charts, the table and the expiry", () => {
    const html = render();
    expect(html).toContain('<h1 id="report-title">Weekly brand pulse</h1>');
    expect(html).toContain("Snapshot taken");
    expect(html).toContain("11 March 2026, 09:00 UTC");
    expect(html).toContain("57.5%"); // overall visibility
    expect(html).toMatch(/data-chart="engines"/);
    expect(html).toMatch(/data-chart="trend"/);
    // Bars: one fill per engine, width proportional to the rate.
    expect(html.match(/class="bar-fill"/g)).toHaveLength(3);
    expect(html).toContain('width="30.00"');
    // Trend: a line through the five runs, drawn in two geometries.
    expect(html.match(/class="trend-line"/g)).toHaveLength(2);
    expect(html.match(/class="trend-dot"/g)).toHaveLength(10);
    expect(html).toContain('<th scope="col">Prompt</th>');
    expect(html).toContain("best crm for small agencies");
    expect(html).toContain(
      'This link expires on <time dateTime="2026-04-10T09:00:00.000Z">10 April 2026</time>',
    );
    expect(html).toContain("Powered by <strong>sharelinks</strong>");
  });

  it("draws no trend chart for a plain report", () => {
    const html = render(sampleReportShare());
    expect(html).toMatch(/data-chart="engines"/);
    expect(html).not.toMatch(/data-chart="trend"/);
    expect(html).toContain("Q1 AI visibility audit");
  });

  it("honours hide_powered_by", () => {
    const base = sampleScheduleShare();
    const html = render({ ...base, white_label: { ...base.white_label, hide_powered_by: true } });
    expect(html).not.toMatch(/powered by/i);
  });

  it("falls back to a monogram without a logo, and to the default colour for a bad one", () => {
    const base = sampleScheduleShare();
    const html = render({
      ...base,
      white_label: { ...base.white_label, logo_url: null, primary_color: "red;}body{display:none" },
    });
    expect(html).not.toContain("<img");
    expect(html).toContain('class="monogram"');
    expect(html).toContain("--brand:#4F46E5");
    expect(html).not.toContain("display:none}body");
  });

  it("escapes a malicious title, company name and prompt", () => {
    const evil = `</title><script>alert("x")</script><img src=x onerror=alert(1)>`;
    const base = sampleScheduleShare();
    const html = render({
      ...base,
      title: evil,
      white_label: { ...base.white_label, company_name: `Acme</style><script>1</script>` },
      snapshot: {
        ...base.snapshot,
        title: evil,
        results: [
          { prompt: evil, engine: "<b>gpt</b>", mentioned: true, position: 1, sentiment: "positive" },
        ],
      },
    });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<b>gpt</b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("Acme&lt;/style&gt;");
  });

  it("refuses a non-https logo URL", () => {
    const base = sampleScheduleShare();
    for (const logo of ["javascript:alert(1)", "http://cdn.example/logo.png", "data:image/png;base64,AAAA"]) {
      const html = render({ ...base, white_label: { ...base.white_label, logo_url: logo } });
      expect(html).not.toContain(logo);
      expect(html).not.toContain("<img");
    }
  });

  it("contains no script, nothing from another origin but the logo, and one stylesheet of our own", () => {
    for (const share of [sampleScheduleShare(), sampleReportShare()]) {
      const html = render(share);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
      expect(html).not.toMatch(/@import|url\(/i);
      // The page's stylesheet by its path on this origin: no other link, font or script.
      expect(html.match(/<link\b[^>]*>/gi)).toEqual([
        `<link rel="stylesheet" href="${PAGE_STYLESHEET.href}"/>`,
      ]);
      expect(new Set(absoluteUrls(html))).toEqual(new Set(["https://cdn.acme.example/logo.png"]));
    }
    // The stylesheet itself fetches nothing.
    const css = PAGE_STYLESHEET.bytes.toString("utf8");
    expect(css).not.toMatch(/@import|url\(/i);
    expect(absoluteUrls(css)).toEqual([]);
  });

  it("renders a share with no rows and a single run without crashing", () => {
    const base = sampleScheduleShare();
    if (base.snapshot.kind !== "scheduled") throw new Error("fixture");
    const html = render({
      ...base,
      snapshot: {
        ...base.snapshot,
        run_count: 1,
        engines: [],
        results: [],
        summary: { total: 0, mentioned: 0, visibility_rate: 0, average_position: null },
        trend: [{ run_id: "r1", completed_at: "2026-03-09T08:00:00.000Z", visibility_rate: 0 }],
      },
    });
    expect(html).toContain("No engine results in this snapshot.");
    expect(html).toContain("This snapshot has no result rows.");
    expect(html).toContain("The trend line appears after the second completed run.");
    expect(html).not.toContain("NaN");
  });
});

describe("renderPublicSharePage: expired and not found", () => {
  it("renders a clear expired page", () => {
    const html = renderPublicSharePage({ kind: "expired" });
    expect(html).toContain("<h1>This link has expired</h1>");
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(html).not.toMatch(/<script/i);
    expect(publicSharePageStatus("expired")).toBe(410);
  });

  it("renders a not-found page", () => {
    const html = renderPublicSharePage({ kind: "not_found" });
    expect(html).toContain("<h1>Link not found</h1>");
    expect(html).not.toMatch(/<script/i);
    expect(absoluteUrls(html)).toEqual([]);
    expect(publicSharePageStatus("not_found")).toBe(404);
    expect(publicSharePageStatus("ok")).toBe(200);
  });
});

describe("format helpers", () => {
  it("formats percentages", () => {
    expect(formatPercent(0.625)).toBe("62.5%");
    expect(formatPercent(0.5)).toBe("50%");
    expect(formatPercent(0.6667)).toBe("66.7%");
    expect(formatPercent(Number.NaN)).toBe("—");
  });

  it("keeps colours safe and readable", () => {
    expect(safeColor("#0e7490")).toBe("#0E7490");
    expect(safeColor("expression(alert(1))")).toBe("#4F46E5");
    expect(textOn("#FFFF00")).toBe("#111827");
    expect(textOn("#1E3A8A")).toBe("#FFFFFF");
    // A pale brand colour is darkened until it reads on white.
    expect(inkOf("#FDE68A")).not.toBe("#FDE68A");
    expect(inkOf("#1E3A8A")).toBe("#1E3A8A");
    expect(safeLogoUrl("https://x.example/a.png")).toBe("https://x.example/a.png");
    expect(safeLogoUrl("http://x.example/a.png")).toBeNull();
  });
});
