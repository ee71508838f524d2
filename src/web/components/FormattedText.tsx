import { textBlocks } from "../../domain/text/text-blocks";

/**
 * Imported or typed text with its paragraphs and bullet lists laid out (src/domain/text/text-blocks.ts). The text
 * is rendered as text: list fragments of imported documents are read for their structure, never inserted as HTML.
 */
export function FormattedText({
  text,
  empty = "－",
  className,
  id,
}: {
  text: string | null | undefined;
  /** shown when there is no text */
  empty?: string;
  className?: string | undefined;
  id?: string | undefined;
}) {
  const blocks = textBlocks(text);
  const classes = ["formatted-text", className].filter(Boolean).join(" ");
  if (!blocks.length) {
    return (
      <div className={classes} id={id}>
        <p>{empty}</p>
      </div>
    );
  }
  return (
    <div className={classes} id={id}>
      {blocks.map((b, i) =>
        b.kind === "paragraph" ? (
          // blocks have no identity beyond their position in this text
          // biome-ignore lint/suspicious/noArrayIndexKey: the order is the identity
          <p key={i}>{b.text}</p>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the order is the identity
          <ul key={i} className="text-list">
            {b.items.map((item, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the order is the identity
              <li key={j}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
