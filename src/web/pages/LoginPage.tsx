import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, api, setCsrfToken } from "../api";
import { SelectField, TextField } from "../components/FormField";
import { PageHeading } from "../components/PageHeading";
import { Loading } from "../components/Status";
import { useSubmit } from "../forms/useSubmit";
import { keys, useMunicipalities } from "../queries";
import type { LoginInput } from "../types";

export function LoginPage() {
  const queryClient = useQueryClient();
  const municipalities = useMunicipalities();
  const [municipalityCode, setMunicipalityCode] = useState("");
  const [loginId, setLoginId] = useState("");
  const [password, setPassword] = useState("");
  const list = municipalities.data ?? [];
  const code = municipalityCode || (list.length === 1 ? (list[0]?.code ?? "") : "");
  const login = useSubmit({
    send: () =>
      api<{ csrfToken: string }>("/api/auth/login", {
        method: "POST",
        body: { municipalityCode: code, loginId, password } satisfies LoginInput,
      }),
    onDone: async (r) => {
      setCsrfToken(r.csrfToken);
      // nothing cached for a previous user may survive a login
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
      await queryClient.refetchQueries({ queryKey: keys.session });
    },
    onError: () => setPassword(""),
  });
  const { error, fields } = login;
  return (
    <>
      <PageHeading title="ログイン">地域福祉計画の進行管理システム「つなぐ」</PageHeading>
      {error ? (
        <div className="alert" role="alert">
          <p className="alert-title">ログインできませんでした</p>
          <p>{error instanceof ApiError ? error.message : "エラーが発生しました"}</p>
        </div>
      ) : null}
      {municipalities.isPending ? <Loading /> : null}
      <form onSubmit={login.onSubmit()} noValidate>
        {list.length > 1 ? (
          <SelectField
            label="自治体"
            required
            value={code}
            onChange={setMunicipalityCode}
            error={fields.municipalityCode}
            choose
            options={list.map((m) => ({ value: m.code, label: `${m.name}（${m.code}）` }))}
          />
        ) : list.length === 1 ? (
          <p>
            自治体: <strong>{list[0]?.name}</strong>
          </p>
        ) : null}
        <TextField
          label="ログインID"
          required
          value={loginId}
          onChange={setLoginId}
          autoComplete="username"
          name="loginId"
          error={fields.loginId}
        />
        <TextField
          label="パスワード"
          type="password"
          required
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          name="password"
          error={fields.password}
        />
        <button type="submit" className="button" disabled={login.busy}>
          {login.busy ? "ログインしています…" : "ログイン"}
        </button>
      </form>
    </>
  );
}
