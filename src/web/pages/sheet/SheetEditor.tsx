import { useQueryClient } from "@tanstack/react-query";
import { useBlocker } from "@tanstack/react-router";
import { useId, useState } from "react";
import { CLOSED_YEAR_MESSAGE, NOT_EVALUATED_REASON_LABEL } from "../../../domain/labels/evaluation";
import { ApiError, api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SheetIndicators } from "../../components/SheetFields";
import { SheetHistory } from "../../components/SheetHistory";
import { KeptText, StaleNotice } from "../../components/StaleNotice";
import { usePaper } from "../../components/usePaper";
import { useSubmit } from "../../forms/useSubmit";
import { isPlanOffice, keys, useSession } from "../../queries";
import type { ReturnSheetInput, Sheet, SheetFieldsInput } from "../../types";
import { SheetActions } from "./SheetActions";
import { SheetFormRows } from "./SheetFormRows";
import { SheetHeading } from "./SheetHeading";
import { SheetItemOpinions } from "./SheetItemOpinions";
import { SheetSuggestedActuals } from "./SheetSuggestedActuals";
import { type Draft, draftLabels, draftOf, fieldId, GRADE_ID, isDirty, type SheetAction } from "./sheetDraft";

/** Each action's path under the sheet, its method and what the screen says when it is done. */
const ACTIONS: Record<SheetAction["kind"], { path: string; method: "PUT" | "POST"; done: string }> = {
  save: { path: "", method: "PUT", done: "一時保存しました。" },
  submit: { path: "/submit", method: "POST", done: "提出しました。計画所管課の確認を待っています。" },
  accept: { path: "/accept", method: "POST", done: "承認しました。総括表に集計されます。" },
  return: { path: "/return", method: "POST", done: "差し戻しました。" },
  notEvaluated: { path: "/not-evaluated", method: "POST", done: "未評価としました。" },
};

export function SheetEditor({ initial }: { initial: Sheet }) {
  usePaper("a4-portrait");
  const queryClient = useQueryClient();
  const session = useSession();
  const office = isPlanOffice(session.data);
  const [current, setCurrent] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [kept, setKept] = useState<{ label: string; value: string }[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const commentId = useId();

  const dirty = isDirty(draft, current);
  useBlocker({
    shouldBlockFn: () => dirty && !window.confirm("保存していない変更があります。このページを離れますか。"),
    enableBeforeUnload: () => dirty,
  });

  const labels = draftLabels(current);
  const fieldTargets: Record<string, string> = {
    ...Object.fromEntries(Object.keys(labels).map((k) => [k, fieldId(k)])),
    grade: `${GRADE_ID}-${current.gradeScale[0]?.code ?? ""}`,
    comment: commentId,
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

  // the fields on screen go with a submission as with a save: the server checks and saves them with it, or changes
  // nothing
  const act = useSubmit({
    send: (action: SheetAction) =>
      api<{ sheet: Sheet }>(`/api/sheets/${current.id}${ACTIONS[action.kind].path}`, {
        method: ACTIONS[action.kind].method,
        body:
          action.kind === "return"
            ? ({ comment: action.comment } satisfies ReturnSheetInput)
            : action.kind === "notEvaluated"
              ? { reason: action.reason }
              : action.kind === "accept"
                ? undefined
                : (body() satisfies SheetFieldsInput),
        version: current.version,
      }),
    invalidates: (r) => [keys.history(r.sheet.id), ["sheets"], ["summary"]],
    onDone: (r, action) => {
      setCurrent(r.sheet);
      setDraft(draftOf(r.sheet));
      setMessage(ACTIONS[action.kind].done);
      queryClient.setQueryData(keys.sheet(r.sheet.id), r.sheet);
    },
  });
  const onAction = async (action: SheetAction) => {
    setMessage(null);
    return (await act.run(action)) !== undefined;
  };

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
    act.clear();
    setMessage("最新の内容を読み込みました。");
    await queryClient.invalidateQueries({ queryKey: keys.history(current.id) });
  };

  /** an actual written from the sheet changes its indicators and their suggested grade, not the sheet's own fields */
  const refreshIndicators = async () => {
    const latest = await queryClient.fetchQuery({
      queryKey: keys.sheet(current.id),
      queryFn: () => api<{ sheet: Sheet }>(`/api/sheets/${current.id}`).then((r) => r.sheet),
      staleTime: 0,
    });
    setCurrent((c) => ({ ...c, indicators: latest.indicators, suggestedGrade: latest.suggestedGrade }));
  };

  const setField = (k: keyof Draft) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const hasIndicators = (current.indicators?.length ?? 0) > 0;
  const error = act.error;

  return (
    <article className="sheet-page">
      <SheetHeading current={current} />

      {act.stale ? (
        <StaleNotice onReload={reloadLatest} />
      ) : (
        <ErrorAlert
          error={error}
          title={error instanceof ApiError && error.status === 400 ? "保存または提出できませんでした" : undefined}
          fieldTargets={fieldTargets}
        />
      )}
      <KeptText entries={kept} onDismiss={() => setKept([])} />
      {current.yearClosed ? (
        <p className="notice" role="status">
          {CLOSED_YEAR_MESSAGE}。この評価表は締めたときの内容のまま表示しています。
        </p>
      ) : null}
      {current.status === "not_evaluated" && current.notEvaluatedReason ? (
        <p className="notice">
          計画所管課がこの年度は未評価としました。{NOT_EVALUATED_REASON_LABEL}: {current.notEvaluatedReason}
        </p>
      ) : null}

      {hasIndicators ? <SheetIndicators sheet={current} /> : null}
      {hasIndicators ? (
        <SheetSuggestedActuals
          sheet={current}
          canEnter={session.data?.user.role !== "viewer"}
          onActualSaved={refreshIndicators}
        />
      ) : null}

      <SheetFormRows
        current={current}
        draft={draft}
        labels={labels}
        fields={act.fields}
        setField={setField}
        onSave={() => void onAction({ kind: "save" })}
      />

      <div aria-live="polite" className="no-print">
        {message ? <p className="notice success">{message}</p> : null}
      </div>
      {session.data?.user.role !== "viewer" ? (
        <SheetActions
          current={current}
          role={session.data?.user.role}
          office={office}
          dirty={dirty}
          busy={act.busy}
          commentId={commentId}
          commentError={act.fields.comment}
          reasonError={act.fields.reason}
          onAction={onAction}
        />
      ) : null}

      <SheetItemOpinions sheet={current} />
      <SheetHistory sheetId={current.id} />
    </article>
  );
}
