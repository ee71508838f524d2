import { useState } from "react";
import { PASSWORD_HINT } from "../../../domain/passwords";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { useSubmit } from "../../forms/useSubmit";
import { userKeys } from "../../queries";
import type { AgencyOption, CreateUserInput, Department, Role, UserAccount } from "../../types";
import { MembershipFields, RoleField, useMembership } from "./MembershipFields";

export function CreateUserForm({
  callerRole,
  departments,
  agencies,
  onDone,
}: {
  callerRole: Role | undefined;
  departments: Department[];
  agencies: AgencyOption[];
  onDone: (u: UserAccount) => void;
}) {
  const [loginId, setLoginId] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("department_editor");
  const member = useMembership({ departmentIds: [], agencyId: "" });
  const [password, setPassword] = useState("");
  const create = useSubmit({
    send: () =>
      api<{ user: UserAccount }>("/api/users", {
        method: "POST",
        body: { loginId, displayName, role, password, ...member.bodyFor(role) } satisfies CreateUserInput,
      }),
    invalidates: [userKeys.users],
    onDone: (r) => {
      setLoginId("");
      setDisplayName("");
      member.clear();
      setPassword("");
      onDone(r.user);
    },
  });
  const fields = create.fields;

  return (
    <section aria-labelledby="create-user-title" className="no-print">
      <h2 id="create-user-title">利用者の登録</h2>
      <form onSubmit={create.onSubmit(undefined)} noValidate aria-labelledby="create-user-title">
        <div className="form-row">
          <TextField
            label="ログインID"
            required
            hint="半角英数字と . _ @ -"
            value={loginId}
            onChange={setLoginId}
            error={fields.loginId}
            autoComplete="off"
          />
          <TextField label="氏名" required value={displayName} onChange={setDisplayName} error={fields.displayName} />
          <RoleField callerRole={callerRole} value={role} onChange={setRole} error={fields.role} />
        </div>
        <MembershipFields role={role} departments={departments} agencies={agencies} chosen={member} fields={fields} />
        <TextField
          label="初期パスワード"
          type="password"
          required
          hint={`${PASSWORD_HINT}本人に安全な方法で伝えてください。`}
          value={password}
          onChange={setPassword}
          error={fields.password}
          autoComplete="new-password"
        />
        <ErrorAlert error={create.error} />
        <div className="field">
          <button type="submit" className="button" disabled={create.busy}>
            {create.busy ? "登録しています…" : "利用者を登録"}
          </button>
        </div>
      </form>
    </section>
  );
}
