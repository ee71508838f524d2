import type { ReactNode } from "react";

/** How a row's button looks: a small button (the action of the row: primary), or a link's words among the text. */
const LOOKS = {
  secondary: "button secondary small",
  primary: "button small",
  link: "link-button",
} as const;

/**
 * A small button in a row of a list. Its visible words are the action; screen readers also hear the row it acts on
 * (「名称変更：総務課」), since a list has many buttons with the same words.
 */
export function RowAction({
  of,
  onClick,
  look = "secondary",
  expanded,
  className,
  children,
}: {
  /** the row's name, read after the action */
  of: ReactNode;
  onClick: () => void;
  look?: keyof typeof LOOKS;
  /** for a button that shows and hides a part of the row: whether it is shown */
  expanded?: boolean;
  /** classes added to the look's */
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className ? `${LOOKS[look]} ${className}` : LOOKS[look]}
      aria-expanded={expanded}
      onClick={onClick}
    >
      {children}
      <span className="visually-hidden">：{of}</span>
    </button>
  );
}
