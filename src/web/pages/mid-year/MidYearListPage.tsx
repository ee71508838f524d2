import { getRouteApi, Link } from "@tanstack/react-router";
import { useCallback, useState } from "react";
import { MID_YEAR_SHEET_STATUS_LABELS, type MidYearSheetStatus } from "../../../domain/labels/mid-year";
import { api } from "../../api";
import { StatusBadge } from "../../components/Badges";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField } from "../../components/FormField";
import { PageHeading } from "../../components/PageHeading";
import { SortableTable, sortableColumns, textSort } from "../../components/SortableTable";
import { QueryStatus } from "../../components/Status";
import { fyLabel, joinNames } from "../../format";
import { useSubmit } from "../../forms/useSubmit";
import { isPlanOffice, usePlans, useSession } from "../../queries";
import type { MidYearListRow, MidYearRound } from "../../types";
import { MidYearPicker } from "./MidYearPicker";
import { midYearKeys, useMidYearRounds, useMidYearSheets } from "./midYearQueries";

const route = getRouteApi("/mid-year");

const helper = sortableColumns<MidYearListRow>();
const columns = helper.columns([
  helper.accessor((r) => r.item?.code ?? "", { id: "code", header: "番号", sortFn: textSort(true) }),
  helper.accessor((r) => r.item?.title ?? "", {
    id: "title",
    header: "事業名",
    sortFn: textSort(),
    cell: (info) => (
      <Link to="/mid-year-sheets/$sheetId" params={{ sheetId: info.row.original.id }}>
        {info.getValue() || "（名称なし）"}
      </Link>
    ),
  }),
  helper.accessor((r) => joinNames(r.departmentNames), { id: "departments", header: "担当課", sortFn: textSort() }),
  helper.accessor((r) => r.statusLabel, {
    id: "status",
    header: "状態",
    sortFn: textSort(),
    cell: (info) => <StatusBadge status={info.row.original.status} label={info.row.original.statusLabel} />,
  }),
  helper.accessor((r) => r.progressLabel ?? "", {
    id: "progress",
    header: "進捗状況",
    sortFn: textSort(),
    cell: (info) => info.getValue() || <span className="muted">－</span>,
  }),
  helper.accessor((r) => r.reviewComment ?? "", {
    id: "reviewComment",
    header: "差戻しの理由",
    sortFn: textSort(),
    cell: (info) => info.getValue() || <span className="muted">－</span>,
  }),
]);

/** 中間報告: a year's progress sheets (a department's own), opening and closing the round, the way to the report. */
export function MidYearListPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const session = useSession();
  const office = isPlanOffice(session.data);
  const onPick = useCallback(
    (planId: string, fy: number | undefined) => navigate({ search: (s) => ({ ...s, planId, fy }), replace: true }),
    [navigate],
  );
  const status = search.status ?? "";
  const sheets = useMidYearSheets(search.planId, search.fy, status);
  const rounds = useMidYearRounds(search.planId);
  const round = rounds.data?.find((r) => r.fiscalYear === search.fy);

  return (
    <>
      <PageHeading title="中間報告">
        年度の途中で各事業の進捗（進捗状況・課題・下半期の予定）を集めます。評価（段階）は付けません。事業名を選ぶと進捗シートを開きます。
      </PageHeading>
      <MidYearPicker planId={search.planId} fiscalYear={search.fy} onChange={onPick}>
        <SelectField
          label="状態"
          value={status}
          onChange={(v) => navigate({ search: (s) => ({ ...s, status: v || undefined }), replace: true })}
          options={[
            { value: "", label: "すべて" },
            ...(Object.keys(MID_YEAR_SHEET_STATUS_LABELS) as MidYearSheetStatus[]).map((k) => ({
              value: k,
              label: MID_YEAR_SHEET_STATUS_LABELS[k],
            })),
          ]}
        />
      </MidYearPicker>
      {office && search.planId ? (
        <OpenForm planId={search.planId} onOpened={(fy) => onPick(search.planId ?? "", fy)} />
      ) : null}
      {round ? (
        <p>
          {fyLabel(round.fiscalYear)}の中間報告: {round.statusLabel}（進捗シート {round.sheets}件）{" "}
          <Link to="/mid-year-report" search={{ planId: round.planId, fy: round.fiscalYear }}>
            中間報告書を見る
          </Link>
        </p>
      ) : null}
      {office && round?.status === "open" ? <CloseRound round={round} /> : null}
      <QueryStatus query={sheets} />
      {sheets.data ? (
        <SortableTable
          rows={sheets.data}
          columns={columns}
          caption="進捗シートの一覧"
          captionHidden
          empty="該当する進捗シートはありません。"
        />
      ) : null}
    </>
  );
}

function OpenForm({ planId, onOpened }: { planId: string; onOpened: (fy: number) => void }) {
  const plans = usePlans();
  const rounds = useMidYearRounds(planId);
  const plan = plans.data?.find((p) => p.id === planId);
  const [fy, setFy] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const open = useSubmit({
    send: (year: number) =>
      api<{ round: MidYearRound }>(`/api/plans/${planId}/mid-year`, { method: "POST", body: { fiscalYear: year } }),
    invalidates: [midYearKeys.all],
    onDone: (r) => {
      setDone(`${fyLabel(r.round.fiscalYear)}の中間報告を開始しました（進捗シート ${r.round.sheets}件）。`);
      setFy("");
      onOpened(r.round.fiscalYear);
    },
  });
  if (!plan || !rounds.data) return null;
  const opened = new Set(rounds.data.map((r) => r.fiscalYear));
  const years: number[] = [];
  for (let y = plan.startFiscalYear; y <= plan.endFiscalYear; y++) if (!opened.has(y)) years.push(y);
  if (!years.length) return null;
  return (
    <details className="no-print">
      <summary>新しい年度の中間報告を開始する（計画所管課）</summary>
      <form onSubmit={open.onSubmit(() => Number(fy))} noValidate className="form-row">
        <SelectField
          label="中間報告の年度"
          value={fy}
          onChange={setFy}
          error={open.fields.fiscalYear}
          choose
          options={years.map((y) => ({ value: String(y), label: fyLabel(y) }))}
        />
        <div className="field">
          <button type="submit" className="button" disabled={open.busy || !fy}>
            中間報告を開始
          </button>
        </div>
      </form>
      <ErrorAlert error={open.error} />
      <div aria-live="polite">{done ? <p className="notice success">{done}</p> : null}</div>
    </details>
  );
}

/** Closing freezes every sheet; refused while a submitted sheet waits for the plan office. */
function CloseRound({ round }: { round: MidYearRound }) {
  const close = useSubmit({
    send: () =>
      api<{ round: MidYearRound }>(`/api/plans/${round.planId}/mid-year/${round.fiscalYear}/close`, {
        method: "POST",
        body: {},
      }),
    invalidates: [midYearKeys.all],
  });
  return (
    <div className="no-print">
      <button type="button" className="button secondary" onClick={() => void close.run()} disabled={close.busy}>
        {fyLabel(round.fiscalYear)}の中間報告を締め切る
      </button>
      <ErrorAlert error={close.error} />
    </div>
  );
}
