import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useBlocker } from "@tanstack/react-router";
import { useId, useState } from "react";
import { RETURN_COMMENT_MAX_LENGTH } from "../../domain/evaluation-sheet";
import { ApiError, api } from "../api";
import { ItemMarks, StatusBadge } from "../components/Badges";
import { CharacterCount } from "../components/CharacterCount";
import { ErrorAlert, fieldErrorMap } from "../components/ErrorAlert";
import { FormattedText } from "../components/FormattedText";
import { PrintMeta } from "../components/PrintMeta";
import { GradeSuggestion, SheetIndicators, SheetTargetRow, SheetTextRow, SourceNote } from "../components/SheetFields";
import { SheetHistory } from "../components/SheetHistory";
import { KeptText, StaleNotice } from "../components/StaleNotice";
import { Loading, QueryError } from "../components/Status";
import { usePageTitle } from "../components/usePageTitle";
import { formatDateTime, joinNames } from "../format";
import { isPlanOffice, keys, useSession, useSheet } from "../queries";
import type { ReturnSheetInput, Sheet, SheetFieldsInput, SheetTextField, SuggestedGrade } from "../types";

const route = getRouteApi("/sheets/$sheetId");

/** Stable ids of the sheet's inputs: the error summary links each field message to its input. */
const fieldId = (field: string) => `sheet-field-${field}`;
const GRADE_ID = fieldId("grade");

type Draft = Record<SheetTextField, string> & { grade: string; gradeOverrideReason: string };

function draftOf(s: Sheet): Draft {
  return {
    previousStatus: s.previousStatus ?? "",
    targetFirst: s.targetFirst ?? "",
    targetSecond: s.targetSecond ?? "",
    results: s.results ?? "",
    grade: s.grade ?? "",
    gradeOverrideReason: s.gradeOverrideReason ?? "",
    reason: s.reason ?? "",
    issues: s.issues ?? "",
  };
}

function isDirty(d: Draft, s: Sheet) {
  const base = draftOf(s);
  return (Object.keys(base) as (keyof Draft)[]).some((k) => base[k] !== d[k]);
}

export function SheetPage() {
  const { sheetId } = route.useParams();
  const sheet = useSheet(sheetId);
  usePageTitle(sheet.data ? `評価表: ${sheet.data.item?.title ?? ""}` : "評価表");
  if (sheet.isPending) return <Loading />;
  if (sheet.error) return <QueryError error={sheet.error} />;
  return <SheetEditor key={sheetId} initial={sheet.data} />;
}

