import type { ReactNode } from "react";

/**
 * A small button in a row of a list. Its visible words are the action; screen readers also hear the row it acts on
 * (「名称変更：総務課」), since a list has many buttons with the same words.
 */
export function RowAction({
  of,
  onClick,
  primary = false,
  children,
}: {
  /** the row's name, read after the action */
  of: ReactNode;
  onClick: () => void;
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <button type="button" className={primary ? "button small" : "button secondary small"} onClick={onClick}>
      {children}
      <span className="visually-hidden">：{of}</span>
    </button>
  );
}
