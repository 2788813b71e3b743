"use client";

import { type FormEvent, useId, useState } from "react";
import { Alert, Button } from "../ui";
import { type AuthKind, exampleOf } from "./examples";
import type { OpenApiDocument, Operation } from "./openapi";
import { useTryItKey } from "./try-it-key";

interface Answer {
  status: number;
  statusText: string;
  body: string;
}

const pretty = (text: string) => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

/** Fills the path template and the query string from the form's values. */
const urlOf = (operation: Operation, values: Record<string, string>) => {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(values[`path.${name}`] ?? ""),
  );
  const query = new URLSearchParams();
  for (const param of operation.parameters) {
    const value = values[`query.${param.name}`]?.trim();
    if (param.in === "query" && value) query.set(param.name, value);
  }
  const search = query.toString();
  return `${path}${search ? `?${search}` : ""}`;
};

/**
 * Sends the operation from the browser with the Try-it key (or no key for a
 * public operation) and shows the answer as it came. Admin operations need
 * the deployment's ADMIN_TOKEN, which does not belong in a browser: those
 * show the curl example only.
 */
export function TryIt({
  doc,
  operation,
  auth,
  bodyExample,
}: {
  doc: OpenApiDocument;
  operation: Operation;
  auth: AuthKind;
  bodyExample: unknown;
}) {
  const { apiKey } = useTryItKey();
  const formId = useId();
  const params = operation.parameters.filter((p) => p.in === "path" || p.in === "query");
  const [values, setValues] = useState<Record<string, string>>({});
  const [body, setBody] = useState(() =>
    bodyExample === undefined ? "" : JSON.stringify(bodyExample, null, 2),
  );
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  if (auth === "admin") {
    return (
      <p className="muted small try-it-note">
        Needs the deployment's <code>ADMIN_TOKEN</code>: run the curl example from a terminal.
      </p>
    );
  }
  const missingKey = auth === "api_key" && !apiKey;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setFailure(null);
    try {
      const response = await fetch(urlOf(operation, values), {
        method: operation.method.toUpperCase(),
        headers: {
          accept: "application/json",
          ...(auth === "api_key" ? { authorization: `Bearer ${apiKey}` } : {}),
          ...(bodyExample !== undefined ? { "content-type": "application/json" } : {}),
        },
        body: bodyExample !== undefined ? body : undefined,
        credentials: "omit",
      });
      setAnswer({
        status: response.status,
        statusText: response.statusText,
        body: pretty(await response.text()),
      });
    } catch {
      setFailure("The request did not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  };

  return (
    <details className="try-it" data-testid="try-it">
      <summary>Try it</summary>
      <form
        className="try-it-form"
        onSubmit={send}
        noValidate
        aria-label={`Try ${operation.method.toUpperCase()} ${operation.path}`}
      >
        {params.map((param) => {
          const key = `${param.in}.${param.name}`;
          return (
            <label key={key} className="try-it-param">
              <span className="mono small">
                {param.name}
                {param.required ? <span className="req"> required</span> : null}
              </span>
              <input
                type="text"
                className="mono"
                spellCheck={false}
                placeholder={String(exampleOf(doc, param.schema, "request", param.name) ?? "")}
                value={values[key] ?? ""}
                onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))}
              />
            </label>
          );
        })}
        {bodyExample !== undefined ? (
          <label className="try-it-param">
            <span className="small">Request body (JSON)</span>
            <textarea
              className="mono"
              rows={Math.min(12, body.split("\n").length + 1)}
              spellCheck={false}
              value={body}
              onChange={(event) => setBody(event.target.value)}
            />
          </label>
        ) : null}
        {missingKey ? (
          <p className="small muted" id={`${formId}-key`}>
            Add an API key under “Try it” at the top of the page first.
          </p>
        ) : null}
        <div className="try-it-actions">
          <Button
            type="submit"
            variant="primary"
            size="sm"
            loading={pending}
            disabled={missingKey}
            aria-describedby={missingKey ? `${formId}-key` : undefined}
          >
            Send request
          </Button>
          {operation.method !== "get" ? (
            <span className="muted small">This is a real request: it changes your data.</span>
          ) : null}
        </div>
      </form>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {answer ? (
        <div className="try-it-answer" data-testid="try-it-answer" aria-live="polite">
          <p className="small">
            <span className={`status-code status-${answer.status < 300 ? "ok" : "err"}`}>
              {answer.status}
            </span>{" "}
            {answer.statusText}
          </p>
          {answer.body ? (
            <pre>
              <code>{answer.body}</code>
            </pre>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}
