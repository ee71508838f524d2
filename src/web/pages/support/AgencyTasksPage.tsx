import { Link } from "@tanstack/react-router";
import { Loading, QueryError } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { formatEraDate } from "../../format";
import { personLabel } from "../../support/components";
import { useAgencyTasks } from "./case-detail/plan/queries";

/**
 * 自機関のタスク: every open task of the caller's agency in the plans of the cases it may see (with the person's
 * consent, or as lead or coordinator), earliest due first; overdue ones are said in words.
 */
export function AgencyTasksPage() {
  usePageTitle("自機関のタスク");
  const tasks = useAgencyTasks();
  return (
    <>
      <h1>自機関のタスク</h1>
      <p className="lead">
        支援プランで自機関が担当する、まだ完了していないタスクです（辞退したものは除きます）。本人の同意がなく本人の情報を見られないケースのタスクは表示しません。
      </p>
      {tasks.isPending ? <Loading /> : null}
      {tasks.error ? <QueryError error={tasks.error} /> : null}
      {tasks.data ? (
        tasks.data.tasks.length ? (
          <div className="table-wrap">
            <table className="data agency-tasks">
              <caption>自機関のタスク（{tasks.data.tasks.length}件）</caption>
              <thead>
                <tr>
                  <th scope="col">期限</th>
                  <th scope="col">本人</th>
                  <th scope="col">タスク</th>
                  <th scope="col">役割</th>
                  <th scope="col">目標</th>
                  <th scope="col">プラン</th>
                  <th scope="col">回答</th>
                  <th scope="col">ケース</th>
                </tr>
              </thead>
              <tbody>
                {tasks.data.tasks.map((t) => (
                  <tr key={t.id} className={t.overdue ? "overdue-row" : undefined}>
                    <td>
                      {t.dueOn ? formatEraDate(t.dueOn) : "―"}
                      {t.overdue ? <span className="badge overdue">期限切れ</span> : null}
                    </td>
                    <td>{t.person ? personLabel(t.person) : "―"}</td>
                    <td className="pre-wrap">{t.text}</td>
                    <td>{t.role}</td>
                    <td>{t.goal}</td>
                    <td>
                      {t.plan.kindLabel} 第{t.plan.number}版
                    </td>
                    <td>{t.responseLabel}</td>
                    <td>
                      <Link to="/support/cases/$caseId" params={{ caseId: t.caseId }} search={{ tab: "plan" }}>
                        ケースを開く
                        <span className="visually-hidden">
                          ：{t.person ? `${personLabel(t.person)}の` : ""}
                          {t.text}
                        </span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>自機関の未完了のタスクはありません。</p>
        )
      ) : null}
    </>
  );
}
