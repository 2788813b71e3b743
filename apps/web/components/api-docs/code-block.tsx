"use client";

import { CopyButton } from "../ui";

/** A titled, copyable block of code (a curl command, a JSON body). */
export function CodeBlock({ title, code, testId }: { title: string; code: string; testId?: string }) {
  return (
    <figure className="code-block" data-testid={testId}>
      <figcaption>
        <span>{title}</span>
        <CopyButton text={code} size="sm" variant="ghost" ariaLabel={`Copy ${title.toLowerCase()}`} />
      </figcaption>
      <pre>
        <code>{code}</code>
      </pre>
    </figure>
  );
}
