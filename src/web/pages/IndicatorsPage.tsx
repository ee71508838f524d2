import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ATTAINMENT_LABELS, TARGET_KIND_LABELS } from "../../domain/labels/indicators";
import { api } from "../api";
import { ActualForm } from "../components/ActualForm";
import { AddIndicatorForm } from "../components/AddIndicatorForm";
import { SelectField } from "../components/FormField";
import {
  AttainmentBadge,
  actualText,
  formatRate,
  formatShare,
  indicatorLabel,
  tallyText,
  targetText,
} from "../components/Indicators";
import { Pager } from "../components/Pager";
import { PlanPeriodPicker } from "../components/PlanPeriodPicker";
import { PrintMeta } from "../components/PrintMeta";
import { RevisionBanner, structureEditable } from "../components/RevisionBanner";
import { Loading, QueryError } from "../components/Status";
import { readAsText, TargetForm } from "../components/TargetForm";
import { usePageTitle } from "../components/usePageTitle";
import { fyLabel, joinNames } from "../format";
import {
  INDICATOR_PAGE_SIZE,
  type IndicatorPage,
  indicatorListUrl,
  isPlanOffice,
  keys,
  useDepartments,
  useIndicators,
  useMilestoneLadder,
  usePlan,
  useSession,
  useUnclassifiedTargets,
} from "../queries";
import type { ActualSaved, IndicatorList, IndicatorTarget, IndicatorYear } from "../types";

const route = getRouteApi("/indicators");

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, IndicatorYear>();
const noRows: IndicatorYear[] = [];

function columnsFor(fiscalYearLabel: string) {
  return helper.columns([
    helper.accessor((r) => r.name, {
      id: "name",
      header: "指標",
      cell: (info) => (
        <>
          <Link to="/indicators/$indicatorId" params={{ indicatorId: info.row.original.id }}>
            {indicatorLabel(info.getValue())}
          </Link>
          <span className="small muted block">{info.row.original.kindLabel}</span>
        </>
      ),
    }),
    helper.accessor((r) => targetText(r.target), { id: "target", header: `目標（${fiscalYearLabel}）` }),
    helper.accessor((r) => actualText(r.actual), {
      id: "actual",
      header: "実績",
      cell: (info) => (
        <>
          {info.getValue()}
          {info.row.original.actual?.comment ? (
            <span className="small muted block">{info.row.original.actual.comment}</span>
          ) : null}
        </>
      ),
    }),
    helper.accessor((r) => r.attainment.status, {
      id: "attainment",
      header: "達成状況",
      cell: (info) => (
        <>
          <AttainmentBadge status={info.row.original.attainment.status} reason={info.row.original.attainment.reason} />
          <span className="small muted block">{info.row.original.attainment.reason}</span>
        </>
      ),
    }),
    helper.accessor((r) => r.attainment.rate, {
      id: "rate",
      header: "達成率",
      cell: (info) => formatRate(info.getValue()),
    }),
  ]);
}

