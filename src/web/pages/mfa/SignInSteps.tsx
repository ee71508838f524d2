import { useQueryClient } from "@tanstack/react-query";
import { api, setCsrfToken } from "../../api";
import { PageHeading } from "../../components/PageHeading";
import { keys } from "../../queries";
import type { Session } from "../../types";
import { Enrolment } from "./Enrolment";
import { VerifyStep } from "./VerifyStep";

/**
 * What a signed-in session still has to do before the app opens (the server answers nothing else meanwhile):
 * pass the second factor, or enrol one when the account must have one.
 */
export function SignInSteps({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  const step = session.pendingSteps[0];
  const finished = async () => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
    await queryClient.refetchQueries({ queryKey: keys.session });
  };
  const cancel = async () => {
    await api("/api/auth/logout", { method: "POST" }).catch(() => undefined);
    setCsrfToken(null);
    queryClient.setQueryData(keys.session, null);
  };
  return (
    <>
      {step === "mfa_enroll" ? (
        <>
          <PageHeading title="二段階認証の登録">
            {session.user.displayName}
            さんのアカウントは、二段階認証（パスワードと認証アプリの確認コード）が必須です。登録が終わるまで、ほかの画面は使えません。
          </PageHeading>
          <Enrolment onFinished={() => void finished()} />
        </>
      ) : (
        <>
          <PageHeading title="確認コードの入力">{session.user.displayName}さん、ログインの2段階目です。</PageHeading>
          <VerifyStep />
        </>
      )}
      <p>
        <button type="button" className="button secondary small" onClick={() => void cancel()}>
          ログインをやめる
        </button>
      </p>
    </>
  );
}
