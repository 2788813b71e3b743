import { describe, expect, it } from "vitest";
import { logAccess } from "./access-log";
import { RequestContext } from "./request-context";
import { captureLogger } from "./testing/capture-logger";

const context = (route: string | null, path: string) => {
  const request = new RequestContext(
    "0b7f5c7e-2f4d-4a57-9d3c-6c1c1d7f3e21",
    "203.0.113.9",
    "GET",
    path,
    { authorization: "Bearer slk_secret" },
    "rest",
    captureLogger().logger,
  );
  request.route = route;
  request.status = 200;
  return request;
};

describe("logAccess", () => {
  it("writes one line with the route template, status and duration, and nothing of the request", () => {
    const logs = captureLogger();
    const token = "A".repeat(43);
    logAccess(logs.logger, context("/v1/shared/{token}", `/v1/shared/${token}`));
    const [line] = logs.records();
    expect(line).toMatchObject({
      msg: "request",
      request_id: "0b7f5c7e-2f4d-4a57-9d3c-6c1c1d7f3e21",
      method: "GET",
      route: "/v1/shared/{token}",
      status: 200,
      surface: "rest",
    });
    expect(typeof line?.duration_ms).toBe("number");
    expect(logs.lines.join("")).not.toContain(token);
    expect(logs.lines.join("")).not.toContain("slk_secret");
  });

  it("logs an unrouted request's path masked", () => {
    const logs = captureLogger();
    const token = "B".repeat(43);
    logAccess(logs.logger, context(null, `/shared/${token}/x`));
    expect(logs.records()[0]?.route).toBeNull();
    expect(logs.lines.join("")).not.toContain(token);
  });

  it("leaves the logger's redaction on for every other line", () => {
    const logs = captureLogger();
    logAccess(logs.logger, context("/v1/shared/{token}", "/v1/shared/x"));
    logs.logger.info({ token: "do-not-log", email: "a@example.test" }, "other");
    const other = logs.records()[1];
    expect(other).toMatchObject({ token: "[redacted]", email: "[redacted]" });
  });
});
