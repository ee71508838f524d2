import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useCallback, useMemo, useState } from "react";
import { diffStatus } from "../../domain/print-meta";
import { DIFF_TABLE_HEADERS, diffTableRows } from "../../domain/revisions/diff-table";
import { ApiError, api } from "../api";
import { Dialog } from "../components/Dialog";
import { ErrorAlert, fieldErrorMap } from "../components/ErrorAlert";
import { FormattedText } from "../components/FormattedText";
import { SelectField, TextField } from "../components/FormField";
import { PlanPicker } from "../components/PlanPeriodPicker";
import { PrintMeta } from "../components/PrintMeta";
import { StaleNotice } from "../components/StaleNotice";
import { Loading, QueryError } from "../components/Status";
import { usePageTitle } from "../components/usePageTitle";
import { formatEraDate, fyLabel, personName } from "../format";
import { isPlanOffice, keys, useDiff, useRevisions, useSession } from "../queries";
import type {
  DiffSide,
  DiffSummary,
  PlanDiff,
  Revision,
  RevisionList,
  RevisionStarted,
  StartRevisionInput,
} from "../types";

const route = getRouteApi("/revisions");

/** "令和8年11月24日" for an ISO timestamp, as the day in Japan. */
const eraDay = (iso: string | null): string => (iso ? formatEraDate(iso) : "－");

const STATUS_LABELS: Record<Revision["status"], string> = { draft: "案", approved: "承認済" };

export function RevisionsPage() {
  usePageTitle("改定（ローリング）");
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const session = useSession();
  const office = isPlanOffice(session.data);
  const onPick = useCallback((planId: string) => navigate({ search: { planId }, replace: true }), [navigate]);
  const revisions = useRevisions(search.planId);

  return (
    <>
      <h1>改定（ローリング）</h1>
      <p className="lead">
        計画の改定を版として記録します。改定を開始すると、承認するまでの変更（項目・担当課・指標・目標）が改定案になり、承認で確定します。版どうしの差分（新旧対照）を確かめられます。
      </p>
      <PlanPicker planId={search.planId} onChange={onPick} />
      {revisions.isPending && revisions.fetchStatus !== "idle" ? <Loading /> : null}
      {revisions.error ? <QueryError error={revisions.error} /> : null}
      {revisions.data && search.planId ? (
        <>
          <RevisionTable planId={search.planId} list={revisions.data} office={office} />
          {office ? <StartRevisionForm planId={search.planId} draft={revisions.data.draft} /> : null}
          <DiffSection
            planId={search.planId}
            list={revisions.data}
            office={office}
            from={search.from}
            to={search.to}
            onChange={(from, to) => navigate({ search: (s) => ({ ...s, from, to }), replace: true })}
          />
        </>
      ) : null}
    </>
  );
}