export function IndicatorsPage() {
  usePageTitle("指標");
  const search = route.useSearch();
  const navigate = route.useNavigate();
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
  const planOffice = isPlanOffice(session.data);
  // indicators and targets change only in a revision's draft (or in a plan never approved); actuals belong to the
  // year and are entered on the revision the year is evaluated under, not on a draft
  const office = structureEditable(planOffice, shown);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const departmentOptions = (departments.data ?? []).filter((d) =>
    editor ? myDepartments.includes(d.id) : d.active || d.id === departmentId,
  );

  return (
    <>
      <h1>指標</h1>
      <p className="lead">
        {editor
          ? "あなたの課が担当する取組の指標です。目標に対する実績を入力すると、達成状況を判定します。"
          : "計画の指標の目標と実績、達成状況の一覧です。"}
      </p>
      <PlanPeriodPicker planId={search.planId} fiscalYear={search.fy} onChange={onPick}>
        <SelectField
          label="担当課"
          value={departmentId}
          onChange={(v) =>
            navigate({ search: (s) => ({ ...s, departmentId: v || undefined, page: undefined }), replace: true })
          }
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
          <a
            href={`/api/plans/${encodeURIComponent(search.planId)}/indicators/export.csv?fiscalYear=${search.fy}&encoding=utf-8`}
            download
          >
            CSV（UTF-8）
          </a>
          <a
            href={`/api/plans/${encodeURIComponent(search.planId)}/indicators/export.csv?fiscalYear=${search.fy}&encoding=shift_jis`}
            download
          >
            CSV（Shift_JIS・Excel向け）
          </a>
          <a href={`/api/plans/${encodeURIComponent(search.planId)}/implementation-plan/export.xlsx`} download>
            実施計画（xlsx）
          </a>
          {office ? (
            <Link to="/indicators/ladder" search={{ planId: search.planId }}>
              段階（マイルストーン）の設定
            </Link>
          ) : null}
        </nav>
      ) : null}
      {office && search.planId ? (
        <section aria-labelledby="add-indicator-title" className="no-print">
          <h2 id="add-indicator-title" className="visually-hidden">
            指標の追加
          </h2>
          <div aria-live="polite">{added ? <p className="notice success">{added}</p> : null}</div>
          {adding ? (
            <AddIndicatorForm
              planId={search.planId}
              onCancel={() => {
                setAdding(false);
                requestAnimationFrame(() => addButton.current?.focus());
              }}
              onCreated={(name) => {
                setAdded(`指標「${name}」を追加しました。`);
                setAdding(false);
                requestAnimationFrame(() => addButton.current?.focus());
              }}
            />
          ) : (
            <p>
              <button
                type="button"
                ref={addButton}
                className="button secondary"
                onClick={() => {
                  setAdded(null);
                  setAdding(true);
                }}
              >
                指標を追加
              </button>
            </p>
          )}
        </section>
      ) : null}
      {list.isPending && list.fetchStatus !== "idle" ? <Loading /> : null}
      {list.error ? <QueryError error={list.error} /> : null}
      {list.data && search.planId ? (
        <IndicatorListView
          list={list.data}
          planId={search.planId}
          departmentId={departmentId}
          page={page}
          onPage={(n) => navigate({ search: (s) => ({ ...s, page: n > 1 ? n : undefined, edit: undefined }) })}
          canEnter={session.data?.user.role !== "viewer" && !draft}
          canEditTargets={office}
          editId={search.edit}
          onEditOpened={(n) =>
            navigate({ search: (s) => ({ ...s, edit: undefined, page: n > 1 ? n : undefined }), replace: true })
          }
        />
      ) : null}
      {office && search.planId ? <UnclassifiedTargetList planId={search.planId} /> : null}
    </>
  );
}

