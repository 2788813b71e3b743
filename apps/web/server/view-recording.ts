import { createVisitorKeyer, ViewRecorder, type ViewSink } from "@sharelinks/core";
import { createBotClassifier, type EdgeLogger, type RequestContext } from "@sharelinks/edge";

/**
 * How often recorded views are written. Under a second, so a `kill -9` loses
 * at most the views of the last second (a graceful stop flushes them all).
 */
export const VIEW_FLUSH_INTERVAL_MS = 500;

export interface ViewRecording {
  /** The front door's "response finished" hook: counts a view when the answer was one. */
  readonly onResponseFinished: (context: RequestContext) => void;
  readonly recorder: ViewRecorder;
  /** Writes everything recorded so far (graceful shutdown calls it after the last request). */
  flush(): Promise<void>;
  /** Stops the timer (a final `flush()` is the caller's). */
  stop(): void;
}

/**
 * View counting, off the request path: the hook does a few Map operations
 * (no database, no hashing, a cached bot check), a timer flushes in batches.
 * A view is a 200 answer to a GET of `/v1/shared/{token}` or `/shared/{token}`
 * (the surface sets `viewedShareId` only when it served the link); HEAD,
 * 404, 410 and 429 are not views.
 */
export const createViewRecording = ({
  sink,
  serverSecret,
  logger,
  intervalMs = VIEW_FLUSH_INTERVAL_MS,
}: {
  sink: ViewSink;
  /** SHARE_TOKEN_SECRET: the visitor-key secret is derived from it under its own label. */
  serverSecret: string;
  logger: EdgeLogger;
  intervalMs?: number;
}): ViewRecording => {
  const recorder = new ViewRecorder({
    sink,
    visitorKey: createVisitorKeyer(serverSecret),
    isBot: createBotClassifier(),
  });
  let failing = false;
  const flush = () =>
    recorder.flush().then(
      () => {
        if (failing) logger.info({}, "view analytics flush recovered");
        failing = false;
      },
      (error: unknown) => {
        // Kept in memory and sent with the next flush; logged once per outage.
        if (!failing)
          logger.warn({ err: error, pending_views: recorder.pendingViews }, "view analytics flush failed");
        failing = true;
      },
    );
  const timer = setInterval(() => void flush(), intervalMs);
  timer.unref();
  return {
    recorder,
    onResponseFinished(context) {
      if (context.viewedShareId === null || context.status !== 200 || context.method !== "GET") return;
      const headers = context.headers;
      recorder.record(
        context.viewedShareId,
        context.clientIp,
        headers["user-agent"] as string | undefined,
        headers.referer as string | undefined,
      );
    },
    async flush() {
      await recorder.flush();
    },
    stop() {
      clearInterval(timer);
    },
  };
};
