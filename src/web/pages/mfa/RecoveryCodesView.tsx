import { useState } from "react";

/**
 * The recovery codes, shown once: the user prints or copies them and says so before going on (the server keeps
 * only their hashes, so they cannot be shown again).
 */
export function RecoveryCodesView({ codes, onSaved }: { codes: readonly string[]; onSaved: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopied("回復コードをコピーしました。");
    } catch {
      setCopied("コピーできませんでした。印刷するか、書き写してください。");
    }
  };
  return (
    <section aria-labelledby="recovery-codes-title" className="recovery-codes">
      <h2 id="recovery-codes-title">回復コード</h2>
      <p>
        認証アプリを使えなくなったときは、確認コードの代わりにこの回復コードでログインできます。各コードは1回だけ使えます。
        <strong>この画面を閉じると二度と表示されません。</strong>
        印刷するかコピーして、他人に見られない場所に保管してください。
      </p>
      <ol className="code-list" aria-label="回復コードの一覧">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div className="form-buttons no-print">
        <button type="button" className="button secondary" onClick={() => window.print()}>
          印刷する
        </button>
        <button type="button" className="button secondary" onClick={() => void copy()}>
          コピーする
        </button>
        <button type="button" className="button" onClick={onSaved}>
          保存しました
        </button>
      </div>
      <div aria-live="polite">{copied ? <p className="notice">{copied}</p> : null}</div>
    </section>
  );
}
