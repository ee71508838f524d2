import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { canManageRole, MANAGEABLE_ROLES, ROLE_LABELS, SIDE_OF_ROLE } from "../../domain/access/principals";
import { PASSWORD_HINT } from "../../domain/passwords";
import { can } from "../access";
import { ApiError, api } from "../api";
import { Dialog } from "../components/Dialog";
import { ErrorAlert, fieldErrorMap } from "../components/ErrorAlert";
import { CheckboxGroup, SelectField, TextField } from "../components/FormField";
import { StaleNotice } from "../components/StaleNotice";
import { Loading, QueryError } from "../components/Status";
import { usePageTitle } from "../components/usePageTitle";
import { joinNames } from "../format";
import { useAgencyOptions, useDepartments, userKeys, useSession, useUserAccounts } from "../queries";
import type { AgencyOption, CreateUserInput, Department, Role, UpdateUserInput, UserAccount } from "../types";

/** Roles that work for an agency, and the kind of agency each belongs to. */
const AGENCY_KIND: Partial<Record<Role, AgencyOption["kind"]>> = { support_staff: "public", provider: "provider" };

/** What this screen manages, by who is administering (separation of duties: each side its own accounts). */
const LEADS: Partial<Record<Role, string>> = {
  system_admin: "すべての職員・支援機関・登録事業者のアカウントを登録し、役割と所属（課・機関）を設定します。",
  plan_office:
    "計画側（計画所管課・担当課・閲覧者）のアカウントを登録し、役割と所属課を設定します。支援機関・登録事業者のアカウントは支援側管理者が管理します。",
  support_admin:
    "支援側（支援機関職員・登録事業者・支援側管理者）のアカウントを登録し、役割と所属機関を設定します。変更は多機関協働の職員にも表示されます。",
};

/** The roles the caller may grant: those of its own side, never above its own (the server checks the same). */
const roleOptions = (callerRole: Role | undefined) =>
  (callerRole ? (MANAGEABLE_ROLES[callerRole] ?? []) : []).map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** What an account of this role and these departments/agency should send: no agency for the other roles. */
function membership(role: Role, departmentIds: string[], agencyId: string) {
  return {
    departmentIds: SIDE_OF_ROLE[role] === "support" ? [] : departmentIds,
    agencyId: AGENCY_KIND[role] ? agencyId || null : null,
  };
}

