import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeading } from "../../components/PageHeading";
import { Loading, QueryError } from "../../components/Status";
import { useDraft } from "../../forms/useDraft";
import { useSubmit } from "../../forms/useSubmit";
import type { MfaCodeInput, MfaStatus, RecoveryCodes } from "../../types";
import { CodeField } from "./CodeField";
import { Enrolment } from "./Enrolment";
import { OwnEmailSection } from "./OwnEmailSection";
import { RecoveryCodesView } from "./RecoveryCodesView";

const mfaKey = ["mfa"] as const;

/** アカウント: one's own second factor (enrol, new recovery codes, turn it off when not required). */
export function AccountPage() {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: mfaKey, queryFn: () => api<{ mfa: MfaStatus }>("/api/mfa") });
  const [enrolling, setEnrolling] = useState(false);
  // the status is read again only after the recovery codes were saved (reading it earlier would replace them)
  const [confirmed, setConfirmed] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: mfaKey });

  if (status.isPending) return <Loading />;
  if (status.error) return <QueryError error={status.error} />;
  const mfa = status.data.mfa;
  return (
    <>
      <PageHeading title="アカウント">
        ログインのときの本人確認（二段階認証）と、通知メールの送り先を設定します。
      </PageHeading>
      <div aria-live="polite">{message ? <p className="notice success">{message}</p> : null}</div>
      <section aria-labelledby="mfa-title">
        <h2 id="mfa-title">二段階認証</h2>
        <p>
          状態: <strong>{mfa.enrolled || confirmed ? "登録済み" : "未登録"}</strong>
          {mfa.required ? "（この利用者は必須です）" : "（任意）"}
        </p>
        {mfa.enrolled ? (
          <>
            <p>使っていない回復コード: {mfa.recoveryCodesLeft}個</p>
            <NewRecoveryCodes onDone={() => void refresh()} />
            {mfa.required ? null : (
              <TurnOff
                onDone={() => {
                  setMessage("二段階認証をやめました。次回からはパスワードだけでログインします。");
                  void refresh();
                }}
              />
            )}
          </>
        ) : enrolling ? (
          <Enrolment
            onConfirmed={() => setConfirmed(true)}
            onFinished={() => {
              setEnrolling(false);
              setMessage("二段階認証を登録しました。次回のログインから確認コードを入力します。");
              void refresh();
            }}
          />
        ) : (
          <button type="button" className="button" onClick={() => setEnrolling(true)}>
            二段階認証を登録する
          </button>
        )}
      </section>
      <OwnEmailSection />
    </>
  );
}

/** A form that sends one current code (the proof the caller still holds the second factor). */
function CodeForm<T>({
  title,
  action,
  path,
  method,
  onDone,
}: {
  title: string;
  action: string;
  path: string;
  method: "POST" | "DELETE";
  onDone: (r: T) => void;
}) {
  const draft = useDraft({ code: "" });
  const submit = useSubmit({
    send: () => api<T>(path, { method, body: { code: draft.values.code } satisfies MfaCodeInput }),
    onDone: (r) => {
      draft.change({ code: "" });
      onDone(r);
    },
    onError: () => draft.change({ code: "" }),
  });
  const field = draft.fields(submit.fields);
  return (
    <form onSubmit={submit.onSubmit()} noValidate aria-label={title}>
      <h3>{title}</h3>
      <ErrorAlert error={submit.error} />
      <CodeField {...field("code")} />
      <button type="submit" className="button secondary" disabled={submit.busy}>
        {action}
      </button>
    </form>
  );
}

function NewRecoveryCodes({ onDone }: { onDone: () => void }) {
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  if (codes) {
    return (
      <RecoveryCodesView
        codes={codes}
        onSaved={() => {
          setCodes(null);
          onDone();
        }}
      />
    );
  }
  return (
    <CodeForm<RecoveryCodes>
      title="回復コードの再発行（今までの回復コードは使えなくなります）"
      action="回復コードを再発行する"
      path="/api/mfa/recovery-codes"
      method="POST"
      onDone={(r) => setCodes(r.recoveryCodes)}
    />
  );
}

function TurnOff({ onDone }: { onDone: () => void }) {
  return (
    <CodeForm<unknown>
      title="二段階認証をやめる"
      action="二段階認証をやめる"
      path="/api/mfa"
      method="DELETE"
      onDone={onDone}
    />
  );
}
