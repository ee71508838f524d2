import { useId, useState } from "react";
import { RETURN_COMMENT_MAX_LENGTH } from "../../../domain/evaluation-sheet";
import { CharacterCount } from "../../components/CharacterCount";
import type { Sheet } from "../../types";
import type { SheetAction } from "./sheetDraft";

/** 一時保存・提出・承認・差し戻し (with its reason) and 印刷, as the caller's role and the sheet's state allow. */
export function SheetActions({
  current,
  role,
  office,
  dirty,
  busy,
  commentId,
  commentError,
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
  /** sends; resolves to whether the action went through */
  onAction: (action: SheetAction) => Promise<boolean>;
}) {
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");
  const commentErrorId = useId();
  const editable = current.editable;
  const canSubmit = editable && role !== "viewer" && ["not_started", "draft", "returned"].includes(current.status);
  const canAccept = office && current.status === "submitted";
  const canReturn = office && (current.status === "submitted" || current.status === "accepted");
  const save = () => void onAction({ kind: "save" });
  const submit = () => void onAction({ kind: "submit" });
  const accept = () => void onAction({ kind: "accept" });
  const sendBack = async () => {
    if (await onAction({ kind: "return", comment })) {
      setReturning(false);
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
            {commentError ? (
              <span id={commentErrorId} className="field-error">
                {commentError}
              </span>
            ) : null}
            <textarea
              id={commentId}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              aria-required
              aria-invalid={commentError ? true : undefined}
              aria-describedby={[commentError ? commentErrorId : null, `${commentId}-count`].filter(Boolean).join(" ")}
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
  );
}
