import { type FormEvent, type ReactNode, useEffect, useRef } from "react";
import { KeptText, SubmitFailure } from "./StaleNotice";

export interface KeptEntry {
  label: string;
  value: string;
}

/**
 * What the user had typed that neither the version they started from nor the latest one holds: shown read-only
 * after a 412 reload, so nothing typed is lost.
 */
export function keptEntries<K extends string>(
  labels: Record<K, string>,
  typed: Record<K, string>,
  before: Record<K, string>,
  latest: Record<K, string>,
): KeptEntry[] {
  return (Object.keys(labels) as K[])
    .filter((k) => typed[k] !== before[k] && typed[k] !== latest[k] && typed[k].trim() !== "")
    .map((k) => ({ label: labels[k], value: typed[k] }));
}

/**
 * The inline form of one indicator's year (実績, 目標): it takes the focus when it opens, Esc closes it (the focus
 * returns to the button that opened it, as with a dialog), a 412 offers to load the latest version and keeps what
 * was typed visible.
 */
export function IndicatorYearForm({
  className,
  label,
  save,
  errorTitle,
  onReload,
  kept,
  onDismissKept,
  onSubmit,
  onCancel,
  submitLabel,
  children,
}: {
  className: string;
  label: string;
  /** the form's useSubmit */
  save: { busy: boolean; stale: boolean; error: unknown };
  errorTitle: string | undefined;
  onReload: () => Promise<void>;
  kept: KeptEntry[];
  onDismissKept: () => void;
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
  submitLabel: string;
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
        if (e.key === "Escape" && !save.busy) {
          e.preventDefault();
          onCancel();
        }
      }}
      noValidate
      aria-label={label}
    >
      <SubmitFailure save={save} onReload={onReload} title={errorTitle} />
      <KeptText entries={kept} onDismiss={onDismissKept} />
      {children}
      <div className="page-actions">
        <button type="submit" className="button" disabled={save.busy}>
          {save.busy ? "保存しています…" : submitLabel}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          閉じる
        </button>
      </div>
    </form>
  );
}
