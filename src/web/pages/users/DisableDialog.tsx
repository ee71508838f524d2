import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api";
import { Dialog, DialogActions } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StaleNotice } from "../../components/StaleNotice";
import { useSubmit } from "../../forms/useSubmit";
import { userKeys } from "../../queries";
import type { UpdateUserInput, UserAccount } from "../../types";
import { reloadUser } from "./reloadUser";

export function DisableDialog({
  user,
  onClose,
  onDone,
}: {
  user: UserAccount;
  onClose: () => void;
  onDone: (u: UserAccount) => void;
}) {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState(user);
  const disable = !current.disabled;
  const toggle = useSubmit({
    send: () =>
      api<{ user: UserAccount }>(`/api/users/${encodeURIComponent(user.id)}`, {
        method: "PATCH",
        version: current.version,
        body: { disabled: disable } satisfies UpdateUserInput,
      }),
    invalidates: [userKeys.users],
    onDone: (r) => onDone(r.user),
  });

  const reload = async () => {
    const latest = await reloadUser(queryClient, user.id);
    if (latest) setCurrent(latest);
    toggle.clear();
  };

  return (
    <Dialog
      open
      title={disable ? `「${user.displayName}」を無効にする` : `「${user.displayName}」を有効に戻す`}
      onClose={onClose}
    >
      {toggle.stale ? <StaleNotice onReload={reload} /> : <ErrorAlert error={toggle.error} />}
      <p>
        {disable
          ? `ログインID「${user.loginId}」でログインできなくなります。ログイン中の場合も、次の操作でログイン画面に戻ります。`
          : `ログインID「${user.loginId}」で再びログインできるようになります。`}
      </p>
      <DialogActions
        onCancel={onClose}
        cancelLabel="やめる"
        action={disable ? "無効にする" : "有効に戻す"}
        onAction={() => void toggle.run()}
        disabled={toggle.busy}
      />
    </Dialog>
  );
}
