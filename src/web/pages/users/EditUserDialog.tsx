import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ROLE_LABELS } from "../../../domain/access/principals";
import { PASSWORD_HINT } from "../../../domain/passwords";
import { api } from "../../api";
import { Dialog, DialogActions } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { StaleNotice } from "../../components/StaleNotice";
import { useSubmit } from "../../forms/useSubmit";
import { userKeys } from "../../queries";
import type { AgencyOption, Department, Role, UpdateUserInput, UserAccount } from "../../types";
import { MembershipFields, RoleField, useMembership } from "./MembershipFields";
import { reloadUser } from "./reloadUser";

export function EditUserDialog({
  user,
  self,
  callerRole,
  departments,
  agencies,
  onClose,
  onDone,
}: {
  user: UserAccount;
  self: boolean;
  callerRole: Role | undefined;
  departments: Department[];
  agencies: AgencyOption[];
  onClose: () => void;
  onDone: (u: UserAccount) => void;
}) {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(user.version);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const member = useMembership({ departmentIds: user.departmentIds, agencyId: user.agencyId ?? "" });
  const [password, setPassword] = useState("");
  const [email, setEmail] = useState(user.email ?? "");
  const save = useSubmit({
    send: () =>
      api<{ user: UserAccount }>(`/api/users/${encodeURIComponent(user.id)}`, {
        method: "PATCH",
        version,
        body: {
          displayName,
          email,
          ...(self ? {} : { role }),
          ...member.bodyFor(role),
          ...(password ? { password } : {}),
        } satisfies UpdateUserInput,
      }),
    invalidates: [userKeys.users],
    onDone: (r) => onDone(r.user),
  });
  const fields = save.fields;

  const reload = async () => {
    const latest = await reloadUser(queryClient, user.id);
    if (latest) setVersion(latest.version);
    save.clear();
  };

  return (
    <Dialog open title={`「${user.displayName}」（${user.loginId}）の変更`} onClose={onClose}>
      {save.stale ? <StaleNotice onReload={reload} /> : <ErrorAlert error={save.error} />}
      <form onSubmit={save.onSubmit(undefined)} noValidate>
        <TextField label="氏名" required value={displayName} onChange={setDisplayName} error={fields.displayName} />
        <TextField
          label="メールアドレス（任意）"
          type="email"
          hint="通知メールの送り先です。空にすると通知は画面だけになります。"
          value={email}
          onChange={setEmail}
          error={fields.email}
          autoComplete="off"
        />
        {self ? (
          <p>自分自身の役割は変更できません（役割: {ROLE_LABELS[user.role]}）。</p>
        ) : (
          <RoleField callerRole={callerRole} value={role} onChange={setRole} error={fields.role} />
        )}
        <MembershipFields role={role} departments={departments} agencies={agencies} chosen={member} fields={fields} />
        <TextField
          label="新しいパスワード（変更するときだけ）"
          type="password"
          hint={`${PASSWORD_HINT}変更すると、この利用者はログインし直しになります。`}
          value={password}
          onChange={setPassword}
          error={fields.password}
          autoComplete="new-password"
        />
        <DialogActions onCancel={onClose} action={save.busy ? "保存しています…" : "変更を保存"} disabled={save.busy} />
      </form>
    </Dialog>
  );
}