function SheetEditor({ initial }: { initial: Sheet }) {
  const queryClient = useQueryClient();
  const session = useSession();
  const office = isPlanOffice(session.data);
  const [current, setCurrent] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [error, setError] = useState<unknown>(null);
  const [kept, setKept] = useState<{ label: string; value: string }[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");
  const commentId = useId();
  const commentErrorId = useId();

  const dirty = isDirty(draft, current);
  useBlocker({
    shouldBlockFn: () => dirty && !window.confirm("保存していない変更があります。このページを離れますか。"),
    enableBeforeUnload: () => dirty,
  });

  const labels: Record<keyof Draft, string> = {
    previousStatus: `前年度（${current.previousFiscalYearLabel}）実施状況`,
    targetFirst: "事業目標（前期）",
    targetSecond: "事業目標（後期）",
    results: `計画事業の実績等（${current.fiscalYearLabel}）`,
    grade: "評価",
    gradeOverrideReason: "目安と異なる評価とする理由",
    reason: "効果又は評価の理由",
    issues: "今後の課題及び事業推進の方策",
  };
  const fields = fieldErrorMap(error);
  const editable = current.editable;
  const fieldTargets: Record<string, string> = {
    ...Object.fromEntries(Object.keys(labels).map((k) => [k, fieldId(k)])),
    grade: `${GRADE_ID}-${current.gradeScale[0]?.code ?? ""}`,
    comment: commentId,
  };
  const canSubmit =
    editable && session.data?.user.role !== "viewer" && ["not_started", "draft", "returned"].includes(current.status);
  const canAccept = office && current.status === "submitted";
  const canReturn = office && (current.status === "submitted" || current.status === "accepted");

  const applied = async (s: Sheet, text: string) => {
    setCurrent(s);
    setDraft(draftOf(s));
    setError(null);
    setMessage(text);
    queryClient.setQueryData(keys.sheet(s.id), s);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.history(s.id) }),
      queryClient.invalidateQueries({ queryKey: ["sheets"] }),
      queryClient.invalidateQueries({ queryKey: ["summary"] }),
    ]);
  };

  const body = () => ({
    previousStatus: draft.previousStatus,
    targetFirst: draft.targetFirst,
    targetSecond: draft.targetSecond,
    results: draft.results,
    grade: draft.grade === "" ? null : draft.grade,
    // required by the server when the grade differs from the indicators' suggestion; blank is cleared
    gradeOverrideReason: draft.gradeOverrideReason,
    reason: draft.reason,
    issues: draft.issues,
  });

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      const r = await api<{ sheet: Sheet }>(`/api/sheets/${current.id}`, {
        method: "PUT",
        body: body() satisfies SheetFieldsInput,
        version: current.version,
      });
      await applied(r.sheet, "一時保存しました。");
    });

  // the fields on screen go with the submission: the server checks and saves them with it, or changes nothing
  const submit = () =>
    run(async () => {
      const r = await api<{ sheet: Sheet }>(`/api/sheets/${current.id}/submit`, {
        method: "POST",
        body: body(),
        version: current.version,
      });
      await applied(r.sheet, "提出しました。計画所管課の確認を待っています。");
    });

  const accept = () =>
    run(async () => {
      const r = await api<{ sheet: Sheet }>(`/api/sheets/${current.id}/accept`, {
        method: "POST",
        version: current.version,
      });
      await applied(r.sheet, "承認しました。総括表に集計されます。");
    });

  const sendBack = () =>
    run(async () => {
      const r = await api<{ sheet: Sheet }>(`/api/sheets/${current.id}/return`, {
        method: "POST",
        body: { comment } satisfies ReturnSheetInput,
        version: current.version,
      });
      setReturning(false);
      setComment("");
      await applied(r.sheet, "差し戻しました。");
    });

  /** 412: load the latest version, keeping what the user typed visible so it can be copied back. */
  const reloadLatest = async () => {
    const latest = await queryClient.fetchQuery({
      queryKey: keys.sheet(current.id),
      queryFn: () => api<{ sheet: Sheet }>(`/api/sheets/${current.id}`).then((r) => r.sheet),
      staleTime: 0,
    });
    const mine = draft;
    const before = draftOf(current);
    const fresh = draftOf(latest);
    const entries = (Object.keys(labels) as (keyof Draft)[])
      .filter((k) => mine[k] !== before[k] && mine[k] !== fresh[k] && mine[k].trim() !== "")
      .map((k) => ({ label: labels[k], value: mine[k] }));
    setKept(entries);
    setCurrent(latest);
    setDraft(fresh);
    setError(null);
    setMessage("最新の内容を読み込みました。");
    await queryClient.invalidateQueries({ queryKey: keys.history(current.id) });
  };

  const setField = (k: keyof Draft) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const textRow = (k: SheetTextField) => (
    <SheetTextRow
      key={k}
      id={fieldId(k)}
      label={labels[k]}
      value={draft[k]}
      onChange={setField(k)}
      editable={editable}
      error={fields[k]}
      required={k === "results" || k === "reason"}
      source={current.source}
      sourceKey={k}
    />
  );
  const item = current.item;
  const suggestion = current.suggestedGrade;
  const hasIndicators = (current.indicators?.length ?? 0) > 0;
  const differsFromSuggestion = Boolean(suggestion?.grade && draft.grade && draft.grade !== suggestion.grade);
  const showOverride = editable
    ? differsFromSuggestion || Boolean(fields.gradeOverrideReason)
    : Boolean(current.gradeOverrideReason);

  return (
    <article className="sheet-page">
      <style>{"@page { size: A4 portrait; margin: 15mm }"}</style>
      <p className="no-print">
        <Link to="/evaluations" search={{ planId: current.planId, fy: current.fiscalYear }}>
          評価表の一覧へ戻る
        </Link>
      </p>
      <h1>事業別評価表（{current.fiscalYearLabel}）</h1>
      <PrintMeta status={current.statusLabel} />
      <p className="lead">{current.planTitle}</p>
      <div className="sheet-meta">
        <span>
          状態: <StatusBadge status={current.status} label={current.statusLabel} />
        </span>
        <span className="small muted">最終更新 {formatDateTime(current.updatedAt)}</span>
        {current.submittedAt ? <span className="small muted">提出 {formatDateTime(current.submittedAt)}</span> : null}
        {!editable ? (
          <span className="small no-print">
            {current.status === "submitted" || current.status === "accepted"
              ? "提出済みのため編集できません（修正が必要なときは計画所管課に差し戻しを依頼してください）。"
              : "閲覧のみです。"}
          </span>
        ) : null}
      </div>

      {current.reviewComment && current.status === "returned" ? (
        <section className="review-comment" aria-labelledby="review-comment-title">
          <h2 id="review-comment-title">差し戻し理由</h2>
          <p>{current.reviewComment}</p>
        </section>
      ) : null}

      {error instanceof ApiError && error.isStale ? (
        <StaleNotice onReload={reloadLatest} />
      ) : (
        <ErrorAlert
          error={error}
          title={error instanceof ApiError && error.status === 400 ? "保存または提出できませんでした" : undefined}
          fieldTargets={fieldTargets}
        />
      )}
      <KeptText entries={kept} onDismiss={() => setKept([])} />

      {hasIndicators ? <SheetIndicators sheet={current} /> : null}

      <form
        className="sheet-form"
        aria-label="評価表"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        <div className="sheet-row">
          <div className="sheet-head">事業名</div>
          <div className="sheet-cell sheet-title-cell">
            {item?.code ? <span>{item.code}</span> : null}
            <span>{item?.title ?? "（不明な事業）"}</span>
            {item ? <ItemMarks isNew={item.isNew} isPriority={item.isPriority} /> : null}
            {item?.category ? <span className="small muted">区分: {item.category}</span> : null}
          </div>
        </div>
        <div className="sheet-row">
          <div className="sheet-head">担当課</div>
          <div className="sheet-cell">{joinNames(current.departmentNames) || "－"}</div>
        </div>
        <div className="sheet-row">
          <div className="sheet-head">事業概要</div>
          <div className="sheet-cell">
            <FormattedText className="readonly-text" text={item?.summary} />
            <SourceNote source={current.source} sourceKey="overview" />
          </div>
        </div>
        {textRow("previousStatus")}
        <SheetTargetRow
          heading="事業目標"
          first={{
            label: "前期",
            fullLabel: labels.targetFirst,
            value: draft.targetFirst,
            onChange: setField("targetFirst"),
            error: fields.targetFirst,
            sourceKey: "targetFirst",
            id: fieldId("targetFirst"),
          }}
          second={{
            label: "後期",
            fullLabel: labels.targetSecond,
            value: draft.targetSecond,
            onChange: setField("targetSecond"),
            error: fields.targetSecond,
            sourceKey: "targetSecond",
            id: fieldId("targetSecond"),
          }}
          editable={editable}
          source={current.source}
        />
        {textRow("results")}
        <GradeRow
          id={GRADE_ID}
          scale={current.gradeScale}
          value={draft.grade}
          onChange={setField("grade")}
          editable={editable}
          error={fields.grade}
          source={current.source}
          suggestion={hasIndicators ? suggestion : null}
        />
        {showOverride ? (
          <SheetTextRow
            id={fieldId("gradeOverrideReason")}
            label={labels.gradeOverrideReason}
            value={draft.gradeOverrideReason}
            onChange={setField("gradeOverrideReason")}
            editable={editable}
            error={fields.gradeOverrideReason}
            required
            source={null}
            sourceKey="gradeOverrideReason"
            hint={
              editable && suggestion?.grade
                ? `指標からの評価の目安（${suggestion.grade}）と異なる評価を選んでいます。理由を入力してください。`
                : undefined
            }
          />
        ) : null}
        {textRow("reason")}
        {textRow("issues")}
        {/* Enter in a text field must not submit; saving is an explicit button below */}
      </form>

      <div aria-live="polite" className="no-print">
        {message ? <p className="notice success">{message}</p> : null}
      </div>
      {session.data?.user.role !== "viewer" ? (
        <div className="sheet-actions no-print">
          {editable ? (
            <button type="button" className="button secondary" onClick={save} disabled={busy || !dirty}>
              一時保存
            </button>
          ) : null}
          {canSubmit ? (
            <button type="button" className="button" onClick={submit} disabled={busy}>
              提出
            </button>
          ) : null}
          {canAccept ? (
            <button type="button" className="button" onClick={accept} disabled={busy || dirty}>
              承認
            </button>
          ) : null}
          {canReturn && !returning ? (
            <button type="button" className="button secondary" onClick={() => setReturning(true)} disabled={busy}>
              差し戻し
            </button>
          ) : null}
          {dirty ? <span className="small">保存していない変更があります。</span> : null}
          {canAccept && dirty ? <span className="small">承認する前に変更を一時保存してください。</span> : null}
          {returning ? (
            <div className="return-form">
              <div className="field">
                <label htmlFor={commentId}>
                  差し戻しの理由<span className="required">必須</span>
                </label>
                {fields.comment ? (
                  <span id={commentErrorId} className="field-error">
                    {fields.comment}
                  </span>
                ) : null}
                <textarea
                  id={commentId}
                  value={comment}
                  onChange={(e) => setComment(e.target.value)}
                  aria-required
                  aria-invalid={fields.comment ? true : undefined}
                  aria-describedby={[fields.comment ? commentErrorId : null, `${commentId}-count`]
                    .filter(Boolean)
                    .join(" ")}
                />
                <CharacterCount id={`${commentId}-count`} value={comment} max={RETURN_COMMENT_MAX_LENGTH} />
              </div>
              <div className="page-actions">
                <button type="button" className="button danger" onClick={sendBack} disabled={busy}>
                  差し戻す
                </button>
                <button type="button" className="button secondary" onClick={() => setReturning(false)}>
                  やめる
                </button>
              </div>
            </div>
          ) : null}
          <button type="button" className="button secondary" onClick={() => window.print()}>
            印刷
          </button>
        </div>
      ) : null}

      <SheetHistory sheetId={current.id} />
    </article>
  );
}

