import { useState } from "react";
import { api } from "../../../../api";
import { EraDateField, typedDay } from "../../../../components/EraDateField";
import { ErrorAlert } from "../../../../components/ErrorAlert";
import { FormButtons } from "../../../../components/FormButtons";
import { TextField } from "../../../../components/FormField";
import type { Notice } from "../../../../components/NoticeArea";
import { useSubmit } from "../../../../forms/useSubmit";
import type { SupportPlan } from "../../../../types";
import { useInlineForm } from "../useInlineForm";
import { planKeys, planPath } from "./queries";

/**
 * Records the approval of the draft at a meeting (an outreach plan at a 支援会議, a support plan at a 重層的支援会議):
 * the plan is frozen from then on and replaces the plan in force.
 */
export function ApproveForm({
  caseId,
  plan,
  setNotice,
}: {
  caseId: string;
  plan: SupportPlan;
  setNotice: (n: Notice) => void;
}) {
  const [approvedOn, setApprovedOn] = useState("");
  const [meetingId, setMeetingId] = useState("");
  const { open, show, formRef, openRef } = useInlineForm(() => {
    setApprovedOn("");
    setMeetingId("");
  });
  const approve = useSubmit({
    send: () =>
      api(planPath(caseId, `/${encodeURIComponent(plan.id)}/approval`), {
        method: "POST",
        body: { approvedOn: typedDay("approvedOn", approvedOn), meetingId: meetingId.trim() },
        version: plan.version,
      }),
    invalidates: [planKeys.section(caseId)],
    onDone: () => {
      setNotice({ kind: "success", text: `第${plan.number}版を承認済みにしました。以後この版は変更できません。` });
      show(false);
    },
  });
  const meeting = plan.kind === "outreach" ? "支援会議（社会福祉法第106条の6）" : "重層的支援会議";
  if (!open)
    return (
      <p>
        <button ref={openRef} type="button" className="button" onClick={() => show(true)}>
          第{plan.number}版の承認を記録
        </button>
      </p>
    );
  return (
    <form ref={formRef} onSubmit={approve.onSubmit()} noValidate aria-label={`第${plan.number}版の承認`}>
      <ErrorAlert error={approve.error} title="承認を記録できませんでした" />
      {approve.fields.wishes || approve.fields.goals || approve.fields["(body)"] ? (
        <p className="field-error">
          {[approve.fields.wishes, approve.fields.goals, approve.fields["(body)"]].filter(Boolean).join(" ")}
        </p>
      ) : null}
      <EraDateField label="承認日" value={approvedOn} onChange={setApprovedOn} error={approve.fields.approvedOn} />
      <TextField
        label="承認した会議の ID"
        required
        hint={`${meeting}の記録の ID を入力します。`}
        value={meetingId}
        onChange={setMeetingId}
        inputClassName="wide"
        error={approve.fields.meetingId}
        autoComplete="off"
      />
      <FormButtons onBack={() => show(false)} submit="承認を記録" busy={approve.busy} />
    </form>
  );
}
