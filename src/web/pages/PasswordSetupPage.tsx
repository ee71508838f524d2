import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError, api, setCsrfToken } from "../api";
import { FormButtons } from "../components/FormButtons";
import { TextField } from "../components/FormField";
import { PageHeading } from "../components/PageHeading";
import { useDraft } from "../forms/useDraft";
import { useSubmit } from "../forms/useSubmit";
import { keys } from "../queries";
import type { Session, SetPasswordInput } from "../types";

const CONFIRM_MISMATCH = "確認のため、同じパスワードをもう一度入力してください";

/**
 * パスワードの設定: shown instead of the app while the account's sign-in asks for its own password (its password
 * was a setup secret or an administrator set it). Once set, the session is read again and the app opens.
 */
export function PasswordSetupPage({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  const draft = useDraft({ password: "", confirm: "" });
  const [mismatch, setMismatch] = useState(false);
  const save = useSubmit({
    send: () =>
      api("/api/auth/password", {
        method: "POST",
        body: { password: draft.values.password } satisfies SetPasswordInput,
      }),
    invalidates: [keys.session],
    onError: () => draft.change({ password: "", confirm: "" }),
  });
  const field = draft.fields(save.fields);
  const submit = save.onSubmit();
  const onSubmit = (e: FormEvent) => {
    const differs = draft.values.password !== draft.values.confirm;
    setMismatch(differs);
    if (differs) {
      e.preventDefault();
      return;
    }
    submit(e);
  };
  const logout = async () => {
    await api("/api/auth/logout", { method: "POST" }).catch(() => undefined);
    setCsrfToken(null);
    queryClient.setQueryData(keys.session, null);
  };
  const failure = save.error instanceof ApiError && save.error.fields.length === 0 ? save.error.message : null;
  return (
    <>
      <PageHeading title="パスワードの設定">
        {session.municipality.name}の {session.user.loginId} さん、はじめに自分のパスワードを設定してください。
        設定するまで、ほかの画面は使えません。
      </PageHeading>
      {failure ? (
        <div className="alert" role="alert">
          <p className="alert-title">設定できませんでした</p>
          <p>{failure}</p>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label="新しいパスワード"
          type="password"
          required
          hint="12文字以上。ログインID・よく使われるパスワード・同じ文字の繰り返しは使えません。ログインに使った文字列とは別にしてください"
          {...field("password")}
          autoComplete="new-password"
          name="password"
        />
        <TextField
          label="新しいパスワード（確認）"
          type="password"
          required
          {...field("confirm")}
          error={mismatch ? CONFIRM_MISMATCH : undefined}
          autoComplete="new-password"
          name="confirm"
        />
        <FormButtons
          back="ログアウト"
          onBack={logout}
          submit={save.busy ? "設定しています…" : "パスワードを設定する"}
          busy={save.busy}
        />
      </form>
    </>
  );
}
