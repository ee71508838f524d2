import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { api } from "../../api";
import { Dialog, DialogActions } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StaleNotice } from "../../components/StaleNotice";
import { useSubmit } from "../../forms/useSubmit";
import { planUrl } from "../../planQueries";
import { keys } from "../../queries";
import type { Revision, RevisionList } from "../../types";

interface DraftDialogProps {
  planId: string;
  revision: Revision;
  onClose: () => void;
  onDone: (r: Revision) => void;
}

const revisionsUrl = (planId: string) => planUrl(planId, "/revisions");

/**
 * The confirm step of an action on a draft revision. Sent with the draft's version; after a 412 the revision is read
 * again, and one approved meanwhile offers nothing more to do.
 */
function DraftConfirmDialog({
  planId,
  revision,
  onClose,
  onDone,
  title,
  send,
  explanation,
  whenApproved,
  action,
  busyAction,
  danger = false,
}: DraftDialogProps & {
  title: (r: Revision) => string;
  /** the request; resolves to the revision to report as done */
  send: (r: Revision) => Promise<Revision>;
  explanation: (r: Revision) => ReactNode;
  whenApproved: string;
  action: string;
  busyAction: string;
  danger?: boolean;
}) {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState(revision);
  const confirm = useSubmit({ send: () => send(current), invalidates: [keys.revisions(planId)], onDone });

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({
      queryKey: keys.revisions(planId),
      queryFn: () => api<RevisionList>(revisionsUrl(planId)),
      staleTime: 0,
    });
    const latest = fresh.revisions.find((r) => r.id === current.id);
    if (latest) setCurrent(latest);
    confirm.clear();
  };

  const approvedMeanwhile = current.status !== "draft";
  return (
    <Dialog open title={title(current)} onClose={onClose}>
      {confirm.stale ? <StaleNotice onReload={reload} /> : <ErrorAlert error={confirm.error} />}
      {approvedMeanwhile ? <p>{whenApproved}</p> : explanation(current)}
      <DialogActions
        onCancel={onClose}
        cancelLabel={approvedMeanwhile ? "閉じる" : "やめる"}
        action={approvedMeanwhile ? null : confirm.busy ? busyAction : action}
        onAction={() => void confirm.run()}
        disabled={confirm.busy}
        danger={danger}
      />
    </Dialog>
  );
}

/** 「この改定を承認」: a confirm step (the approval freezes the current content as this version). */
export function ApproveDialog(props: DraftDialogProps) {
  return (
    <DraftConfirmDialog
      {...props}
      title={(r) => `第${r.number}版「${r.label}」の承認`}
      send={(r) =>
        api<{ revision: Revision }>(`${revisionsUrl(props.planId)}/${r.number}/approve`, {
          method: "POST",
          version: r.version,
        }).then((res) => res.revision)
      }
      explanation={(r) => (
        <>
          <p>
            現在の計画の内容（項目・担当課・指標・目標）を、第{r.number}版「{r.label}
            」として確定します。承認した版の内容は後から変わりません。
          </p>
          <p>承認する前に、下の「差分」で変更点を確かめてください。</p>
        </>
      )}
      whenApproved="この改定は既に承認されています。"
      action="承認する"
      busyAction="承認しています…"
    />
  );
}

/**
 * 「改定案を削除」: a confirm step. Only a draft can be deleted; the plan's content (the working copy) stays as it is,
 * so the edits made for this draft are kept for the next one.
 */
export function DeleteDraftDialog(props: DraftDialogProps) {
  return (
    <DraftConfirmDialog
      {...props}
      title={(r) => `第${r.number}版「${r.label}」の改定案の削除`}
      send={(r) =>
        api(`${revisionsUrl(props.planId)}/${r.number}`, { method: "DELETE", version: r.version }).then(() => r)
      }
      explanation={(r) => (
        <>
          <p>
            第{r.number}版「{r.label}」の改定案を削除します。削除した改定案は元に戻せません。
          </p>
          <p>
            計画の構成や指標に加えた変更はそのまま残り、次に改定を開始したときの改定案に含まれます。変更を取り消すときは、計画の構成の画面で元に戻してください。
          </p>
        </>
      )}
      whenApproved="この改定は既に承認されているため、削除できません。"
      action="改定案を削除する"
      busyAction="削除しています…"
      danger
    />
  );
}
