import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, api } from "../../api";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StaleNotice } from "../../components/StaleNotice";
import { keys } from "../../queries";
import type { Revision, RevisionList } from "../../types";

/** 「この改定を承認」: a confirm step (the approval freezes the current content as this version). */
export function ApproveDialog({
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
export function DeleteDraftDialog({
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
