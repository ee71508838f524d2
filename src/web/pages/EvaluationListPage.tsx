import { getRouteApi, Link } from "@tanstack/react-router";
import { useCallback, useState } from "react";
import { SHEET_STATUS_LABELS } from "../../domain/labels/evaluation";
import { api } from "../api";
import { ItemMarks, StatusBadge } from "../components/Badges";
import { EraDateField, typedDay } from "../components/EraDateField";
import { ErrorAlert } from "../components/ErrorAlert";
import { Checkbox, SelectField } from "../components/FormField";
import { PageHeading } from "../components/PageHeading";
import { PlanYearPicker } from "../components/PlanYearPicker";
import { SortableTable, sortableColumns, textSort } from "../components/SortableTable";
import { QueryStatus } from "../components/Status";
import { formatDateTime, fyLabel, joinNames } from "../format";
import { useSubmit } from "../forms/useSubmit";
import { planUrl, useRounds, useSheets } from "../planQueries";
import { isPlanOffice, keys, usePlans, useSession } from "../queries";
import type { EvaluationSearch } from "../routes/search";
import type { OpenedRound, OpenRoundInput, SheetListRow, SheetStatus } from "../types";
import { RoundClosing } from "./evaluations/RoundClosing";
import { RoundDeadlines } from "./evaluations/RoundDeadlines";

const route = getRouteApi("/evaluations");

const helper = sortableColumns<SheetListRow>();
const columns = helper.columns([
  helper.accessor((r) => r.item?.code ?? "", { id: "code", header: "番号", sortFn: textSort(true) }),
  helper.accessor((r) => r.item?.title ?? "", {
    id: "title",
    header: "事業名",
    sortFn: textSort(),
    cell: (info) => (
      <>
        <Link to="/sheets/$sheetId" params={{ sheetId: info.row.original.id }}>
          {info.getValue() || "（名称なし）"}
        </Link>{" "}
        {info.row.original.item ? (
          <ItemMarks isNew={info.row.original.item.isNew} isPriority={info.row.original.item.isPriority} />
        ) : null}
      </>
    ),
  }),
  helper.accessor((r) => joinNames(r.departmentNames), { id: "departments", header: "担当課", sortFn: textSort() }),
  helper.accessor((r) => r.statusLabel, {
    id: "status",
    header: "状態",
    sortFn: textSort(),
    cell: (info) => <StatusBadge status={info.row.original.status} label={info.row.original.statusLabel} />,
  }),
  helper.accessor((r) => r.grade ?? "", {
    id: "grade",
    header: "評価",
    sortFn: textSort(),
    cell: (info) => info.getValue() || <span className="muted">－</span>,
  }),
  helper.accessor((r) => r.updatedAt, {
    id: "updatedAt",
    header: "更新日時",
    sortFn: textSort(),
    cell: (info) => formatDateTime(info.getValue()),
  }),
]);

