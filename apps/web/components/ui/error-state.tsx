"use client";

import { errorMessage } from "@/lib/errors";
import { Button } from "./button";
import { AlertIcon } from "./icons";
import "./state.css";

/** A failed load, said in one sentence, with a retry when one can help. */
export function ErrorState({
  error,
  onRetry,
  title = "Couldn't load this",
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <div className="state state-error" role="alert">
      <div className="state-icon" aria-hidden="true">
        <AlertIcon />
      </div>
      <h3>{title}</h3>
      <p>{errorMessage(error)}</p>
      {onRetry ? (
        <Button onClick={onRetry} size="sm">
          Try again
        </Button>
      ) : null}
    </div>
  );
}