/** Plan office: targets written as free text, which the indicators cannot decide (達成状況 要判定). */
function UnclassifiedTargetList({ planId }: { planId: string }) {
  const unclassified = useUnclassifiedTargets(planId, true);
  if (!unclassified.data || unclassified.data.texts.length === 0) return null;
  const { counts, texts } = unclassified.data;
  return (
    <section aria-labelledby="unclassified-title" className="no-print">
      <h2 id="unclassified-title">数値・段階として読み取れない目標（{texts.length}種類）</h2>
      <p>
        文章の目標は、「目標を書き直す」から指標の目標の編集欄を開いて、数値（例: 15事業者以上）や段階（例:
        試行実施）で書き直すと自動で判定できるようになります。段階の名称は{" "}
        <Link to="/indicators/ladder" search={{ planId }}>
          段階（マイルストーン）の設定
        </Link>
        で追加できます。
      </p>
      <p>
        目標 {counts.total}件のうち、{TARGET_KIND_LABELS.numeric} {counts.numeric}件・{TARGET_KIND_LABELS.milestone}{" "}
        {counts.milestone}件は自動で判定できます。{TARGET_KIND_LABELS.asNeeded} {counts.asNeeded}
        件と次の文章の目標 {counts.text}件は、実績が入力されると「{ATTAINMENT_LABELS.manual}」になります。
      </p>
      <details>
        <summary>文章の目標を表示</summary>
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">数値・段階として読み取れない目標</caption>
            <thead>
              <tr>
                <th scope="col">目標（原文）</th>
                <th scope="col" className="num">
                  件数
                </th>
                <th scope="col">指標（年度）</th>
                <th scope="col">書き直し</th>
              </tr>
            </thead>
            <tbody>
              {texts.map((t) => (
                <tr key={t.source}>
                  <td className="change-value">{t.source}</td>
                  <td className="num">{t.count}</td>
                  <td>
                    <ul className="compact-list">
                      {t.occurrences.slice(0, 5).map((o) => (
                        <li key={`${o.indicatorId}:${o.fiscalYear}`}>
                          <Link to="/indicators/$indicatorId" params={{ indicatorId: o.indicatorId }}>
                            {indicatorLabel(o.indicatorName)}
                          </Link>
                          （{o.fiscalYearLabel}
                          {o.item?.code ? `・${o.item.code}` : ""}）
                        </li>
                      ))}
                      {t.occurrences.length > 5 ? <li>ほか{t.occurrences.length - 5}件</li> : null}
                    </ul>
                  </td>
                  <td>
                    {t.occurrences[0] ? (
                      <Link
                        to="/indicators"
                        search={{
                          planId,
                          fy: t.occurrences[0].fiscalYear,
                          edit: t.occurrences[0].indicatorId,
                        }}
                        className="nowrap"
                      >
                        目標を書き直す
                        <span className="visually-hidden">
                          ：{indicatorLabel(t.occurrences[0].indicatorName)}（{t.occurrences[0].fiscalYearLabel}）「
                          {t.source}」
                        </span>
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function IndicatorListView({
  list,
  planId,
  departmentId,
  page,
  onPage,
  canEnter,
  canEditTargets,
  editId,
  onEditOpened,
}: {
  list: IndicatorList;
  planId: string;
  departmentId: string;
  page: IndicatorPage;
  onPage: (page: number) => void;
  canEnter: boolean;
  canEditTargets: boolean;
  /** opens the 目標 form of this indicator (from the list of targets that cannot be classified) */
  editId: string | undefined;
  /** the form of editId is open: the list may forget it (and shows the page it is on) */
  onEditOpened: (page: number) => void;
}) {
  const queryClient = useQueryClient();
  const ladder = useMilestoneLadder(planId);
  const columns = useMemo(() => columnsFor(list.fiscalYearLabel), [list.fiscalYearLabel]);
  const table = useTable({ features, columns, data: list.indicators ?? noRows });
  // which inline form is open: "actual:<id>" or "target:<id>"
  const [openId, setOpenId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const returnFocus = useRef<string | null>(null);
  const colCount = columns.length + (canEnter || canEditTargets ? 1 : 0);
  const pageNumber = Math.floor(list.offset / INDICATOR_PAGE_SIZE) + 1;

  // after a form closes, focus goes back to the button that opened it
  useEffect(() => {
    if (openId === null && returnFocus.current) {
      buttons.current.get(returnFocus.current)?.focus();
      returnFocus.current = null;
    }
  }, [openId]);

  const close = (id: string) => {
    returnFocus.current = id;
    setOpenId(null);
  };

  useEffect(() => {
    if (editId && list.indicators.some((i) => i.id === editId)) {
      setOpenId(`target:${editId}`);
      onEditOpened(pageNumber);
    }
  }, [editId, list.indicators, onEditOpened, pageNumber]);

  const listKey = keys.indicators(planId, list.fiscalYear, departmentId, page);
  const reload = async (id: string) => {
    const fresh = await queryClient.fetchQuery({
      queryKey: listKey,
      queryFn: () => api<IndicatorList>(indicatorListUrl(planId, list.fiscalYear, departmentId, page)),
      staleTime: 0,
    });
    return fresh.indicators.find((i) => i.id === id);
  };

  const saved = async (indicator: IndicatorYear, r: ActualSaved) => {
    const rate = r.attainment.rate !== null ? `、達成率 ${formatRate(r.attainment.rate)}` : "";
    setMessage(
      `「${indicator.name}」の${list.fiscalYearLabel}の実績を保存しました（${ATTAINMENT_LABELS[r.attainment.status]}${rate}）。`,
    );
    close(`actual:${indicator.id}`);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ["indicators"] }),
      queryClient.invalidateQueries({ queryKey: ["sheet"] }),
    ]);
  };

  const targetSaved = async (indicator: IndicatorYear, t: IndicatorTarget) => {
    setMessage(`「${indicator.name}」の${list.fiscalYearLabel}の目標を保存しました。読み取り: ${readAsText(t)}`);
    close(`target:${indicator.id}`);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ["indicators"] }),
      queryClient.invalidateQueries({ queryKey: ["sheet"] }),
      queryClient.invalidateQueries({ queryKey: ["revisions"] }),
    ]);
  };

  // rows grouped by their item, in the plan's tree order (the server's order)
  const groups: { key: string; first: IndicatorYear; rows: ReturnType<typeof table.getRowModel>["rows"] }[] = [];
  for (const row of table.getRowModel().rows) {
    const key = row.original.item?.id ?? "(plan)";
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.rows.push(row);
    else groups.push({ key, first: row.original, rows: [row] });
  }

  return (
    <>
      <h2>{list.fiscalYearLabel}の指標</h2>
      <PrintMeta
        scope={`${list.fiscalYearLabel}の指標（見られる範囲）`}
        status={`実績の入力 ${list.counts.indicators - list.counts.noActual}件／${list.counts.indicators}件`}
      />
      <p>
        {tallyText(list.counts)}。判定できる指標のうち達成の割合: <strong>{formatShare(list.counts)}</strong>
      </p>
      <div aria-live="polite">{message ? <p className="notice success">{message}</p> : null}</div>
      {list.indicators.length === 0 ? (
        <p>この条件で表示できる指標はありません。指標は「取込」から実施計画や指標の表を取り込むと登録されます。</p>
      ) : (
        <div className="table-wrap">
          <table className="data indicator-table">
            <caption className="visually-hidden">
              {list.fiscalYearLabel}の指標の一覧（取組ごと。指標名を選ぶと推移を表示します）
            </caption>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => (
                    <th key={header.id} scope="col" className={header.column.id === "rate" ? "num" : undefined}>
                      <table.FlexRender header={header} />
                    </th>
                  ))}
                  {canEnter || canEditTargets ? <th scope="col">操作</th> : null}
                </tr>
              ))}
            </thead>
            {groups.map((g) => (
              <tbody key={g.key}>
                <tr className="group-row">
                  <th scope="rowgroup" colSpan={colCount}>
                    {g.first.item ? (
                      <>
                        <span className="muted small">{g.first.item.levelName} </span>
                        {g.first.item.code ? <span className="code">{g.first.item.code}</span> : null}
                        {g.first.item.title}
                      </>
                    ) : (
                      "計画全体の指標"
                    )}
                    {g.first.departments.length ? (
                      <span className="small group-departments">
                        担当: {joinNames(g.first.departments.map((d) => d.name))}
                      </span>
                    ) : null}
                  </th>
                </tr>
                {g.rows.map((row) => {
                  const indicator = row.original;
                  const open = openId === `actual:${indicator.id}`;
                  const formId = `actual-form-${indicator.id}`;
                  const targetOpen = openId === `target:${indicator.id}`;
                  const targetFormId = `target-form-${indicator.id}`;
                  const toggle = (key: string, isOpen: boolean) => (isOpen ? close(key) : setOpenId(key));
                  const keep = (key: string) => (el: HTMLButtonElement | null) => {
                    if (el) buttons.current.set(key, el);
                    else buttons.current.delete(key);
                  };
                  return (
                    <Fragment key={row.id}>
                      <tr>
                        {row.getAllCells().map((cell) => (
                          <td key={cell.id} className={cell.column.id === "rate" ? "num" : undefined}>
                            <table.FlexRender cell={cell} />
                          </td>
                        ))}
                        {canEnter || canEditTargets ? (
                          <td>
                            <div className="row-actions">
                              {canEnter ? (
                                <button
                                  type="button"
                                  className="button secondary small nowrap"
                                  aria-expanded={open}
                                  aria-controls={open ? formId : undefined}
                                  ref={keep(`actual:${indicator.id}`)}
                                  onClick={() => toggle(`actual:${indicator.id}`, open)}
                                >
                                  {indicator.actual ? "実績を修正" : "実績を入力"}
                                  <span className="visually-hidden">：{indicatorLabel(indicator.name)}</span>
                                </button>
                              ) : null}
                              {canEditTargets ? (
                                <button
                                  type="button"
                                  className="button secondary small nowrap"
                                  aria-expanded={targetOpen}
                                  aria-controls={targetOpen ? targetFormId : undefined}
                                  ref={keep(`target:${indicator.id}`)}
                                  onClick={() => toggle(`target:${indicator.id}`, targetOpen)}
                                >
                                  目標を編集
                                  <span className="visually-hidden">：{indicatorLabel(indicator.name)}</span>
                                </button>
                              ) : null}
                            </div>
                          </td>
                        ) : null}
                      </tr>
                      {open ? (
                        <tr className="entry-row" id={formId}>
                          <td colSpan={colCount}>
                            <ActualForm
                              indicator={indicator}
                              fiscalYearLabel={list.fiscalYearLabel}
                              steps={ladder.data?.ladder.steps ?? []}
                              onSaved={(r) => saved(indicator, r)}
                              onCancel={() => close(`actual:${indicator.id}`)}
                              reload={() => reload(indicator.id)}
                            />
                          </td>
                        </tr>
                      ) : null}
                      {targetOpen ? (
                        <tr className="entry-row" id={targetFormId}>
                          <td colSpan={colCount}>
                            <TargetForm
                              indicator={indicator}
                              fiscalYearLabel={list.fiscalYearLabel}
                              onSaved={(t) => targetSaved(indicator, t)}
                              onCancel={() => close(`target:${indicator.id}`)}
                              reload={() => reload(indicator.id)}
                            />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </tbody>
            ))}
          </table>
        </div>
      )}
      <Pager
        label="指標の一覧"
        total={list.total}
        offset={list.offset}
        shown={list.indicators.length}
        pageSize={list.limit ?? list.total}
        onPage={onPage}
      />
      <p className="small muted">
        {fyLabel(list.fiscalYear)}
        ：達成率は、目標値に対する実績の割合です（「以下」の目標は目標値÷実績）。段階や文章の目標は達成率を示しません。
      </p>
    </>
  );
}
