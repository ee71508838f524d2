import { useState } from "react";
import { canManageRole } from "../../../domain/access/principals";
import { can } from "../../access";
import { RowAction } from "../../components/RowAction";
import { Loading, QueryError } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { joinNames } from "../../format";
import { useAgencyOptions, useDepartments, useSession, useUserAccounts } from "../../queries";
import type { Role, UserAccount } from "../../types";
import { CreateUserForm } from "./CreateUserForm";
import { DisableDialog } from "./DisableDialog";
import { EditUserDialog } from "./EditUserDialog";
import { MailSettingsSection } from "./MailSettingsSection";
import { MfaPolicySection } from "./MfaPolicySection";
import { ResetMfaDialog } from "./ResetMfaDialog";

/** What this screen manages, by who is administering (separation of duties: each side its own accounts). */
const LEADS: Partial<Record<Role, string>> = {
  system_admin: "すべての職員・支援機関・登録事業者のアカウントを登録し、役割と所属（課・機関）を設定します。",
  plan_office:
    "計画側（計画所管課・担当課・閲覧者）のアカウントを登録し、役割と所属課を設定します。支援機関・登録事業者のアカウントは支援側管理者が管理します。",
  support_admin:
    "支援側（支援機関職員・登録事業者・支援側管理者）のアカウントを登録し、役割と所属機関を設定します。変更は多機関協働の職員にも表示されます。",
};

export function UsersPage() {
  usePageTitle("利用者管理");
  const session = useSession();
  const users = useUserAccounts();
  // each side's administrator sees the memberships of its own side only
  const departments = useDepartments(can(session.data, "GET /api/departments"));
  const agencies = useAgencyOptions(can(session.data, "GET /api/agencies"));
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const [toggling, setToggling] = useState<UserAccount | null>(null);
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  // the forms have refetched the list already
  const done = (text: string) => {
    setEditing(null);
    setToggling(null);
    setResetting(null);
    setMessage(text);
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
                <th scope="col">二段階認証</th>
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
                  <td className="nowrap">{u.mfaEnrolled ? "登録済み" : "未登録"}</td>
                  <td>
                    {canEdit(u) ? (
                      <div className="row-actions">
                        <RowAction of={u.loginId} onClick={() => setEditing(u)}>
                          変更
                        </RowAction>
                        {isSelf(u) ? null : (
                          <RowAction of={u.loginId} onClick={() => setToggling(u)}>
                            {u.disabled ? "有効に戻す" : "無効にする"}
                          </RowAction>
                        )}
                        {u.mfaEnrolled ? (
                          <RowAction of={u.loginId} onClick={() => setResetting(u)}>
                            二段階認証をリセット
                          </RowAction>
                        ) : null}
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
      {resetting ? (
        <ResetMfaDialog
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={(u) => done(`「${u.displayName}」（${u.loginId}）の二段階認証をリセットしました。`)}
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
      {can(session.data, "PUT /api/settings/mfa") ? <MfaPolicySection /> : null}
      {can(session.data, "PUT /api/municipality/mail-settings") ? <MailSettingsSection /> : null}
    </>
  );
}
