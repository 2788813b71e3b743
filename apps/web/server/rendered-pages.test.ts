import { describe, expect, it } from "vitest";
import { RenderedPages } from "./rendered-pages";

const page = (text: string) => Buffer.from(text);

describe("rendered pages kept per link", () => {
  it("serves the kept page only for the same version and day", () => {
    const pages = new RenderedPages(1024);
    expect(pages.find("a", "1.1", 30)).toBeUndefined();
    pages.keep("a", "1.1", 30, page("<p>a</p>"));
    expect(pages.find("a", "1.1", 30)?.toString()).toBe("<p>a</p>");
    expect(pages.find("a", "2.1", 30)).toBeUndefined();
    expect(pages.find("a", "1.2", 30)).toBeUndefined();
    expect(pages.find("a", "1.1", 29)).toBeUndefined();
    expect(pages.find("b", "1.1", 30)).toBeUndefined();
    expect(pages.stats()).toEqual({ entries: 1, bytes: 8, hits: 1, misses: 5 });
  });

  it("replaces a link's earlier page instead of keeping two", () => {
    const pages = new RenderedPages(1024);
    pages.keep("a", "1.1", 30, page("old page"));
    pages.keep("a", "2.1", 30, page("new"));
    expect(pages.find("a", "2.1", 30)?.toString()).toBe("new");
    expect(pages.find("a", "1.1", 30)).toBeUndefined();
    expect(pages.stats()).toMatchObject({ entries: 1, bytes: 3 });
  });

  it("stays within its bytes, the page served least recently going first", () => {
    const pages = new RenderedPages(30);
    pages.keep("a", "v", 1, page("a".repeat(10)));
    pages.keep("b", "v", 1, page("b".repeat(10)));
    pages.keep("c", "v", 1, page("c".repeat(10)));
    // "a" served again: "b" is now the least recently served.
    expect(pages.find("a", "v", 1)).toBeDefined();
    pages.keep("d", "v", 1, page("d".repeat(10)));
    expect(pages.find("b", "v", 1)).toBeUndefined();
    for (const id of ["a", "c", "d"]) expect(pages.find(id, "v", 1)).toBeDefined();
    expect(pages.stats()).toMatchObject({ entries: 3, bytes: 30 });

    pages.keep("e", "v", 1, page("e".repeat(25)));
    expect(pages.stats()).toMatchObject({ entries: 1, bytes: 25 });
    expect(pages.find("e", "v", 1)).toBeDefined();
  });

  it("keeps nothing larger than its budget, and nothing at all with a budget of 0", () => {
    const small = new RenderedPages(4);
    small.keep("a", "v", 1, page("12345"));
    expect(small.find("a", "v", 1)).toBeUndefined();
    const none = new RenderedPages(0);
    none.keep("a", "v", 1, page("x"));
    expect(none.find("a", "v", 1)).toBeUndefined();
    expect(none.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it("drops a link's stale page even when its new one is too large to keep", () => {
    const pages = new RenderedPages(8);
    pages.keep("a", "1", 1, page("small"));
    pages.keep("a", "2", 1, page("much too large"));
    expect(pages.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });
});
