import { Loading, QueryError } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDateTime } from "../../format";
import { useAccountChanges } from "../../support/queries";

/**
 * 利用者の変更履歴: every account of the support side that was registered, changed, stopped or had its password
 * reset, by whom and when. The coordinators see here any account made or widened on their side, whoever did it.
 */
export function AccountChangesPage() {
  usePageTitle("利用者の変更履歴");
  const changes = useAccountChanges();
  if (changes.isPending) return <Loading />;
  if (changes.error) return <QueryError error={changes.error} />;
  return (
    <>
      <h1>利用者の変更履歴（支援側）</h1>
      <p className="lead">
        支援機関職員・登録事業者・支援側管理者のアカウントの登録・変更・停止・パスワードの再設定です（新しい順、最大200件）。心当たりのない変更は、支援側管理者に確認してください。
      </p>
      {changes.data.length === 0 ? (
        <p>変更の記録はありません。</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">支援側の利用者の変更履歴</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">操作</th>
                <th scope="col">利用者</th>
                <th scope="col">役割・所属機関</th>
                <th scope="col">変更内容</th>
                <th scope="col">操作した人</th>
              </tr>
            </thead>
            <tbody>
              {changes.data.map((c) => (
                <tr key={`${c.at}-${c.account.id}-${c.action}`}>
                  <td>{formatDateTime(c.at)}</td>
                  <td>{c.actionLabel}</td>
                  <td>
                    {c.account.displayName ?? "－"}
                    {c.account.loginId ? <span className="muted">（{c.account.loginId}）</span> : null}
                  </td>
                  <td>
                    {c.account.roleLabel ?? "－"}
                    {c.account.agencyName ? ` / ${c.account.agencyName}` : ""}
                  </td>
                  <td>
                    {c.changes.length ? (
                      <ul className="plain-list">
                        {c.changes.map((d) => (
                          <li key={d.field}>
                            {d.field}: {d.from ?? "なし"} → {d.to ?? "なし"}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      "－"
                    )}
                  </td>
                  <td>{c.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
