import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api } from "../../../api";
import { PrintMeta } from "../../../components/PrintMeta";
import { Loading, QueryError } from "../../../components/Status";
import { usePageTitle } from "../../../components/usePageTitle";
import { usePaper } from "../../../components/usePaper";
import { formatEraDate } from "../../../format";
import type { PlacementFollowUps } from "../../../types";

/**
 * 参加支援のフォローアップ: the placements whose follow-up day has come (today or past, Japan's day), earliest first,
 * for those who move them on: the coordinators every case's, another agency the cases it leads. Reached from ホーム.
 */
export function FollowUpsPage() {
  usePageTitle("参加支援のフォローアップ");
  usePaper("a4-portrait");
  const due = useQuery({
    queryKey: ["support", "placements", "follow-ups"],
    queryFn: () => api<PlacementFollowUps>("/api/placements/follow-ups"),
    staleTime: 0,
  });
  return (
    <>
      <h1>参加支援のフォローアップ</h1>
      <p className="lead">
        フォローアップの日が今日または過ぎた参加支援です（中断したものと終結したケースのものは除きます）。多機関協働はすべてのケース、他の機関は主担当のケースのものを表示します。ケースの「参加支援」で状況と次のフォローアップ日を記録すると一覧から外れます。
      </p>
      <PrintMeta scope={due.data ? `${formatEraDate(due.data.today)}時点` : undefined} />
      {due.isPending ? <Loading /> : null}
      {due.error ? <QueryError error={due.error} /> : null}
      {due.data && due.data.followUps.length === 0 ? <p>フォローアップの時期が来た参加支援はありません。</p> : null}
      {due.data?.followUps.length ? (
        <div className="table-wrap">
          <table className="data">
            <caption>フォローアップの時期が来た参加支援（{due.data.followUps.length}件）</caption>
            <thead>
              <tr>
                <th scope="col">フォローアップ日</th>
                <th scope="col">世帯</th>
                <th scope="col">地域資源</th>
                <th scope="col">状況</th>
                <th scope="col">ケース</th>
              </tr>
            </thead>
            <tbody>
              {due.data.followUps.map((f) => (
                <tr key={f.id} className="overdue-row">
                  <td>{formatEraDate(f.followUpOn)}</td>
                  <td>{f.household.name}</td>
                  <td>
                    <Link to="/support/resources/$resourceId" params={{ resourceId: f.resource.id }}>
                      {f.resource.name}
                    </Link>
                  </td>
                  <td>
                    {f.statusLabel}（{formatEraDate(f.statusOn)}から）
                  </td>
                  <td>
                    <Link to="/support/cases/$caseId" params={{ caseId: f.caseId }} search={{ tab: "placements" }}>
                      参加支援を開く<span className="visually-hidden">：{f.household.name}</span>
                    </Link>
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
