import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { useSubmit } from "../../forms/useSubmit";
import type { OwnEmail, OwnEmailInput } from "../../types";

const emailKey = ["account", "email"] as const;

/** One's own address for notice mail: optional, full-width read as half-width; empty removes it. */
export function OwnEmailSection() {
  const current = useQuery({ queryKey: emailKey, queryFn: () => api<OwnEmail>("/api/account/email") });
  const [email, setEmail] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (current.data) setEmail(current.data.email ?? "");
  }, [current.data]);
  const save = useSubmit({
    send: () => api<OwnEmail>("/api/account/email", { method: "PUT", body: { email } satisfies OwnEmailInput }),
    invalidates: [emailKey],
    onDone: (r) => setMessage(r.email ? `通知メールを ${r.email} に送ります。` : "メールアドレスを削除しました。"),
  });
  return (
    <section aria-labelledby="own-email-title">
      <h2 id="own-email-title">通知メールの送り先</h2>
      <p>お知らせがあることをメールでも受け取るときに登録します（自治体がメールの送信を設定している場合）。</p>
      <div aria-live="polite">{message ? <p className="notice success">{message}</p> : null}</div>
      <ErrorAlert error={current.error ?? save.error} />
      <form onSubmit={save.onSubmit(undefined)} noValidate aria-labelledby="own-email-title">
        <TextField
          label="メールアドレス（任意）"
          type="email"
          value={email}
          onChange={setEmail}
          error={save.fields.email}
          autoComplete="email"
        />
        <div className="field">
          <button type="submit" className="button" disabled={save.busy || current.isPending}>
            {save.busy ? "保存しています…" : "保存"}
          </button>
        </div>
      </form>
    </section>
  );
}