export function EvaluationListPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // a changed filter replaces the history entry: Back leaves the page rather than undoing a choice
  const filter = (patch: Partial<EvaluationSearch>) => navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const session = useSession();
  const editor = session.data?.user.role === "department_editor";
  const office = isPlanOffice(session.data);
  const title = editor ? "評価（自分の担当）" : "評価";

  const onPick = useCallback(
    (planId: string, fy: number | undefined) => navigate({ search: (s) => ({ ...s, planId, fy }), replace: true }),
    [navigate],
  );
  const status = search.status ?? "";
  const mine = editor || Boolean(search.mine);
  const sheets = useSheets(search.planId, search.fy, status, mine && !editor);

  return (
    <>
      <PageHeading title={title}>
        {editor
          ? "あなたの課が担当する事業の評価表です。事業名を選ぶと評価表を開きます。"
          : "評価表の一覧です。事業名を選ぶと評価表を開きます。"}
      </PageHeading>
      <PlanYearPicker planId={search.planId} fiscalYear={search.fy} onChange={onPick}>
        <SelectField
          label="状態"
          value={status}
          onChange={(v) => filter({ status: v || undefined })}
          options={[
            { value: "", label: "すべて" },
            ...(Object.keys(SHEET_STATUS_LABELS) as SheetStatus[]).map((k) => ({
              value: k,
              label: SHEET_STATUS_LABELS[k],
            })),
          ]}
        />
        {!editor ? (
          <Checkbox
            label="自分の課の担当のみ"
            checked={Boolean(search.mine)}
            onChange={(v) => filter({ mine: v || undefined })}
          />
        ) : null}
      </PlanYearPicker>
      {office && search.planId ? (
        <OpenRoundForm planId={search.planId} onOpened={(fy) => onPick(search.planId ?? "", fy)} />
      ) : null}
      {search.planId && search.fy ? (
        <RoundDeadlines planId={search.planId} fiscalYear={search.fy} office={office} />
      ) : null}
      {search.planId && search.fy ? (
        <RoundClosing planId={search.planId} fiscalYear={search.fy} office={office} />
      ) : null}
      {search.fy ? <h2>{fyLabel(search.fy)}の評価表</h2> : null}
      {search.planId && search.fy && session.data?.user.role !== "viewer" ? (
        <p className="no-print">
          <a href={planUrl(search.planId, `/evaluations/${search.fy}/export.xlsx`)} download>
            {editor ? "担当の評価表" : "評価表"}をExcel形式（xlsx）でダウンロード
          </a>
          <span className="small muted">
            （記入したファイルは「<Link to="/imports">取込</Link>」からまとめて反映できます）
          </span>
        </p>
      ) : null}
      <QueryStatus query={sheets} />
      {sheets.data ? <SheetTable rows={sheets.data} /> : null}
    </>
  );
}

function SheetTable({ rows }: { rows: SheetListRow[] }) {
  return (
    <SortableTable
      rows={rows}
      columns={columns}
      caption="評価表の一覧"
      captionHidden
      empty="該当する評価表はありません。"
    />
  );
}

/** Plan office: open the evaluation of a fiscal year (creates one sheet per project). */
function OpenRoundForm({ planId, onOpened }: { planId: string; onOpened: (fy: number) => void }) {
  const plans = usePlans();
  const rounds = useRounds(planId);
  const plan = plans.data?.find((p) => p.id === planId);
  const [fy, setFy] = useState("");
  const [submission, setSubmission] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const open = useSubmit({
    send: (year: number) => {
      setDone(null);
      return api<{ round: OpenedRound }>(`/api/plans/${planId}/evaluations`, {
        method: "POST",
        body: {
          fiscalYear: year,
          submissionDue: typedDay("submissionDue", submission),
          confirmationDue: typedDay("confirmationDue", confirmation),
        } satisfies OpenRoundInput,
      });
    },
    invalidates: [keys.rounds(planId)],
    onDone: (r) => {
      setDone(`${fyLabel(r.round.fiscalYear)}の評価を開始しました（評価表 ${r.round.sheets}件）。`);
      setFy("");
      onOpened(r.round.fiscalYear);
    },
  });
  const { error } = open;
  if (!plan || !rounds.data) return null;
  const opened = new Set(rounds.data.map((r) => r.fiscalYear));
  const years: number[] = [];
  for (let y = plan.startFiscalYear; y <= plan.endFiscalYear; y++) if (!opened.has(y)) years.push(y);
  if (!years.length) return null;

  return (
    <details className="no-print">
      <summary>新しい年度の評価を開始する（計画所管課）</summary>
      <form onSubmit={open.onSubmit(() => Number(fy))} noValidate className="form-row">
        <SelectField
          label="開始する年度"
          value={fy}
          onChange={setFy}
          error={open.fields.fiscalYear}
          choose
          options={years.map((y) => ({ value: String(y), label: fyLabel(y) }))}
        />
        <EraDateField
          label="提出期限（任意）"
          value={submission}
          onChange={setSubmission}
          error={open.fields.submissionDue}
        />
        <EraDateField
          label="確認期限（任意）"
          value={confirmation}
          onChange={setConfirmation}
          error={open.fields.confirmationDue}
        />
        <div className="field">
          <button type="submit" className="button" disabled={open.busy || !fy}>
            評価を開始
          </button>
        </div>
      </form>
      <ErrorAlert error={error} />
      <div aria-live="polite">{done ? <p className="notice success">{done}</p> : null}</div>
    </details>
  );
}
