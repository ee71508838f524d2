import { api } from "../../api";
import { Dialog, DialogActions } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useSubmit } from "../../forms/useSubmit";
import { userKeys } from "../../queries";
import type { UserAccount } from "../../types";

/** An administrator resets an account's second factor (a lost phone): the user enrols again at the next sign-in. */
export function ResetMfaDialog({
  user,
  onClose,
  onDone,
}: {
  user: UserAccount;
  onClose: () => void;
  onDone: (u: UserAccount) => void;
}) {
  const reset = useSubmit({
    send: () => api(`/api/users/${encodeURIComponent(user.id)}/mfa-reset`, { method: "POST" }),
    invalidates: [userKeys.users],
    onDone: () => onDone(user),
  });
  return (
    <Dialog open title={`「${user.displayName}」の二段階認証をリセットする`} onClose={onClose}>
      <ErrorAlert error={reset.error} />
      <p>
        ログインID「{user.loginId}
        」の認証アプリの登録と回復コードを無効にします。この利用者はログイン中でもログアウトされ、次のログインで二段階認証を登録し直します（必須でない利用者はパスワードだけでログインします）。本人からの申し出を確かめてから行ってください。この操作は監査ログに記録されます。
      </p>
      <DialogActions
        onCancel={onClose}
        cancelLabel="やめる"
        action="リセットする"
        onAction={() => void reset.run()}
        disabled={reset.busy}
        danger
      />
    </Dialog>
  );
}
