import { useState } from "react";
import { api } from "../../../../api";
import { EraDateField, typedDay } from "../../../../components/EraDateField";
import { ErrorAlert } from "../../../../components/ErrorAlert";
import { FormButtons } from "../../../../components/FormButtons";
import { TextAreaField } from "../../../../components/FormField";
import type { Notice } from "../../../../components/NoticeArea";
import { RowAction } from "../../../../components/RowAction";
import { useSubmit } from "../../../../forms/useSubmit";
import type { PlanTask, SupportPlan } from "../../../../types";
import { planKeys, planPath } from "./queries";

type Form = "decline" | "done" | null;

/**
 * What the caller may do with a task: its own agency accepts it, or declines it with a reason; once the plan is
 * approved, the agency (or the lead / the coordinators) records it done.
 */
export function TaskActions({
  caseId,
  plan,
  task,
  manage,
  setNotice,
}: {
  caseId: string;
  plan: SupportPlan;
  task: PlanTask;
  manage: boolean;
  setNotice: (n: Notice) => void;
}) {
  const [form, setForm] = useState<Form>(null);
  const [reason, setReason] = useState("");
  const [doneOn, setDoneOn] = useState("");
  const path = planPath(caseId, `/${encodeURIComponent(plan.id)}/tasks/${encodeURIComponent(task.id)}`);
  const finish = (text: string) => {
    setForm(null);
    setNotice({ kind: "success", text });
  };
  const respond = useSubmit({
    send: (body: { response: "accepted" | "declined"; reason?: string }) =>
      api(`${path}/response`, { method: "POST", body }),
    invalidates: [planKeys.section(caseId), planKeys.agencyTasks],
    onDone: (_r, body) => finish(body.response === "accepted" ? "タスクを引き受けました。" : "タスクを辞退しました。"),
  });
  const complete = useSubmit({
    send: () => api(`${path}/done`, { method: "POST", body: { doneOn: typedDay("doneOn", doneOn) } }),
    invalidates: [planKeys.section(caseId), planKeys.agencyTasks],
    onDone: () => finish("タスクを完了にしました。"),
  });
  if (plan.status === "superseded") return null;
  const canAnswer = task.mine;
  const canComplete =
    plan.status === "approved" && !task.doneOn && task.response !== "declined" && (task.mine || manage);
  if (!canAnswer && !canComplete) return null;
  const of = `${task.agency.name}「${task.text}」`;
  return (
    <div className="row-actions">
      <ErrorAlert error={form === "done" ? complete.error : respond.error} />
      {canAnswer && task.response !== "accepted" && form === null ? (
        <RowAction of={of} look="primary" onClick={() => respond.run({ response: "accepted" })}>
          引き受ける
        </RowAction>
      ) : null}
      {canAnswer && task.response !== "declined" && form === null ? (
        <RowAction of={of} onClick={() => setForm("decline")}>
          辞退する
        </RowAction>
      ) : null}
      {canComplete && form === null ? (
        <RowAction of={of} onClick={() => setForm("done")}>
          完了を記録
        </RowAction>
      ) : null}
      {form === "decline" ? (
        <form onSubmit={respond.onSubmit({ response: "declined", reason })} noValidate>
          <TextAreaField
            label="辞退の理由"
            required
            rows={2}
            value={reason}
            onChange={setReason}
            error={respond.fields.reason}
          />
          <FormButtons onBack={() => setForm(null)} submit="辞退する" busy={respond.busy} />
        </form>
      ) : null}
      {form === "done" ? (
        <form onSubmit={complete.onSubmit()} noValidate>
          <EraDateField label="完了日" value={doneOn} onChange={setDoneOn} error={complete.fields.doneOn} />
          <FormButtons onBack={() => setForm(null)} submit="完了にする" busy={complete.busy} />
        </form>
      ) : null}
    </div>
  );
}
