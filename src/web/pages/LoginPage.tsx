import { useQueryClient } from "@tanstack/react-query";
import { ApiError, api, setCsrfToken } from "../api";
import { SelectField, TextField } from "../components/FormField";
import { PageHeading } from "../components/PageHeading";
import { Loading } from "../components/Status";
import { useDraft } from "../forms/useDraft";
import { useSubmit } from "../forms/useSubmit";
import { keys, useMunicipalities } from "../queries";
import type { LoginInput } from "../types";

export function LoginPage() {
  const queryClient = useQueryClient();
  const municipalities = useMunicipalities();
  const draft = useDraft({ municipalityCode: "", loginId: "", password: "" });
  const { loginId, password } = draft.values;
  const list = municipalities.data ?? [];
  // the only municipality is chosen without asking
  const code = draft.values.municipalityCode || (list.length === 1 ? (list[0]?.code ?? "") : "");
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
    onError: () => draft.change({ password: "" }),
  });
  const { error } = login;
  const field = draft.fields(login.fields);
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
      {municipalities.isSuccess && list.length === 0 ? (
        <div className="alert" role="status">
          <p className="alert-title">自治体がまだ登録されていません</p>
          <p>
            サーバーで次のコマンドを実行して自治体と最初の管理者を登録し、表示された初期設定用の文字列でログインしてください。
          </p>
          <pre>
            <code>npm run cli -- municipality create --code 団体コード --name 自治体名 --admin ログインID</code>
          </pre>
        </div>
      ) : null}
      <form onSubmit={login.onSubmit()} noValidate>
        {list.length > 1 ? (
          <SelectField
            label="自治体"
            required
            {...field("municipalityCode")}
            value={code}
            choose
            options={list.map((m) => ({ value: m.code, label: `${m.name}（${m.code}）` }))}
          />
        ) : list.length === 1 ? (
          <p>
            自治体: <strong>{list[0]?.name}</strong>
          </p>
        ) : null}
        <TextField label="ログインID" required {...field("loginId")} autoComplete="username" name="loginId" />
        <TextField
          label="パスワード"
          type="password"
          required
          {...field("password")}
          autoComplete="current-password"
          name="password"
        />
        <button type="submit" className="button" disabled={login.busy}>
          {login.busy ? "ログインしています…" : "ログイン"}
        </button>
      </form>
    </>
  );
}
