import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { MAIL_SECURITIES, MAIL_SECURITY_LABELS } from "../../../domain/labels/mail";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Checkbox, SelectField, TextField } from "../../components/FormField";
import { StaleNotice } from "../../components/StaleNotice";
import { useSubmit } from "../../forms/useSubmit";
import type { MailSecurityCode, MailSettings, MailSettingsInput, TestMailSent } from "../../types";

const settingsKey = ["settings", "mail"] as const;

/**
 * The municipality's mail server for notice mail (the system administrator's): the stored password is never shown,
 * only 「設定済み」; typing a new one replaces it. A test mail goes to the administrator's own address.
 */
export function MailSettingsSection() {
  const current = useQuery({
    queryKey: settingsKey,
    queryFn: () => api<{ settings: MailSettings }>("/api/municipality/mail-settings"),
  });
  const s = current.data?.settings;
  const [enabled, setEnabled] = useState(false);
  const [host, setHost] = useState("");
  const [port, setPort] = useState("587");
  const [security, setSecurity] = useState<MailSecurityCode>("starttls");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [fromAddress, setFromAddress] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (!s) return;
    setEnabled(s.enabled);
    setHost(s.host);
    setPort(String(s.port));
    setSecurity(s.security);
    setUsername(s.username);
    setFromAddress(s.fromAddress);
    setPassword("");
  }, [s]);

  const save = useSubmit({
    send: () =>
      api<{ settings: MailSettings }>("/api/municipality/mail-settings", {
        method: "PUT",
        version: s?.version ?? 0,
        body: {
          enabled,
          host,
          port: Number(port),
          security,
          username,
          ...(password ? { password } : {}),
          fromAddress,
        } satisfies MailSettingsInput,
      }),
    invalidates: [settingsKey],
    onDone: () => setMessage("メールの設定を保存しました。"),
  });
  const test = useSubmit({
    send: () => api<TestMailSent>("/api/municipality/mail-settings/test", { method: "POST", body: {} }),
    onDone: (r) => setMessage(`テストメールを ${r.sentTo} に送りました。届いたか確かめてください。`),
  });
  const fields = save.fields;

  return (
    <section aria-labelledby="mail-settings-title" className="no-print">
      <h2 id="mail-settings-title">通知メールの設定</h2>
      <p>
        お知らせがあることを、利用者に登録されたメールアドレスへ知らせます。メールには内容や個人の情報は書かず、tsunagu
        にお知らせがあることだけを書きます。
      </p>
      <div aria-live="polite">{message ? <p className="notice success">{message}</p> : null}</div>
      {save.stale ? (
        <StaleNotice onReload={() => void current.refetch().then(() => save.clear())} />
      ) : (
        <ErrorAlert error={current.error ?? save.error ?? test.error} />
      )}
      <form onSubmit={save.onSubmit(undefined)} noValidate aria-labelledby="mail-settings-title">
        <Checkbox label="通知メールを送る" checked={enabled} onChange={setEnabled} name="mail-enabled" />
        <div className="form-row">
          <TextField label="メールサーバー" required value={host} onChange={setHost} error={fields.host} />
          <TextField label="ポート番号" required type="number" value={port} onChange={setPort} error={fields.port} />
        </div>
        <SelectField
          label="暗号化"
          value={security}
          onChange={setSecurity}
          options={MAIL_SECURITIES.map((value) => ({ value, label: MAIL_SECURITY_LABELS[value] }))}
          error={fields.security}
        />
        <div className="form-row">
          <TextField
            label="ユーザー名（認証しないときは空）"
            value={username}
            onChange={setUsername}
            error={fields.username}
            autoComplete="off"
          />
          <TextField
            label="パスワード"
            type="password"
            hint={s?.passwordSet ? "設定済み（変えるときだけ入力してください）" : "未設定"}
            value={password}
            onChange={setPassword}
            error={fields.password}
            autoComplete="new-password"
          />
        </div>
        <TextField
          label="送信元のメールアドレス"
          type="email"
          required
          value={fromAddress}
          onChange={setFromAddress}
          error={fields.fromAddress}
        />
        <div className="field">
          <button type="submit" className="button" disabled={save.busy || !s}>
            {save.busy ? "保存しています…" : "設定を保存"}
          </button>{" "}
          <button
            type="button"
            className="button secondary"
            disabled={test.busy || !s?.configured}
            onClick={() => void test.run(undefined)}
          >
            {test.busy ? "送っています…" : "自分あてにテストメールを送る"}
          </button>
        </div>
      </form>
    </section>
  );
}