export function UsersPage() {
  usePageTitle("利用者管理");
  const session = useSession();
  const users = useUserAccounts();
  // each side's administrator sees the memberships of its own side only
  const departments = useDepartments(can(session.data, "GET /api/departments"));
  const agencies = useAgencyOptions(can(session.data, "GET /api/agencies"));
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const [toggling, setToggling] = useState<UserAccount | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const done = async (text: string) => {
    setEditing(null);
    setToggling(null);
    setMessage(text);
    await queryClient.invalidateQueries({ queryKey: userKeys.users });
  };

  const loading = (q: { isPending: boolean; fetchStatus: string }) => q.isPending && q.fetchStatus !== "idle";
  if (users.isPending || loading(departments) || loading(agencies)) return <Loading />;
  if (users.error) return <QueryError error={users.error} />;
  if (departments.error) return <QueryError error={departments.error} />;
  if (agencies.error) return <QueryError error={agencies.error} />;
  const departmentList = departments.data ?? [];
  const agencyList = agencies.data ?? [];
  const callerRole = session.data?.user.role;
  const deptName = new Map(departmentList.map((d) => [d.id, d.name]));
  const agencyName = new Map(agencyList.map((a) => [a.id, a.name]));
  const canEdit = (u: UserAccount) => !!callerRole && canManageRole(callerRole, u.role);
  const isSelf = (u: UserAccount) => u.id === session.data?.user.id;

  return (
    <>
      <h1>利用者管理</h1>
      <p className="lead">
        {LEADS[callerRole ?? "viewer"] ?? LEADS.system_admin}
        無効にしたアカウントは、ログイン中でも次の操作からログインできなくなります。
      </p>
      <CreateUserForm
        callerRole={callerRole}
        departments={departmentList}
        agencies={agencyList}
        onDone={(u) => done(`「${u.displayName}」（${u.loginId}）を登録しました。`)}
      />
      <div aria-live="polite">{message ? <p className="notice success">{message}</p> : null}</div>
      <section aria-labelledby="users-title">
        <h2 id="users-title">利用者の一覧（{users.data.length}人）</h2>
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">利用者の一覧</caption>
            <thead>
              <tr>
                <th scope="col">ログインID</th>
                <th scope="col">氏名</th>
                <th scope="col">役割</th>
                <th scope="col">所属課</th>
                <th scope="col">所属機関</th>
                <th scope="col">状態</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id}>
                  <th scope="row" className="nowrap">
                    {u.loginId}
                  </th>
                  <td>{u.displayName}</td>
                  <td className="nowrap">{u.roleLabel}</td>
                  <td>{joinNames(u.departmentIds.map((id) => deptName.get(id) ?? "（不明な課）")) || "－"}</td>
                  <td>{u.agencyId ? (agencyName.get(u.agencyId) ?? "（不明な機関）") : "－"}</td>
                  <td className="nowrap">
                    {u.disabled ? <span className="status status-returned">無効</span> : <span>有効</span>}
                  </td>
                  <td>
                    {canEdit(u) ? (
                      <div className="row-actions">
                        <button type="button" className="button secondary small" onClick={() => setEditing(u)}>
                          変更<span className="visually-hidden">：{u.loginId}</span>
                        </button>
                        {isSelf(u) ? null : (
                          <button type="button" className="button secondary small" onClick={() => setToggling(u)}>
                            {u.disabled ? "有効に戻す" : "無効にする"}
                            <span className="visually-hidden">：{u.loginId}</span>
                          </button>
                        )}
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {editing ? (
        <EditUserDialog
          user={editing}
          self={isSelf(editing)}
          callerRole={callerRole}
          departments={departmentList}
          agencies={agencyList}
          onClose={() => setEditing(null)}
          onDone={(u) => done(`「${u.displayName}」（${u.loginId}）を変更しました。`)}
        />
      ) : null}
      {toggling ? (
        <DisableDialog
          user={toggling}
          onClose={() => setToggling(null)}
          onDone={(u) =>
            done(
              u.disabled
                ? `「${u.displayName}」（${u.loginId}）を無効にしました。`
                : `「${u.displayName}」（${u.loginId}）を有効に戻しました。`,
            )
          }
        />
      ) : null}
    </>
  );
}

/** 所属課 and 所属機関 fields; the agency appears only for the roles that work for one. */
function MembershipFields({
  role,
  departments,
  agencies,
  departmentIds,
  onDepartments,
  agencyId,
  onAgency,
  fields,
}: {
  role: Role;
  departments: Department[];
  agencies: AgencyOption[];
  departmentIds: string[];
  onDepartments: (ids: string[]) => void;
  agencyId: string;
  onAgency: (id: string) => void;
  fields: Record<string, string>;
}) {
  const kind = AGENCY_KIND[role];
  const choices = departments.filter((d) => d.active || departmentIds.includes(d.id));
  return (
    <>
      {/* departments are the plan side's membership; the support side's is its agency */}
      {SIDE_OF_ROLE[role] !== "support" ? (
        <CheckboxGroup
          legend="所属課"
          hint={
            role === "department_editor" ? "担当課の利用者は、所属課が担当する評価表・指標だけを扱えます。" : undefined
          }
          options={choices.map((d) => ({ value: d.id, label: d.name }))}
          values={departmentIds}
          onChange={onDepartments}
          error={fields.departmentIds}
        />
      ) : null}
      {kind ? (
        <SelectField
          label="所属機関"
          required
          value={agencyId}
          onChange={onAgency}
          error={fields.agencyId}
          options={[
            { value: "", label: "選んでください" },
            ...agencies.filter((a) => a.kind === kind).map((a) => ({ value: a.id, label: a.name })),
          ]}
        />
      ) : null}
    </>
  );
}

function CreateUserForm({
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
        body: {
          loginId,
          displayName,
          role,
          password,
          ...membership(role, departmentIds, agencyId),
        } satisfies CreateUserInput,
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

/** Reloads one account (after a 412) and hands back its latest version. */
async function reloadUser(queryClient: ReturnType<typeof useQueryClient>, id: string) {
  const fresh = await queryClient.fetchQuery({
    queryKey: userKeys.users,
    queryFn: () => api<{ users: UserAccount[] }>("/api/users").then((r) => r.users),
    staleTime: 0,
  });
  return fresh.find((u) => u.id === id) ?? null;
}

function EditUserDialog({
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
  const [departmentIds, setDepartmentIds] = useState(user.departmentIds);
  const [agencyId, setAgencyId] = useState(user.agencyId ?? "");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = fieldErrorMap(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ user: UserAccount }>(`/api/users/${encodeURIComponent(user.id)}`, {
        method: "PATCH",
        version,
        body: {
          displayName,
          ...(self ? {} : { role }),
          ...membership(role, departmentIds, agencyId),
          ...(password ? { password } : {}),
        } satisfies UpdateUserInput,
      });
      onDone(r.user);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    const latest = await reloadUser(queryClient, user.id);
    if (latest) setVersion(latest.version);
    setError(null);
  };

  return (
    <Dialog open title={`「${user.displayName}」（${user.loginId}）の変更`} onClose={onClose}>
      {error instanceof ApiError && error.isStale ? <StaleNotice onReload={reload} /> : <ErrorAlert error={error} />}
      <form onSubmit={submit} noValidate>
        <TextField label="氏名" required value={displayName} onChange={setDisplayName} error={fields.displayName} />
        {self ? (
          <p>自分自身の役割は変更できません（役割: {ROLE_LABELS[user.role]}）。</p>
        ) : (
          <SelectField
            label="役割"
            required
            value={role}
            onChange={(v) => setRole(v as Role)}
            error={fields.role}
            options={roleOptions(callerRole)}
          />
        )}
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
          label="新しいパスワード（変更するときだけ）"
          type="password"
          hint={`${PASSWORD_HINT}変更すると、この利用者はログインし直しになります。`}
          value={password}
          onChange={setPassword}
          error={fields.password}
          autoComplete="new-password"
        />
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            キャンセル
          </button>
          <button type="submit" className="button" disabled={busy}>
            {busy ? "保存しています…" : "変更を保存"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function DisableDialog({
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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const disable = !current.disabled;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ user: UserAccount }>(`/api/users/${encodeURIComponent(user.id)}`, {
        method: "PATCH",
        version: current.version,
        body: { disabled: disable } satisfies UpdateUserInput,
      });
      onDone(r.user);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    const latest = await reloadUser(queryClient, user.id);
    if (latest) setCurrent(latest);
    setError(null);
  };

  return (
    <Dialog
      open
      title={disable ? `「${user.displayName}」を無効にする` : `「${user.displayName}」を有効に戻す`}
      onClose={onClose}
    >
      {error instanceof ApiError && error.isStale ? <StaleNotice onReload={reload} /> : <ErrorAlert error={error} />}
      <p>
        {disable
          ? `ログインID「${user.loginId}」でログインできなくなります。ログイン中の場合も、次の操作でログイン画面に戻ります。`
          : `ログインID「${user.loginId}」で再びログインできるようになります。`}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button secondary" onClick={onClose}>
          やめる
        </button>
        <button type="button" className="button" onClick={submit} disabled={busy}>
          {disable ? "無効にする" : "有効に戻す"}
        </button>
      </div>
    </Dialog>
  );
}
