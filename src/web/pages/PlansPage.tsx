import { Link } from "@tanstack/react-router";
import { Loading, QueryError } from "../components/Status";
import { usePageTitle } from "../components/usePageTitle";
import { isPlanOffice, usePlans, useSession } from "../queries";

export function PlansPage() {
  usePageTitle("計画一覧");
  const session = useSession();
  const plans = usePlans();
  const office = isPlanOffice(session.data);

  return (
    <>
      <h1>計画一覧</h1>
      {office ? (
        <div className="page-actions">
          <Link to="/plans/new" className="button">
            計画を作成
          </Link>
        </div>
      ) : null}
      {plans.isPending ? <Loading /> : null}
      {plans.error ? <QueryError error={plans.error} /> : null}
      {plans.data && plans.data.length === 0 ? <p>計画はまだ登録されていません。</p> : null}
      {plans.data?.length ? (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">計画の一覧</caption>
            <thead>
              <tr>
                <th scope="col">計画名</th>
                <th scope="col">種類</th>
                <th scope="col">計画期間</th>
                <th scope="col">階層</th>
                <th scope="col">評価の段階</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {plans.data.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to="/plans/$planId" params={{ planId: p.id }}>
                      {p.title}
                    </Link>
                  </td>
                  <td>{p.kind}</td>
                  <td>{p.periodLabel}</td>
                  <td>{p.levelNames.join(" › ")}</td>
                  <td>{p.gradeScale.map((g) => g.code).join("・")}</td>
                  <td>
                    <div className="row-actions">
                      <Link to="/evaluations" search={{ planId: p.id }}>
                        評価
                      </Link>
                      <Link to="/summary" search={{ planId: p.id }}>
                        総括表
                      </Link>
                      {office ? (
                        <Link to="/plans/$planId/edit" params={{ planId: p.id }}>
                          計画の設定を変更
                        </Link>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
