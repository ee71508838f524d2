import { useId, useState } from "react";
import { RETURN_COMMENT_MAX_LENGTH } from "../../../domain/evaluation-sheet";
import { NOT_EVALUATED_REASON_LABEL } from "../../../domain/labels/evaluation";
import { CharacterCount } from "../../components/CharacterCount";
import type { Sheet } from "../../types";
import type { SheetAction } from "./sheetDraft";

/** 一時保存・提出・承認・差し戻し and 未評価とする (each with its reason) and 印刷, as the caller's role and the sheet's state allow. */
export function SheetActions({
  current,
  role,
  office,
  dirty,
  busy,
  commentId,
  commentError,
  reasonError,
  onAction,
}: {
  current: Sheet;
  role: string | undefined;
  office: boolean;
  dirty: boolean;
  busy: boolean;
  /** the reason's textarea (the error summary links to it) */
  commentId: string;
  commentError: string | undefined;
  /** the server's message for the 未評価 reason (its field is `reason`, like the sheet's 効果又は評価の理由) */
  reasonError: string | undefined;
  /** sends; resolves to whether the action went through */
  onAction: (action: SheetAction) => Promise<boolean>;
}) {
  // the reason asked for: sending the sheet back, or leaving the project 未評価 for the year
  const [asking, setAsking] = useState<"return" | "notEvaluated" | null>(null);
  const [comment, setComment] = useState("");
  const commentErrorId = useId();
  const askedError = asking === "notEvaluated" ? reasonError : commentError;
  const editable = current.editable;
  // a closed year takes no change: the server refuses it, the screen offers none
  const open = !current.yearClosed;
  const canSubmit = editable && role !== "viewer" && ["not_started", "draft", "returned"].includes(current.status);
  const canAccept = open && office && current.status === "submitted";
  const canReturn = open && office && ["submitted", "accepted", "not_evaluated"].includes(current.status);
  const canLeaveUnevaluated = open && office && !["accepted", "not_evaluated"].includes(current.status);
  const save = () => void onAction({ kind: "save" });
  const submit = () => void onAction({ kind: "submit" });
  const accept = () => void onAction({ kind: "accept" });
  const send = async () => {
    const action: SheetAction =
      asking === "notEvaluated" ? { kind: "notEvaluated", reason: comment } : { kind: "return", comment };
    if (await onAction(action)) {
      setAsking(null);
      setComment("");
    }
  };

  return (
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
      {canReturn && !asking ? (
        <button type="button" className="button secondary" onClick={() => setAsking("return")} disabled={busy}>
          差し戻し
        </button>
      ) : null}
      {canLeaveUnevaluated && !asking ? (
        <button type="button" className="button secondary" onClick={() => setAsking("notEvaluated")} disabled={busy}>
          未評価とする
        </button>
      ) : null}
      {dirty ? <span className="small">保存していない変更があります。</span> : null}
      {canAccept && dirty ? <span className="small">承認する前に変更を一時保存してください。</span> : null}
      {asking ? (
        <div className="return-form">
          <div className="field">
            <label htmlFor={commentId}>
              {asking === "return" ? "差し戻しの理由" : NOT_EVALUATED_REASON_LABEL}
              <span className="required">必須</span>
            </label>
            {askedError ? (
              <span id={commentErrorId} className="field-error">
                {askedError}
              </span>
            ) : null}
            <textarea
              id={commentId}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              aria-required
              aria-invalid={askedError ? true : undefined}
              aria-describedby={[askedError ? commentErrorId : null, `${commentId}-count`].filter(Boolean).join(" ")}
            />
            <CharacterCount id={`${commentId}-count`} value={comment} max={RETURN_COMMENT_MAX_LENGTH} />
          </div>
          <div className="page-actions">
            {/* a blank 未評価 reason is not sent: its field name would point the error summary at the sheet's 理由 */}
            <button
              type="button"
              className="button danger"
              onClick={send}
              disabled={busy || (asking === "notEvaluated" && comment.trim() === "")}
            >
              {asking === "return" ? "差し戻す" : "未評価にする"}
            </button>
            <button type="button" className="button secondary" onClick={() => setAsking(null)}>
              やめる
            </button>
          </div>
        </div>
      ) : null}
      <button type="button" className="button secondary" onClick={() => window.print()}>
        印刷
      </button>
    </div>
  );
}
