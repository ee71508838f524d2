import { type FormEvent, type ReactNode, useEffect, useRef } from "react";

/**
 * A form opened inside a page (not a dialog) that behaves like one: it takes the focus when it opens, Esc closes it
 * unless it is sending, and it ends with its submit button and 閉じる.
 */
export function InlineForm({
  className,
  label,
  labelledBy,
  busy,
  onSubmit,
  onCancel,
  submitLabel,
  busyLabel,
  children,
}: {
  className: string;
  /** the form's name, when no heading inside it names it (`labelledBy`) */
  label?: string;
  labelledBy?: string;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
  submitLabel: string;
  /** what the submit button says while sending */
  busyLabel: string;
  children: ReactNode;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, []);
  return (
    <form
      ref={formRef}
      className={className}
      onSubmit={onSubmit}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !busy) {
          e.preventDefault();
          onCancel();
        }
      }}
      noValidate
      aria-label={label}
      aria-labelledby={labelledBy}
    >
      {children}
      <div className="page-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          閉じる
        </button>
      </div>
    </form>
  );
}
