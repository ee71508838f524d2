import { useQueryClient } from "@tanstack/react-query";
import { useTable } from "@tanstack/react-table";
import { useEffect, useMemo, useRef, useState } from "react";
import { ATTAINMENT_LABELS } from "../../../domain/labels/indicators";
import { api } from "../../api";
import { formatRate, formatShare, tallyText } from "../../components/Indicators";
import { Pager } from "../../components/Pager";
import { PrintMeta } from "../../components/PrintMeta";
import { readAsText } from "../../components/TargetForm";
import { fyLabel, joinNames } from "../../format";
import { INDICATOR_PAGE_SIZE, type IndicatorPage, indicatorListUrl, useMilestoneLadder } from "../../indicatorQueries";
import { keys } from "../../queries";
import type { ActualSaved, IndicatorList, IndicatorTarget, IndicatorYear } from "../../types";
import { IndicatorRow, type RowForms } from "./IndicatorRow";
import { columnsFor, features } from "./indicatorColumns";

const noRows: IndicatorYear[] = [];

export function IndicatorListView({
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
  const forms: RowForms = {
    openId,
    open: setOpenId,
    close,
    keep: (key) => (el) => {
      if (el) buttons.current.set(key, el);
      else buttons.current.delete(key);
    },
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
                {g.rows.map((row) => (
                  <IndicatorRow
                    key={row.id}
                    indicator={row.original}
                    cells={row.getAllCells().map((cell) => (
                      <td key={cell.id} className={cell.column.id === "rate" ? "num" : undefined}>
                        <table.FlexRender cell={cell} />
                      </td>
                    ))}
                    colCount={colCount}
                    canEnter={canEnter}
                    canEditTargets={canEditTargets}
                    forms={forms}
                    fiscalYearLabel={list.fiscalYearLabel}
                    steps={ladder.data?.ladder.steps ?? []}
                    onActualSaved={(r) => saved(row.original, r)}
                    onTargetSaved={(t) => targetSaved(row.original, t)}
                    reload={() => reload(row.original.id)}
                  />
                ))}
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
