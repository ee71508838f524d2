import { getRouteApi, Link } from "@tanstack/react-router";
import { CASE_REVIEW_FILTER_LABELS, CASE_REVIEW_FILTERS, PHASE_LABELS, PHASES } from "../../../domain/labels/support";
import { SelectField } from "../../components/FormField";
import { Pager } from "../../components/Pager";
import { Loading, QueryError } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDateTime } from "../../format";
import { personLabel } from "../../support/components";
import { CASE_PAGE_SIZE, isAgencyStaff, isCoordinator, useCases, useSupportUser } from "../../support/queries";

const route = getRouteApi("/support/cases");

export function CaseListPage() {
  usePageTitle("ケース");
  const user = useSupportUser();
  const staff = isAgencyStaff(user);
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const phase = search.phase ?? "";
  const review = search.review ?? "";
  const page = search.page ?? 1;
  const result = useCases({ phase, review }, staff, page);
  const cases = { ...result, data: result.data?.cases };
  const total = result.data?.total ?? 0;

  if (!staff) {
    return (
      <>
        <h1>ケース</h1>
        <p>ケースは、支援機関の職員（チームの機関と多機関協働の調整役）だけが見られます。</p>
      </>
    );
  }
  return (
    <>
      <h1>ケース</h1>
      <p className="lead">
        {isCoordinator(user)
          ? "多機関協働で支援しているケースの一覧です（調整役はすべてのケースを見られます）。"
          : "あなたの機関がチームに入っているケースの一覧です。"}
      </p>
      <div className="filters">
        <SelectField
          label="段階"
          value={phase}
          onChange={(v) =>
            navigate({ search: (s) => ({ ...s, phase: v || undefined, page: undefined }), replace: true })
          }
          options={[{ value: "", label: "すべて" }, ...PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] }))]}
        />
        <SelectField
          label="見直し"
          value={review}
          onChange={(v) =>
            navigate({ search: (s) => ({ ...s, review: v || undefined, page: undefined }), replace: true })
          }
          options={[
            { value: "", label: "すべて" },
            ...CASE_REVIEW_FILTERS.map((r) => ({ value: r, label: CASE_REVIEW_FILTER_LABELS[r] })),
          ]}
        />
      </div>
      {cases.isPending ? <Loading /> : null}
      {cases.error ? <QueryError error={cases.error} /> : null}
      {cases.data ? (
        cases.data.length ? (
          <div className="table-wrap">
            <table className="data">
              <caption>
                ケースの一覧（{total}件
                {total > CASE_PAGE_SIZE
                  ? `中 ${(page - 1) * CASE_PAGE_SIZE + 1}〜${(page - 1) * CASE_PAGE_SIZE + cases.data.length}件`
                  : ""}
                、更新の新しい順）
              </caption>
              <thead>
                <tr>
                  <th scope="col">主たる対象者</th>
                  <th scope="col">世帯</th>
                  <th scope="col">段階</th>
                  <th scope="col">課題</th>
                  <th scope="col">主担当機関</th>
                  <th scope="col">チーム</th>
                  <th scope="col">本人同意</th>
                  <th scope="col">更新日時</th>
                </tr>
              </thead>
              <tbody>
                {[...cases.data]
                  .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
                  .map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to="/support/cases/$caseId" params={{ caseId: c.id }}>
                          {personLabel(c.mainPerson)}
                        </Link>
                      </th>
                      <td>{c.household.name ?? <span className="muted">（呼び名なし）</span>}</td>
                      <td>
                        <span className={`status phase-${c.phase}`}>{c.phaseLabel}</span>
                      </td>
                      <td>{c.issues.join("、")}</td>
                      <td>{c.leadAgency.name}</td>
                      <td className="small">{c.team.map((t) => t.name).join("、")}</td>
                      <td>{c.consentLabel}</td>
                      <td className="nowrap">{formatDateTime(c.updatedAt)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>該当するケースはありません。</p>
        )
      ) : null}
      <Pager
        label="ケースの一覧"
        total={total}
        offset={(page - 1) * CASE_PAGE_SIZE}
        shown={cases.data?.length ?? 0}
        pageSize={CASE_PAGE_SIZE}
        onPage={(n) => navigate({ search: (s) => ({ ...s, page: n > 1 ? n : undefined }) })}
      />
    </>
  );
}