function RevisionTable({ planId, list, office }: { planId: string; list: RevisionList; office: boolean }) {
  const [approving, setApproving] = useState<Revision | null>(null);
  const [deleting, setDeleting] = useState<Revision | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby="revisions-title">
      <h2 id="revisions-title">版の一覧</h2>
      <div aria-live="polite">{message ? <p className="notice success">{message}</p> : null}</div>
      {list.revisions.length === 0 ? (
        <p>
          まだ改定の記録はありません。
          {office
            ? "「次年度の改定を開始」を押すと、現在の内容を第1版（策定時）として記録し、第2版の改定案を作ります。"
            : ""}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">改定の版の一覧</caption>
            <thead>
              <tr>
                <th scope="col">版</th>
                <th scope="col">名称</th>
                <th scope="col">状態</th>
                <th scope="col">承認日</th>
                <th scope="col">承認者</th>
                <th scope="col">基にした版</th>
                <th scope="col">この版で行った評価</th>
                {office ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.revisions.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="nowrap">
                    第{r.number}版
                  </th>
                  <td>{r.label}</td>
                  <td className="nowrap">
                    <span className={`status revision-${r.status}`}>{STATUS_LABELS[r.status]}</span>
                    {list.current === r.number ? <span className="small"> 現行</span> : null}
                  </td>
                  <td className="nowrap">{eraDay(r.approvedAt)}</td>
                  <td>{personName(r.approvedByName, r.approvedBy)}</td>
                  <td>{r.basedOn ? `第${r.basedOn.number}版 ${r.basedOn.label}` : "－"}</td>
                  <td>
                    {r.evaluationFiscalYears.length ? r.evaluationFiscalYears.map((y) => fyLabel(y)).join("、") : "－"}
                  </td>
                  {office ? (
                    <td>
                      {r.status === "draft" ? (
                        <div className="row-actions">
                          <button type="button" className="button small" onClick={() => setApproving(r)}>
                            この改定を承認<span className="visually-hidden">：第{r.number}版</span>
                          </button>
                          <button type="button" className="button secondary small" onClick={() => setDeleting(r)}>
                            改定案を削除<span className="visually-hidden">：第{r.number}版</span>
                          </button>
                        </div>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {approving ? (
        <ApproveDialog
          planId={planId}
          revision={approving}
          onClose={() => setApproving(null)}
          onDone={(r) => {
            setApproving(null);
            setMessage(`第${r.number}版「${r.label}」を承認しました。`);
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteDraftDialog
          planId={planId}
          revision={deleting}
          onClose={() => setDeleting(null)}
          onDone={(r) => {
            setDeleting(null);
            setMessage(`第${r.number}版「${r.label}」の改定案を削除しました。`);
          }}
        />
      ) : null}
    </section>
  );
}

/** 「この改定を承認」: a confirm step (the approval freezes the current content as this version). */
function ApproveDialog({
  planId,
  revision,
  onClose,
  onDone,
}: {
  planId: string;
  revision: Revision;
  onClose: () => void;
  onDone: (r: Revision) => void;
}) {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState(revision);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const approve = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ revision: Revision }>(
        `/api/plans/${encodeURIComponent(planId)}/revisions/${current.number}/approve`,
        { method: "POST", version: current.version },
      );
      await queryClient.invalidateQueries({ queryKey: keys.revisions(planId) });
      onDone(r.revision);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({
      queryKey: keys.revisions(planId),
      queryFn: () => api<RevisionList>(`/api/plans/${encodeURIComponent(planId)}/revisions`),
      staleTime: 0,
    });
    const latest = fresh.revisions.find((r) => r.number === current.number);
    if (latest) setCurrent(latest);
    setError(null);
  };

  const approvedMeanwhile = current.status !== "draft";
  return (
    <Dialog open title={`第${current.number}版「${current.label}」の承認`} onClose={onClose}>
      {error instanceof ApiError && error.isStale ? <StaleNotice onReload={reload} /> : <ErrorAlert error={error} />}
      {approvedMeanwhile ? (
        <p>この改定は既に承認されています。</p>
      ) : (
        <>
          <p>
            現在の計画の内容（項目・担当課・指標・目標）を、第{current.number}版「{current.label}
            」として確定します。承認した版の内容は後から変わりません。
          </p>
          <p>承認する前に、下の「差分」で変更点を確かめてください。</p>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button secondary" onClick={onClose}>
          {approvedMeanwhile ? "閉じる" : "やめる"}
        </button>
        {!approvedMeanwhile ? (
          <button type="button" className="button" onClick={approve} disabled={busy}>
            {busy ? "承認しています…" : "承認する"}
          </button>
        ) : null}
      </div>
    </Dialog>
  );
}

/**
 * 「改定案を削除」: a confirm step. Only a draft can be deleted; the plan's content (the working copy) stays as it is,
 * so the edits made for this draft are kept for the next one.
 */
function DeleteDraftDialog({
  planId,
  revision,
  onClose,
  onDone,
}: {
  planId: string;
  revision: Revision;
  onClose: () => void;
  onDone: (r: Revision) => void;
}) {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState(revision);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/plans/${encodeURIComponent(planId)}/revisions/${current.number}`, {
        method: "DELETE",
        version: current.version,
      });
      await queryClient.invalidateQueries({ queryKey: keys.revisions(planId) });
      onDone(current);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({
      queryKey: keys.revisions(planId),
      queryFn: () => api<RevisionList>(`/api/plans/${encodeURIComponent(planId)}/revisions`),
      staleTime: 0,
    });
    const latest = fresh.revisions.find((r) => r.id === current.id);
    if (latest) setCurrent(latest);
    setError(null);
  };

  const approvedMeanwhile = current.status !== "draft";
  return (
    <Dialog open title={`第${current.number}版「${current.label}」の改定案の削除`} onClose={onClose}>
      {error instanceof ApiError && error.isStale ? <StaleNotice onReload={reload} /> : <ErrorAlert error={error} />}
      {approvedMeanwhile ? (
        <p>この改定は既に承認されているため、削除できません。</p>
      ) : (
        <>
          <p>
            第{current.number}版「{current.label}」の改定案を削除します。削除した改定案は元に戻せません。
          </p>
          <p>
            計画の構成や指標に加えた変更はそのまま残り、次に改定を開始したときの改定案に含まれます。変更を取り消すときは、計画の構成の画面で元に戻してください。
          </p>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button secondary" onClick={onClose}>
          {approvedMeanwhile ? "閉じる" : "やめる"}
        </button>
        {!approvedMeanwhile ? (
          <button type="button" className="button danger" onClick={remove} disabled={busy}>
            {busy ? "削除しています…" : "改定案を削除する"}
          </button>
        ) : null}
      </div>
    </Dialog>
  );
}

function StartRevisionForm({ planId, draft }: { planId: string; draft: number | null }) {
  const queryClient = useQueryClient();
  const [label, setLabel] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await api<RevisionStarted>(`/api/plans/${encodeURIComponent(planId)}/revisions`, {
        method: "POST",
        body: (label.trim() ? { label: label.trim() } : {}) satisfies StartRevisionInput,
      });
      await queryClient.invalidateQueries({ queryKey: keys.revisions(planId) });
      setDone(
        `${r.baseline ? `現在の内容を第${r.baseline.number}版「${r.baseline.label}」として記録し、` : ""}第${r.revision.number}版「${r.revision.label}」の改定を開始しました。計画の構成や指標の変更は、承認するまで改定案です。`,
      );
      setLabel("");
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="start-revision-title" className="no-print">
      <h2 id="start-revision-title">改定の開始</h2>
      {draft !== null ? (
        <p>
          第{draft}
          版の改定案があります。改定案の変更は、承認するまで他の画面（総括表・評価表・指標・書き出し）には表示されません。承認してから次の改定を開始できます。
        </p>
      ) : null}
      <form onSubmit={submit} noValidate className="form-row">
        <TextField
          label="改定の名称（任意）"
          hint="空欄のときは「令和○年度改定」になります"
          value={label}
          onChange={setLabel}
          error={fieldErrorMap(error).label}
          inputClassName="wide"
        />
        <div className="field">
          <button type="submit" className="button" disabled={busy || draft !== null}>
            {busy ? "開始しています…" : "次年度の改定を開始"}
          </button>
        </div>
      </form>
      <ErrorAlert error={error} />
      <div aria-live="polite">{done ? <p className="notice success">{done}</p> : null}</div>
      {draft !== null || done ? (
        <p className="page-actions">
          <Link to="/plans/$planId" params={{ planId }} search={{ revision: "draft" }}>
            計画の構成を開いて変更する
          </Link>
          <Link to="/indicators" search={{ planId, revision: "draft" }}>
            指標と目標を開いて変更する
          </Link>
        </p>
      ) : null}
    </section>
  );
}

const SUMMARY_ITEMS: [keyof DiffSummary, string][] = [
  ["added", "追加"],
  ["removed", "削除"],
  ["moved", "移動"],
  ["renamed", "名称変更"],
  ["changed", "変更"],
  ["targetsChanged", "目標の変更"],
];
const MORE_ITEMS: [keyof DiffSummary, string][] = [
  ["indicatorsAdded", "指標の追加"],
  ["indicatorsRemoved", "指標の削除"],
  ["indicatorsRenamed", "指標名の変更"],
  ["indicatorsChanged", "指標の変更"],
  ["planChanged", "計画の変更"],
];

function sideText(s: DiffSide) {
  if (s.status === "live") return s.number ? `作業中（第${s.number}版 ${s.label}の案）` : "作業中（現在の内容）";
  return `第${s.number}版 ${s.label}`;
}

function DiffSection({
  planId,
  list,
  from,
  to,
  office,
  onChange,
}: {
  planId: string;
  list: RevisionList;
  from: string | undefined;
  to: string | undefined;
  /** the plan office compares its draft; everyone else approved revisions only (a draft is not theirs to see) */
  office: boolean;
  onChange: (from: string, to: string) => void;
}) {
  const approved = list.revisions.filter((r) => r.status === "approved");
  const draft = list.revisions.find((r) => r.status === "draft");
  const options = useMemo(
    () => [
      ...approved.map((r) => ({ value: String(r.number), label: `第${r.number}版 ${r.label}` })),
      ...(office
        ? [
            {
              value: "draft",
              label: draft ? `作業中（第${draft.number}版 ${draft.label}の案）` : "作業中（現在の内容）",
            },
          ]
        : []),
    ],
    [approved, draft, office],
  );
  // by default: the plan office its draft against the revision in force; others the last approval's changes
  const current = list.current;
  const previous = current !== null && current > 1 ? current - 1 : current;
  const fromValue = from ?? (current !== null ? String(office ? current : previous) : undefined);
  const toValue = to ?? (office ? "draft" : String(current ?? ""));
  const diff = useDiff(approved.length ? planId : undefined, fromValue, toValue);
  const q = fromValue ? new URLSearchParams({ from: fromValue, to: toValue }).toString() : "";

  return (
    <section aria-labelledby="diff-title">
      <h2 id="diff-title">差分（新旧対照）</h2>
      {approved.length === 0 ? (
        <p>承認済みの版がないため、差分はまだありません。</p>
      ) : (
        <>
          <div className="filters">
            <SelectField
              label="比較元（変更前）"
              value={fromValue ?? ""}
              onChange={(v) => onChange(v, toValue)}
              options={options}
            />
            <SelectField
              label="比較先（変更後）"
              value={toValue}
              onChange={(v) => onChange(fromValue ?? v, v)}
              options={options}
            />
          </div>
          <div className="page-actions no-print">
            <a href={`/api/plans/${encodeURIComponent(planId)}/diff.xlsx?${q}`} download className="button secondary">
              新旧対照表をExcel形式（xlsx）でダウンロード
            </a>
            <a href={`/api/plans/${encodeURIComponent(planId)}/diff.csv?${q}`} download>
              CSV（UTF-8）でダウンロード
            </a>
          </div>
          {diff.isPending && diff.fetchStatus !== "idle" ? <Loading /> : null}
          {diff.error ? <QueryError error={diff.error} /> : null}
          {diff.data ? <DiffView diff={diff.data} /> : null}
        </>
      )}
    </section>
  );
}

function DiffView({ diff }: { diff: PlanDiff }) {
  const rows = useMemo(() => diffTableRows(diff.changes, diff.plan.levelNames), [diff]);
  const more = MORE_ITEMS.filter(([k]) => diff.summary[k] > 0);
  const items = [...SUMMARY_ITEMS, ...more];
  return (
    <>
      <p>
        {sideText(diff.from)} → {sideText(diff.to)}
      </p>
      <PrintMeta status={diffStatus([diff.from, diff.to])} />
      <div className="table-wrap">
        <table className="data diff-summary">
          <caption>変更の件数</caption>
          <thead>
            <tr>
              {items.map(([k, label]) => (
                <th key={k} scope="col" className="num">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {items.map(([k]) => (
                <td key={k} className="num">
                  {diff.summary[k]}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? (
        <p>変更はありません。</p>
      ) : (
        <div className="table-wrap">
          <table className="data diff-table">
            <caption>変更の一覧（{rows.length}件）</caption>
            <thead>
              <tr>
                {DIFF_TABLE_HEADERS.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: changes have no id; the order is fixed
                <tr key={i}>
                  <td className="nowrap">{r[0]}</td>
                  <td className="nowrap">{r[1]}</td>
                  <td>{r[2]}</td>
                  <td>{r[3]}</td>
                  <td className="change-value before">
                    <FormattedText text={r[4]} empty="" />
                  </td>
                  <td className="change-value after">
                    {r[4] && r[5] ? <span className="visually-hidden">変更後: </span> : null}
                    <FormattedText text={r[5]} empty="" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
