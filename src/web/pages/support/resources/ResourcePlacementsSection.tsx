import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api } from "../../../api";
import { Loading, QueryError } from "../../../components/Status";
import { formatEraDate } from "../../../format";
import { resourceKeys } from "../../../support/resourceQueries";
import type { ResourcePlacements } from "../../../types";

/**
 * The placements (参加支援) at this resource, for its operator agency and the coordinators. The server decides what
 * is shown: an operator gets only the placements whose person's consent covers its agency, and no name; the screen
 * says so, as the count the operator sees may be smaller than the resource's.
 */
export function ResourcePlacementsSection({ resourceId, allOfThem }: { resourceId: string; allOfThem: boolean }) {
  const found = useQuery({
    queryKey: [...resourceKeys.detail(resourceId), "placements"],
    queryFn: () => api<ResourcePlacements>(`/api/resources/${encodeURIComponent(resourceId)}/placements`),
    staleTime: 0,
  });
  return (
    <section aria-labelledby="resource-placements-heading">
      <h2 id="resource-placements-heading">この資源での参加支援</h2>
      <p>
        {allOfThem
          ? "多機関協働として、この資源でのすべての参加支援を表示しています。"
          : "運営機関として、本人の同意が貴機関に及ぶ参加支援だけを表示しています。"}
      </p>
      {found.isPending ? <Loading /> : null}
      {found.error ? <QueryError error={found.error} /> : null}
      {found.data && found.data.placements.length === 0 ? <p>表示できる参加支援はありません。</p> : null}
      {found.data?.placements.length ? (
        <table className="data">
          <caption>参加支援（{found.data.placements.length}件）</caption>
          <thead>
            <tr>
              <th scope="col">状況</th>
              <th scope="col">本人の希望</th>
              <th scope="col">次のフォローアップ</th>
              <th scope="col">ケース</th>
            </tr>
          </thead>
          <tbody>
            {found.data.placements.map((p) => (
              <tr key={p.id}>
                <td>
                  {p.statusLabel}（{formatEraDate(p.statusOn)}）
                  {p.interruptionReasonLabel ? `理由: ${p.interruptionReasonLabel}` : null}
                </td>
                <td className="pre-wrap">{p.wishes}</td>
                <td>
                  {p.followUpOn ? formatEraDate(p.followUpOn) : "未定"}
                  {p.followUpDue ? <span className="badge overdue">フォローアップの時期です</span> : null}
                </td>
                <td>
                  <Link to="/support/cases/$caseId" params={{ caseId: p.caseId }} search={{ tab: "placements" }}>
                    ケースを開く<span className="visually-hidden">：{p.wishes}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
