import { isbot } from "isbot";

/**
 * The default user agents of HTTP libraries (`node`, `curl/8.4.0`,
 * `python-requests/2.31`...). isbot lists them as bots; for a link whose JSON
 * API is meant to be read by programs, a library's plain default is a client
 * someone runs, not a crawler or a preview fetcher, so it counts as a view.
 * Crawlers and preview fetchers name themselves (Slackbot-LinkExpanding,
 * Twitterbot, facebookexternalhit, ...) and stay bots.
 */
const LIBRARY_DEFAULT =
  /^(?:node|undici|curl|wget|python-requests|python-urllib|axios|got|node-fetch|go-http-client|okhttp|java|libwww-perl|ruby|php)(?:\/[\w.-]+)?$/i;

export const isBotUserAgent = (userAgent: string): boolean =>
  userAgent.length > 0 && isbot(userAgent) && !LIBRARY_DEFAULT.test(userAgent);

/**
 * isbot runs a large regular expression; user agents repeat a lot, so the
 * answer is kept per string. Bounded: when full it starts over (a flood of
 * unique agents costs a regex each, never memory).
 */
export const createBotClassifier = (maxEntries = 2_048): ((userAgent: string) => boolean) => {
  const cache = new Map<string, boolean>();
  return (userAgent) => {
    const known = cache.get(userAgent);
    if (known !== undefined) return known;
    const bot = isBotUserAgent(userAgent);
    if (cache.size >= maxEntries) cache.clear();
    cache.set(userAgent, bot);
    return bot;
  };
};
