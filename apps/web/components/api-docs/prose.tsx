/** Descriptions are plain text with `code` spans; render those, nothing else (no HTML from the document). */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`)/g);
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith("`") && part.endsWith("`") && part.length > 2 ? (
          <code key={index}>{part.slice(1, -1)}</code>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function Prose({ text }: { text: string }) {
  return (
    <p className="prose">
      <InlineCode text={text} />
    </p>
  );
}
