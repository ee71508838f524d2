import { type ReactNode, useEffect, useId, useRef } from "react";

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Esc closes it, and focus returns to
 * the element that opened it.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <>
          <h2 id={titleId}>{title}</h2>
          {children}
        </>
      ) : null}
    </dialog>
  );
}

/**
 * The buttons at the foot of a dialog: the one that closes it and, unless `action` is absent, the action. The action
 * submits the dialog's form, or runs `onAction` where the dialog has no form (a confirm step). `className` sets the
 * row's layout for the same buttons at the foot of a form on a page.
 */
export function DialogActions({
  onCancel,
  cancelLabel = "キャンセル",
  action,
  onAction,
  disabled = false,
  danger = false,
  className = "dialog-actions",
}: {
  onCancel: () => void;
  cancelLabel?: string;
  action?: ReactNode;
  onAction?: () => void;
  disabled?: boolean;
  danger?: boolean;
  className?: string;
}) {
  return (
    <div className={className}>
      <button type="button" className="button secondary" onClick={onCancel}>
        {cancelLabel}
      </button>
      {action ? (
        <button
          type={onAction ? "button" : "submit"}
          className={danger ? "button danger" : "button"}
          onClick={onAction}
          disabled={disabled}
        >
          {action}
        </button>
      ) : null}
    </div>
  );
}
