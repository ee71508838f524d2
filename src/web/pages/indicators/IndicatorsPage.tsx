import { getRouteApi, Link } from "@tanstack/react-router";
import { useCallback } from "react";
import { CLOSED_YEAR_MESSAGE } from "../../../domain/labels/evaluation";
import { SelectField } from "../../components/FormField";
import { PageHeading } from "../../components/PageHeading";
import { PlanPeriodPicker } from "../../components/PlanPeriodPicker";
import { RevisionBanner, structureEditable } from "../../components/RevisionBanner";
import { QueryStatus } from "../../components/Status";
import { useIndicators } from "../../indicatorQueries";
import { planUrl, usePlan, useRounds } from "../../planQueries";
import { isPlanOffice, useDepartments, useSession } from "../../queries";
import type { IndicatorSearch } from "../../routes/search";
import { AddIndicatorSection } from "./AddIndicatorSection";
import { IndicatorListView } from "./IndicatorListView";
import { UnclassifiedTargetList } from "./UnclassifiedTargetList";

const route = getRouteApi("/indicators");

export function IndicatorsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // a changed filter replaces the history entry: Back leaves the page rather than undoing a choice
  const filter = (patch: Partial<IndicatorSearch>) => navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const session = useSession();
  const departments = useDepartments();
  const editor = session.data?.user.role === "department_editor";
  const myDepartments = session.data?.user.departmentIds ?? [];

  const onPick = useCallback(
    (planId: string, fy: number | undefined) =>
      navigate({ search: (s) => ({ ...s, planId, fy, page: undefined }), replace: true }),
    [navigate],
  );
  const departmentId = search.departmentId ?? "";
  const draft = search.revision === "draft";
  const page = { number: search.page ?? 1, focus: search.edit, draft };
  const list = useIndicators(search.planId, search.fy, departmentId, page);
  const shown = usePlan(search.planId, { draft }).data?.shown;
  // a closed year's actuals are frozen with it: the server refuses them, the screen offers no form
  const yearClosed = useRounds(search.planId).data?.find((r) => r.fiscalYear === search.fy)?.status === "closed";
  const planOffice = isPlanOffice(session.data);
  // indicators and targets change only in a revision's draft (or in a plan never approved); actuals belong to the
  // year and are entered on the revision the year is evaluated under, not on a draft
  const office = structureEditable(planOffice, shown);
  const departmentOptions = (departments.data ?? []).filter((d) =>
    editor ? myDepartments.includes(d.id) : d.active || d.id === departmentId,
  );

  return (
    <>
      <PageHeading title="指標">
        {editor
          ? "あなたの課が担当する取組の指標です。目標に対する実績を入力すると、達成状況を判定します。"
          : "計画の指標の目標と実績、達成状況の一覧です。"}
      </PageHeading>
      <PlanPeriodPicker planId={search.planId} fiscalYear={search.fy} onChange={onPick}>
        <SelectField
          label="担当課"
          value={departmentId}
          onChange={(v) => filter({ departmentId: v || undefined, page: undefined })}
          options={[
            { value: "", label: editor ? "担当のすべて" : "すべての課" },
            ...departmentOptions.map((d) => ({ value: d.id, label: d.active ? d.name : `${d.name}（旧）` })),
          ]}
        />
      </PlanPeriodPicker>
      {search.planId && shown ? (
        <RevisionBanner
          shown={shown}
          office={planOffice}
          toDraft={{ to: "/indicators", search: { planId: search.planId, fy: search.fy, revision: "draft" } }}
          toInForce={{ to: "/indicators", search: { planId: search.planId, fy: search.fy } }}
        />
      ) : null}
      {search.planId && search.fy ? (
        <nav className="page-actions no-print" aria-label="指標の関連ページとダウンロード">
          <Link to="/indicators/attainment" search={{ planId: search.planId, fy: search.fy }}>
            達成状況の集計（基本目標別・担当課別）
          </Link>
          {myDepartments.length ? (
            <Link to="/my-department" search={{ planId: search.planId, fy: search.fy }}>
              自分の課の取組
            </Link>
          ) : null}
          <a href={planUrl(search.planId, `/indicators/export.csv?fiscalYear=${search.fy}&encoding=utf-8`)} download>
            CSV（UTF-8）
          </a>
          <a
            href={planUrl(search.planId, `/indicators/export.csv?fiscalYear=${search.fy}&encoding=shift_jis`)}
            download
          >
            CSV（Shift_JIS・Excel向け）
          </a>
          <a href={planUrl(search.planId, "/implementation-plan/export.xlsx")} download>
            実施計画（xlsx）
          </a>
          {office ? (
            <Link to="/indicators/ladder" search={{ planId: search.planId }}>
              段階（マイルストーン）の設定
            </Link>
          ) : null}
        </nav>
      ) : null}
      {office && search.planId ? <AddIndicatorSection planId={search.planId} /> : null}
      {yearClosed ? (
        <p className="notice" role="status">
          {CLOSED_YEAR_MESSAGE}。この年度の実績値は変更できません。
        </p>
      ) : null}
      <QueryStatus query={list} />
      {list.data && search.planId ? (
        <IndicatorListView
          list={list.data}
          planId={search.planId}
          departmentId={departmentId}
          page={page}
          onPage={(n) => navigate({ search: (s) => ({ ...s, page: n > 1 ? n : undefined, edit: undefined }) })}
          canEnter={session.data?.user.role !== "viewer" && !draft && !yearClosed}
          canEditTargets={office}
          editId={search.edit}
          onEditOpened={(n) => filter({ edit: undefined, page: n > 1 ? n : undefined })}
        />
      ) : null}
      {office && search.planId ? <UnclassifiedTargetList planId={search.planId} /> : null}
    </>
  );
}
