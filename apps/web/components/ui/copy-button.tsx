"use client";

import { useEffect, useState } from "react";
import { copyText } from "@/lib/clipboard";
import { useToast } from "../toast";
import { Button, type ButtonVariant } from "./button";
import { CheckIcon } from "./icons";
import "./copy-button.css";

const COPIED_FOR_MS = 2_000;

/**
 * Copies on click and says so where the user is looking: the label turns into
 * "Copied" for two seconds (the width does not jump), and a polite live region
 * announces `copiedMessage`. Only a failure raises a toast.
 */
export function CopyButton({
  text,
  label = "Copy",
  copiedMessage = "Copied to clipboard",
  size,
  variant = "secondary",
  ariaLabel,
}: {
  text: string;
  label?: string;
  copiedMessage?: string;
  size?: "sm";
  variant?: ButtonVariant;
  ariaLabel?: string;
}) {
  const toast = useToast();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), COPIED_FOR_MS);
    return () => window.clearTimeout(timer);
  }, [copied]);
  return (
    <>
      <Button
        size={size}
        variant={variant}
        aria-label={ariaLabel}
        className="copy-button"
        data-copied={copied || undefined}
        onClick={async () => {
          if (await copyText(text)) setCopied(true);
          else toast("Couldn't copy. Select the text and copy it manually.", "error");
        }}
      >
        {/* Both labels take space so the button keeps the wider one's width. */}
        <span className="copy-label" aria-hidden={copied || undefined}>
          {label}
        </span>
        <span className="copy-done" aria-hidden={!copied || undefined}>
          <CheckIcon />
          Copied
        </span>
      </Button>
      {/* Outside the button, so the announcement never becomes part of its name. */}
      <span className="sr-only" role="status">
        {copied ? copiedMessage : ""}
      </span>
    </>
  );
}
