"use client";

import type { ButtonHTMLAttributes } from "react";
import { Spinner } from "./spinner";
import "./button.css";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost" | "danger-ghost";

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: "sm";
  /** Disables the button and shows a spinner: a running request cannot be sent twice from here. */
  loading?: boolean;
};

/** The classes a button-looking link shares with `<Button>`. */
export const buttonClass = (variant: ButtonVariant = "secondary", size?: "sm", extra?: string) =>
  ["btn", `btn-${variant}`, size === "sm" ? "btn-sm" : "", extra ?? ""].filter(Boolean).join(" ");

export function Button({
  variant = "secondary",
  size,
  loading = false,
  children,
  className,
  disabled,
  type = "button",
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClass(variant, size, className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading ? <Spinner /> : null}
      {children}
    </button>
  );
}
