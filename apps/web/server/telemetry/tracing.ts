import type { IncomingMessage } from "node:http";
import {
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import { traceDb } from "@sharelinks/db";
import type { RequestContext } from "@sharelinks/edge";

export interface Tracing {
  /** The front door's `around`: each request runs inside its server span. */
  around(requestContext: RequestContext, req: IncomingMessage, run: () => void): void;
  /** The front door's response-finished hook: names, fills in and ends the span. */
  onResponseFinished(requestContext: RequestContext): void;
  /** Sends the spans buffered so far (tests). */
  flush(): Promise<void>;
  /** Sends what is buffered and stops the exporter (shutdown). */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry tracing, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set: then
 * sdk-node (context manager, W3C propagators, batch processor) exports over
 * OTLP/HTTP (JSON) to `<endpoint>/v1/traces`. Off, this module loads no SDK,
 * wraps nothing and the front door gets no `around`: zero cost.
 *
 * Server spans are made at the front door rather than by
 * instrumentation-http: the server is one ESM bundle, which the http
 * instrumentation can patch only under an ESM loader hook, and the front door
 * is the one place that knows a request's route template. The span carries
 * the template, method, status and request id, never the path (it may hold
 * a token), query, headers or client address. A `traceparent` a client sends
 * is continued. Database spans come from @sharelinks/db (db-tracing.ts).
 */
export const startTracing = async (
  env: Record<string, string | undefined> = process.env,
): Promise<Tracing | null> => {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!endpoint) return null;
  const [{ NodeSDK }, { OTLPTraceExporter }] = await Promise.all([
    import("@opentelemetry/sdk-node"),
    import("@opentelemetry/exporter-trace-otlp-http"),
  ]);
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME?.trim() || "sharelinks",
    traceExporter: new OTLPTraceExporter({
      url: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || `${endpoint.replace(/\/+$/, "")}/v1/traces`,
    }),
    instrumentations: [],
  });
  sdk.start();
  traceDb(true);
  const tracer = trace.getTracer("@sharelinks/web");
  const spans = new WeakMap<RequestContext, Span>();

  return {
    around(requestContext, req, run) {
      const parent = propagation.extract(ROOT_CONTEXT, req.headers);
      const span = tracer.startSpan(
        requestContext.method,
        {
          kind: SpanKind.SERVER,
          attributes: {
            "http.request.method": requestContext.method,
            "sharelinks.surface": requestContext.surface,
            "sharelinks.request_id": requestContext.requestId,
          },
        },
        parent,
      );
      requestContext.traceId = span.spanContext().traceId;
      spans.set(requestContext, span);
      context.with(trace.setSpan(parent, span), run);
    },
    onResponseFinished(requestContext) {
      const span = spans.get(requestContext);
      if (span === undefined) return;
      const route = requestContext.route ?? (requestContext.surface === "next" ? "(next)" : "(unmatched)");
      span.updateName(`${requestContext.method} ${route}`);
      span.setAttribute("http.route", route);
      span.setAttribute("http.response.status_code", requestContext.status);
      if (requestContext.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
    async flush() {
      const provider = trace.getTracerProvider() as { getDelegate?: () => unknown };
      const delegate = (provider.getDelegate?.() ?? provider) as { forceFlush?: () => Promise<void> };
      await delegate.forceFlush?.();
    },
    async shutdown() {
      traceDb(false);
      await sdk.shutdown();
    },
  };
};