function GradeRow({
  id,
  scale,
  value,
  onChange,
  editable,
  error,
  source,
  suggestion,
}: {
  /** prefix of the radio buttons' ids (the error summary links to the first) */
  id: string;
  scale: Sheet["gradeScale"];
  value: string;
  onChange: (v: string) => void;
  editable: boolean;
  error?: string;
  source: Sheet["source"];
  /** the indicators' suggestion, shown next to the grade (null: the sheet has no indicators) */
  suggestion: SuggestedGrade | null;
}) {
  const chosen = scale.find((g) => g.code === value);
  const suggestionId = `${id}-suggestion`;
  if (!editable) {
    return (
      <div className="sheet-row">
        <div className="sheet-head">評価</div>
        <div className="sheet-cell">
          {chosen ? (
            <>
              <span className="grade-code">{chosen.code}</span> {chosen.label}
            </>
          ) : value ? (
            value
          ) : (
            "－"
          )}
          {suggestion ? <GradeSuggestion suggestion={suggestion} id={suggestionId} /> : null}
          <SourceNote source={source} sourceKey="grade" />
        </div>
      </div>
    );
  }
  return (
    <fieldset
      className="sheet-row plain"
      aria-invalid={error ? true : undefined}
      aria-describedby={
        [error ? `${id}-error` : null, suggestion ? suggestionId : null].filter(Boolean).join(" ") || undefined
      }
    >
      <legend className="visually-hidden">評価</legend>
      <div className="sheet-head" aria-hidden="true">
        評価<span className="required">必須</span>
      </div>
      <div className="sheet-cell">
        {error ? (
          <span id={`${id}-error`} className="field-error">
            {error}
          </span>
        ) : null}
        {suggestion ? <GradeSuggestion suggestion={suggestion} id={suggestionId} /> : null}
        <div className="grade-options">
          {scale.map((g) => (
            <div className="choice" key={g.code}>
              <input
                type="radio"
                id={`${id}-${g.code}`}
                name={`${id}-grade`}
                value={g.code}
                checked={value === g.code}
                onChange={() => onChange(g.code)}
              />
              <label htmlFor={`${id}-${g.code}`}>
                <span className="grade-code">{g.code}</span> {g.label}
              </label>
            </div>
          ))}
        </div>
        {value ? (
          <button type="button" className="link-button small" onClick={() => onChange("")}>
            評価の選択を取り消す
          </button>
        ) : null}
        <SourceNote source={source} sourceKey="grade" />
      </div>
    </fieldset>
  );
}
