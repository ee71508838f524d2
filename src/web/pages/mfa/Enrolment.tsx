import { useState } from "react";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useDraft } from "../../forms/useDraft";
import { useSubmit } from "../../forms/useSubmit";
import type { MfaCodeInput, MfaEnrolment, RecoveryCodes } from "../../types";
import { CodeField } from "./CodeField";
import { RecoveryCodesView } from "./RecoveryCodesView";

/** The key as people copy it: groups of four letters. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/**
 * Enrolment: a new secret (QR code and key for manual entry), a code from the app to prove it was added, then the
 * recovery codes. `onConfirmed` runs when the server accepted the code (the factor is on from then), `onFinished`
 * after the user confirmed saving the codes.
 */
export function Enrolment({ onConfirmed, onFinished }: { onConfirmed?: () => void; onFinished: () => void }) {
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  const [offered, setOffered] = useState<MfaEnrolment | null>(null);
  const draft = useDraft({ code: "" });
  const start = useSubmit({
    send: () => api<{ enrolment: MfaEnrolment }>("/api/mfa/enrolment", { method: "POST" }),
    onDone: (r) => setOffered(r.enrolment),
  });
  const confirm = useSubmit({
    send: () =>
      api<RecoveryCodes>("/api/mfa/enrolment/confirm", {
        method: "POST",
        body: { code: draft.values.code } satisfies MfaCodeInput,
      }),
    onDone: (r) => {
      setCodes(r.recoveryCodes);
      onConfirmed?.();
    },
    onError: () => draft.change({ code: "" }),
  });
  const field = draft.fields(confirm.fields);

  if (codes) return <RecoveryCodesView codes={codes} onSaved={onFinished} />;
  if (!offered) {
    return (
      <>
        <ErrorAlert error={start.error} />
        <p>
          スマートフォンなどの認証アプリ（Google Authenticator、Microsoft Authenticator
          など）を用意してから始めてください。
        </p>
        <button type="button" className="button" onClick={() => void start.run()} disabled={start.busy}>
          {start.busy ? "準備しています…" : "登録を始める"}
        </button>
      </>
    );
  }
  return (
    <ol className="steps">
      <li>
        <p>認証アプリで次のQRコードを読み取ってください。</p>
        <img
          className="qr-code"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(offered.qrSvg)}`}
          alt={`二段階認証の登録用QRコード（${offered.issuer}、${offered.account}）`}
          width={200}
          height={200}
        />
        <p>
          読み取れないときは、アプリに次の内容を手で入力してください（時間ベース）。
          <br />
          アカウント: {offered.issuer} {offered.account}
          <br />
          キー: <code className="manual-key">{grouped(offered.secret)}</code>
        </p>
      </li>
      <li>
        <p>アプリに表示された6桁の確認コードを入力してください。</p>
        <ErrorAlert error={confirm.error} title="登録できませんでした" />
        <form onSubmit={confirm.onSubmit()} noValidate>
          <CodeField {...field("code")} />
          <button type="submit" className="button" disabled={confirm.busy}>
            {confirm.busy ? "確認しています…" : "登録する"}
          </button>
        </form>
      </li>
    </ol>
  );
}
