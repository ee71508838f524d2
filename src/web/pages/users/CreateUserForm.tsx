import { PASSWORD_HINT } from "../../../domain/passwords";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { useDraft } from "../../forms/useDraft";
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
  const draft = useDraft({
    loginId: "",
    displayName: "",
    email: "",
    role: "department_editor" as Role,
    password: "",
  });
  const { role } = draft.values;
  const member = useMembership({ departmentIds: [], agencyId: "" });
  const create = useSubmit({
    send: () =>
      api<{ user: UserAccount }>("/api/users", {
        method: "POST",
        body: { ...draft.values, ...member.bodyFor(role) } satisfies CreateUserInput,
      }),
    invalidates: [userKeys.users],
    onDone: (r) => {
      // the role stays chosen for the next account
      draft.change({ loginId: "", displayName: "", email: "", password: "" });
      member.clear();
      onDone(r.user);
    },
  });
  const fields = create.fields;
  const field = draft.fields(fields);

  return (
    <section aria-labelledby="create-user-title" className="no-print">
      <h2 id="create-user-title">利用者の登録</h2>
      <form onSubmit={create.onSubmit(undefined)} noValidate aria-labelledby="create-user-title">
        <div className="form-row">
          <TextField label="ログインID" required hint="半角英数字と . _ @ -" {...field("loginId")} autoComplete="off" />
          <TextField label="氏名" required {...field("displayName")} />
          <RoleField callerRole={callerRole} {...field("role")} />
        </div>
        <MembershipFields role={role} departments={departments} agencies={agencies} chosen={member} fields={fields} />
        <TextField
          label="メールアドレス（任意）"
          type="email"
          hint="通知メールの送り先です。全角で入力しても半角に直して登録します。"
          {...field("email")}
          autoComplete="off"
        />
        <TextField
          label="初期パスワード"
          type="password"
          required
          hint={`${PASSWORD_HINT}本人に安全な方法で伝えてください。`}
          {...field("password")}
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
