import { describe, expect, it } from "vitest";
import { createWebhookEndpointInputSchema, normalizeEvents, webhookUrlProblem } from "./endpoint-rules";
import { WEBHOOK_EVENT_TYPES } from "./events";

const strict = { allowPrivate: false };
const dev = { allowPrivate: true };

describe("webhookUrlProblem", () => {
  it("accepts a public https URL", () => {
    expect(webhookUrlProblem("https://hooks.example.com/sharelinks?x=1", strict)).toBeNull();
  });

  it.each([
    ["http://hooks.example.com/", "Must use https"],
    ["ftp://hooks.example.com/", "Must use https"],
    ["hooks.example.com", "Must be an absolute URL"],
    ["https://user:pw@hooks.example.com/", "Must not contain credentials"],
    ["https://127.0.0.1/", "Must not point at a loopback, private, link-local or metadata address"],
    ["https://[::1]/", "Must not point at a loopback, private, link-local or metadata address"],
    [
      "https://169.254.169.254/latest/meta-data",
      "Must not point at a loopback, private, link-local or metadata address",
    ],
    ["https://10.0.0.8/", "Must not point at a loopback, private, link-local or metadata address"],
    ["https://[fd00:ec2::254]/", "Must not point at a loopback, private, link-local or metadata address"],
    ["https://localhost/", "Must not point at a loopback address"],
    ["http://127.0.0.1:8080/", "Must use https"],
  ])("refuses %s without the dev switch", (url, message) => {
    expect(webhookUrlProblem(url, strict)).toBe(message);
  });

  it("with WEBHOOK_ALLOW_PRIVATE_URLS allows http to loopback, and still nothing else private", () => {
    expect(webhookUrlProblem("http://127.0.0.1:8080/hook", dev)).toBeNull();
    expect(webhookUrlProblem("http://localhost:8080/hook", dev)).toBeNull();
    expect(webhookUrlProblem("http://[::1]:8080/hook", dev)).toBeNull();
    expect(webhookUrlProblem("http://10.0.0.8/hook", dev)).toBe("Plain http is allowed to loopback only");
    expect(webhookUrlProblem("http://hooks.example.com/", dev)).toBe(
      "Plain http is allowed to loopback only",
    );
    expect(webhookUrlProblem("https://169.254.169.254/", dev)).toBe(
      "Must not point at a loopback, private, link-local or metadata address",
    );
  });
});

describe("events", () => {
  it("default to the whole catalog, keep catalog order and drop repeats", () => {
    expect(normalizeEvents(undefined)).toEqual([...WEBHOOK_EVENT_TYPES]);
    expect(normalizeEvents(["share.expired", "share.created", "share.expired"])).toEqual([
      "share.created",
      "share.expired",
    ]);
  });

  it("must come from the catalog", () => {
    const parsed = createWebhookEndpointInputSchema.safeParse({
      url: "https://x.example",
      events: ["share.viewed"],
    });
    expect(parsed.success).toBe(false);
    expect(createWebhookEndpointInputSchema.safeParse({ url: "https://x.example", events: [] }).success).toBe(
      false,
    );
    expect(createWebhookEndpointInputSchema.safeParse({ url: "https://x.example" }).success).toBe(true);
  });
});
