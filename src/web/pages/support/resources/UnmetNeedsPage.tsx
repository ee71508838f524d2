import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api } from "../../../api";
import { PrintMeta } from "../../../components/PrintMeta";
import { Loading, QueryError } from "../../../components/Status";
import { usePageTitle } from "../../../components/usePageTitle";
import { usePaper } from "../../../components/usePaper";
import { formatEraDate } from "../../../format";
import type { UnmetNeedList } from "../../../types";

type UnmetNeed = UnmetNeedList["unmetNeeds"][number];

/** The needs in groups (a need for two audiences is in both of those groups), largest group first, then by name. */
function groupBy(needs: UnmetNeed[], keysOf: (n: UnmetNeed) => string[]) {
  const groups = new Map<string, UnmetNeed[]>();
  for (const n of needs) for (const key of keysOf(n)) groups.set(key, [...(groups.get(key) ?? []), n]);
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], "ja"));
}

/**
 * 見つからなかった資源 (地域づくり input): what the cases looked for and did not find, grouped by 地区 and by whom it
 * was for, so the coordinators can see where a resource is missing. The server sends no case and no person.
 */
export function UnmetNeedsPage() {
  usePageTitle("見つからなかった資源");
  usePaper("a4-portrait");
  const found = useQuery({
    queryKey: ["support", "unmet-needs"],
    queryFn: () => api<UnmetNeedList>("/api/unmet-needs"),
    staleTime: 0,
  });
  const needs = found.data?.unmetNeeds ?? [];
  return (
    <>
      <p className="no-print">
        <Link to="/support/resources">地域資源の一覧へ戻る</Link>
      </p>
      <h1>見つからなかった資源</h1>
      <p className="lead">
        参加支援で本人の希望に合う地域資源が見つからなかったときに記録されたものです（地域づくりの検討に使います）。ケースや本人の情報は含みません。
      </p>
      <PrintMeta scope="すべての地区" />
      {found.isPending ? <Loading /> : null}
      {found.error ? <QueryError error={found.error} /> : null}
      {found.data && needs.length === 0 ? <p>記録はまだありません。</p> : null}
      {needs.length ? (
        <>
          <NeedGroups
            id="unmet-by-district"
            title="地区ごと"
            groups={groupBy(needs, (n) => [n.district?.name ?? "地区の指定なし"])}
          />
          <NeedGroups
            id="unmet-by-audience"
            title="対象ごと"
            groups={groupBy(needs, (n) => (n.audiences.length ? n.audiences.map((a) => a.label) : ["対象の指定なし"]))}
          />
        </>
      ) : null}
    </>
  );
}

function NeedGroups({ id, title, groups }: { id: string; title: string; groups: [string, UnmetNeed[]][] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {groups.map(([name, rows]) => (
        <table key={name} className="data">
          <caption>
            {name}（{rows.length}件）
          </caption>
          <thead>
            <tr>
              <th scope="col">探したもの</th>
              <th scope="col">地区</th>
              <th scope="col">対象</th>
              <th scope="col">記録日</th>
              <th scope="col">記録した機関</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr key={n.id}>
                <td className="pre-wrap">{n.lookedFor}</td>
                <td>{n.district?.name ?? "—"}</td>
                <td>{n.audiences.map((a) => a.label).join("・") || "—"}</td>
                <td>{formatEraDate(n.recordedOn)}</td>
                <td>{n.recordedByAgency ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
