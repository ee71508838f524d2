import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { useDraft } from "../../forms/useDraft";
import { useSubmit } from "../../forms/useSubmit";
import { keys } from "../../queries";
import type { MfaVerified, MfaVerifyInput } from "../../types";

/** The sign-in's second step: the authenticator app's 確認コード, or one of the recovery codes instead. */
import { CodeField } from "./CodeField";
export function VerifyStep() {
  const queryClient = useQueryClient();
  const [useRecovery, setUseRecovery] = useState(false);
  const draft = useDraft({ code: "", recoveryCode: "" });
  const verify = useSubmit({
    send: () =>
      api<MfaVerified>("/api/mfa/verify", {
        method: "POST",
        body: (useRecovery
          ? { recoveryCode: draft.values.recoveryCode }
          : { code: draft.values.code }) satisfies MfaVerifyInput,
      }),
    onDone: async () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
      await queryClient.refetchQueries({ queryKey: keys.session });
    },
    onError: () => draft.change({ code: "", recoveryCode: "" }),
  });
  const field = draft.fields(verify.fields);
  const toggle = () => {
    verify.clear();
    setUseRecovery(!useRecovery);
  };
  return (
    <>
      <ErrorAlert error={verify.error} title="確認できませんでした" />
      <form onSubmit={verify.onSubmit()} noValidate>
        {useRecovery ? (
          <TextField
            label="回復コード"
            required
            hint="登録のときに保存した回復コード（例: ABCDE-FGHJK）のうち、まだ使っていないものを1つ入力してください。使ったコードは二度と使えません。"
            {...field("recoveryCode")}
            autoComplete="off"
            name="recoveryCode"
          />
        ) : (
          <CodeField hint="認証アプリに表示されている6桁の数字を入力してください。" {...field("code")} />
        )}
        <div className="form-buttons">
          <button type="submit" className="button" disabled={verify.busy}>
            {verify.busy ? "確認しています…" : "確認する"}
          </button>
          <button type="button" className="button secondary" onClick={toggle}>
            {useRecovery ? "確認コードを使う" : "回復コードを使う"}
          </button>
        </div>
      </form>
    </>
  );
}
