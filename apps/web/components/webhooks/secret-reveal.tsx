"use client";

import { useEffect, useRef } from "react";
import { Alert, Button, CopyButton } from "../ui";

/** The `whsec_…` signing secret, on screen once: after create and after a rotation. */
export function SecretReveal({
  secret,
  url,
  rotated,
  onDone,
}: {
  secret: string;
  url: string;
  rotated: boolean;
  onDone: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // A rotation starts from an endpoint further down the page: bring the secret into view.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <div ref={ref} className="webhook-secret" data-testid="webhook-secret">
      <Alert tone="success" title={rotated ? "New signing secret" : "Endpoint added"}>
        {rotated ? "The old secret stopped working. " : null}
        Copy the signing secret for <span className="mono">{url}</span> now: it is shown only once. Verify
        each delivery with it (Standard Webhooks; see the API docs).
      </Alert>
      <div className="url-box">
        <input
          type="text"
          className="url-input mono"
          readOnly
          value={secret}
          aria-label="Signing secret"
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton
          text={secret}
          label="Copy secret"
          copiedMessage="Signing secret copied"
          variant="primary"
        />
      </div>
      <Button variant="ghost" size="sm" onClick={onDone}>
        Done, I've stored it
      </Button>
    </div>
  );
}
