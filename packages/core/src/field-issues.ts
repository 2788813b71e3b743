import type { z } from "zod";
import type { FieldIssue } from "./errors";

const joinPath = (path: readonly PropertyKey[]) => path.map(String).join(".");

/**
 * Zod issues as every adapter reports them (`details.errors: [{path, message}]`):
 * one entry per problem, and one per unknown field, named by its own path, so a
 * client can point at each offending field.
 */
export const fieldIssuesOf = (issues: readonly z.core.$ZodIssue[]): FieldIssue[] => {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        out.push({ path: joinPath([...issue.path, key]), message: "Unknown field" });
    } else {
      out.push({ path: joinPath(issue.path), message: issue.message });
    }
  }
  return out;
};
