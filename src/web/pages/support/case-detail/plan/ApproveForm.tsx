import { useState } from "react";
import { api } from "../../../../api";
import { EraDateField, typedDay } from "../../../../components/EraDateField";
import { ErrorAlert } from "../../../../components/ErrorAlert";
import { FormButtons } from "../../../../components/FormButtons";
import { SelectField } from "../../../../components/FormField";
import type { Notice } from "../../../../components/NoticeArea";
import { formatEraDate } from "../../../../format";
import { useSubmit } from "../../../../forms/useSubmit";
import { useCaseMeetings } from "../../../../support/meetingQueries";
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
  // the meetings of the right kind that have the case on their agenda (those the caller may read)
  const meetings = useCaseMeetings(caseId);
  const basis = plan.kind === "outreach" ? "art106_6" : "consent";
  const choices = (meetings.data?.meetings ?? [])
    .filter((m) => m.kind.legalBasis === basis)
    .map((m) => ({ value: m.id, label: `${formatEraDate(m.heldOn)} ${m.kind.name}「${m.title}」` }));
  const { open, show, formRef, openRef } = useInlineForm(() => {
    setApprovedOn("");
    setMeetingId("");
  });
  const approve = useSubmit({
    send: () =>
      api(planPath(caseId, `/${encodeURIComponent(plan.id)}/approval`), {
        method: "POST",
        body: { approvedOn: typedDay("approvedOn", approvedOn), meetingId },
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
      <SelectField
        label="承認した会議"
        required
        choose
        hint={
          choices.length
            ? `このケースを議題にした${meeting}から選びます。`
            : `このケースを議題にした${meeting}がありません。会議の事務局か多機関協働の調整役に、会議の登録と議題への追加を依頼してください。`
        }
        value={meetingId}
        onChange={setMeetingId}
        options={choices}
        error={approve.fields.meetingId}
      />
      <FormButtons onBack={() => show(false)} submit="承認を記録" busy={approve.busy} />
    </form>
  );
}
