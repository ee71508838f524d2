import { useEffect, useId, useRef, useState } from "react";
import { ErrorAlert } from "./ErrorAlert";

/**
 * 412: someone saved first. Nothing is overwritten silently: the user reloads the latest version explicitly, and
 * what they had typed stays visible (see KeptText) so they can copy it back.
 */
export function StaleNotice({
  onReload,
  reloadLabel = "最新の内容を読み込む",
}: {
  onReload: () => Promise<void> | void;
  reloadLabel?: string;
}) {
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
  }, []);
  return (
    <div className="alert" role="alert" ref={ref}>
      <p className="alert-title">他の人が先に更新しました</p>
      <p>
        あなたの変更はまだ保存されていません。最新の内容を読み込んでから、必要な変更をもう一度行ってください。
        入力した内容は画面に残ります。
      </p>
      <button
        type="button"
        className="button secondary small"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onReload();
          } finally {
            setBusy(false);
          }
        }}
      >
        {reloadLabel}
      </button>
    </div>
  );
}

/** The text a user had typed before the latest version was loaded: read-only, ready to copy. */
export function KeptText({
  entries,
  onDismiss,
}: {
  entries: { label: string; value: string }[];
  onDismiss: () => void;
}) {
  const id = useId();
  if (!entries.length) return null;
  return (
    <section className="notice warning copy-box" aria-labelledby={id}>
      <h2 id={id}>あなたが入力していた内容（保存されていません）</h2>
      <p>最新の内容を読み込みました。必要な部分をコピーして、上の入力欄に貼り付けてください。</p>
      {entries.map((e) => (
        <div className="field" key={e.label}>
          <label htmlFor={`${id}-${e.label}`}>{e.label}</label>
          <textarea id={`${id}-${e.label}`} readOnly value={e.value} />
        </div>
      ))}
      <button type="button" className="button secondary small" onClick={onDismiss}>
        この内容を閉じる
      </button>
    </section>
  );
}

/** The last failure of a form's submit: a 412 offers to load the latest version, anything else is an error alert. */
export function SubmitFailure({
  save,
  onReload,
  title,
  fieldTargets,
}: {
  save: { stale: boolean; error: unknown };
  onReload: () => Promise<void> | void;
  title?: string | undefined;
  fieldTargets?: Readonly<Record<string, string>> | undefined;
}) {
  if (save.stale) return <StaleNotice onReload={onReload} />;
  return <ErrorAlert error={save.error} title={title} fieldTargets={fieldTargets} />;
}
