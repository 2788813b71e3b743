import { describe, expect, it } from "vitest";
import { referrerHost } from "./referrer";

describe("referrerHost", () => {
  it("keeps the host only, lowercased", () => {
    expect(referrerHost("https://App.Slack.com/client/T123/C456?secret=1#x")).toBe("app.slack.com");
    expect(referrerHost("http://mail.example.org:8080/inbox")).toBe("mail.example.org");
  });

  it("drops what is not an http(s) URL", () => {
    for (const value of [
      undefined,
      "",
      "not a url",
      "android-app://com.slack/",
      "file:///etc/passwd",
      "javascript:alert(1)",
    ]) {
      expect(referrerHost(value)).toBeNull();
    }
  });
});
