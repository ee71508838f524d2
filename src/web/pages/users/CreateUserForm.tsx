import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { PASSWORD_HINT } from "../../../domain/passwords";
import { api } from "../../api";
import { ErrorAlert, fieldErrorMap } from "../../components/ErrorAlert";
import { SelectField, TextField } from "../../components/FormField";
import { userKeys } from "../../queries";
import type { AgencyOption, Department, Role, UserAccount } from "../../types";
import { MembershipFields, membership, roleOptions } from "./MembershipFields";

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
  const queryClient = useQueryClient();
  const [loginId, setLoginId] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("department_editor");
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [agencyId, setAgencyId] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = fieldErrorMap(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ user: UserAccount }>("/api/users", {
        method: "POST",
        body: { loginId, displayName, role, password, ...membership(role, departmentIds, agencyId) },
      });
      await queryClient.invalidateQueries({ queryKey: userKeys.users });
      setLoginId("");
      setDisplayName("");
      setDepartmentIds([]);
      setAgencyId("");
      setPassword("");
      onDone(r.user);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="create-user-title" className="no-print">
      <h2 id="create-user-title">利用者の登録</h2>
      <form onSubmit={submit} noValidate aria-labelledby="create-user-title">
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
          <SelectField
            label="役割"
            required
            value={role}
            onChange={(v) => setRole(v as Role)}
            error={fields.role}
            options={roleOptions(callerRole)}
          />
        </div>
        <MembershipFields
          role={role}
          departments={departments}
          agencies={agencies}
          departmentIds={departmentIds}
          onDepartments={setDepartmentIds}
          agencyId={agencyId}
          onAgency={setAgencyId}
          fields={fields}
        />
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
        <ErrorAlert error={error} />
        <div className="field">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "登録しています…" : "利用者を登録"}
          </button>
        </div>
      </form>
    </section>
  );
}
