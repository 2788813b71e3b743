import { describe, expect, it } from "vitest";
import { plainFieldError } from "./field-errors";

describe("plain field errors", () => {
  it("turns zod's wording into what to do", () => {
    expect(plainFieldError("expiration_days", "Too small: expected number to be >=1")).toBe(
      "Choose between 1 and 365 days.",
    );
    expect(plainFieldError("expiration_days", "Invalid input: expected number, received NaN")).toBe(
      "Choose between 1 and 365 days.",
    );
    expect(plainFieldError("white_label_config.logo_url", "logo_url must be an https URL")).toBe(
      "Use an https:// image address.",
    );
    expect(
      plainFieldError("white_label_config.logo_url", "Too big: expected string to have <=2048 characters"),
    ).toBe("Use an image address of at most 2,048 characters.");
    expect(plainFieldError("white_label_config.primary_color", "primary_color must look like #RRGGBB")).toBe(
      "Use a colour such as #0E7490: a # and six hex digits.",
    );
    expect(
      plainFieldError("white_label_config.company_name", "Too big: expected string to have <=120 characters"),
    ).toBe("Use between 1 and 120 characters.");
    expect(plainFieldError("email", "Invalid email address")).toBe(
      "Enter an email address such as name@company.com.",
    );
    expect(plainFieldError("password", "Too small: expected string to have >=1 characters")).toBe(
      "Enter your password.",
    );
    expect(plainFieldError("password", "password must be at least 8 characters")).toBe(
      "Use at least 8 characters.",
    );
    expect(plainFieldError("password", "password must be at most 128 characters")).toBe(
      "Use at most 128 characters.",
    );
    expect(plainFieldError("share_policy.max_expiration_days", "Too big: expected number to be <=365")).toBe(
      "Choose between 1 and 365 days, or leave it empty.",
    );
  });

  it("keeps a readable message for a field it does not know, and hides zod's jargon", () => {
    expect(plainFieldError("note", "Notes are limited to one paragraph")).toBe(
      "Notes are limited to one paragraph",
    );
    expect(plainFieldError("", 'Unrecognized key: "extra"')).toBe("Check this value.");
  });
});
