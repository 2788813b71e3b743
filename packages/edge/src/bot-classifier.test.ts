import { describe, expect, it } from "vitest";
import { createBotClassifier, isBotUserAgent } from "./bot-classifier";

const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

describe("isBotUserAgent", () => {
  it.each([
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "Twitterbot/1.0",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
    "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
    "TelegramBot (like TwitterBot)",
    "WhatsApp/2.23.20.0",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
  ])("%s is a bot", (agent) => {
    expect(isBotUserAgent(agent)).toBe(true);
  });

  it.each([CHROME, "", "node", "curl/8.4.0", "python-requests/2.31.0"])("%j is a client", (agent) => {
    expect(isBotUserAgent(agent)).toBe(false);
  });
});

describe("createBotClassifier", () => {
  it("answers like isBotUserAgent from a bounded cache", () => {
    const classify = createBotClassifier(2);
    for (const agent of [CHROME, "Twitterbot/1.0", "curl/8.4.0", CHROME, "Twitterbot/1.0"]) {
      expect(classify(agent)).toBe(isBotUserAgent(agent));
    }
  });
});
