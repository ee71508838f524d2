import type { FormEvent, ReactNode } from "react";
import { InlineForm } from "./InlineForm";
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
 * The inline form of one indicator's year (実績, 目標): an InlineForm (when Esc closes it, the focus returns to the
 * button that opened it, as with a dialog) whose 412 offers to load the latest version and keeps what was typed
 * visible.
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
  return (
    <InlineForm
      className={className}
      label={label}
      busy={save.busy}
      onSubmit={onSubmit}
      onCancel={onCancel}
      submitLabel={submitLabel}
      busyLabel="保存しています…"
    >
      <SubmitFailure save={save} onReload={onReload} title={errorTitle} />
      <KeptText entries={kept} onDismiss={onDismissKept} />
      {children}
    </InlineForm>
  );
}
