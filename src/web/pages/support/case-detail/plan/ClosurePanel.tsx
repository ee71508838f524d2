import { useState } from "react";
import { CLOSURE_REASON_LABELS, CLOSURE_REASONS, type ClosureReason } from "../../../../../domain/labels/support-plans";
import { closureBlocker } from "../../../../../server/modules/support-plans/schema";
import { EraDateField, typedDay } from "../../../../components/EraDateField";
import { ErrorAlert } from "../../../../components/ErrorAlert";
import { FormButtons } from "../../../../components/FormButtons";
import { SelectField, TextAreaField, TextField } from "../../../../components/FormField";
import type { Notice } from "../../../../components/NoticeArea";
import { formatEraDate } from "../../../../format";
import type { CaseDetail, PlanSection } from "../../../../types";
import { useCaseWrite } from "../useCaseWrite";
import { useInlineForm } from "../useInlineForm";

/** 終結: the record once the case is closed; before, for its managers, the form (after a final monitoring once planned). */
export function ClosurePanel({
  c,
  section,
  manage,
  setNotice,
}: {
  c: CaseDetail;
  section: PlanSection;
  manage: boolean;
  setNotice: (n: Notice) => void;
}) {
  const closure = section.closure;
  if (closure)
    return (
      <>
        <h3>終結</h3>
        <dl className="summary-list">
          <div>
            <dt>終結日</dt>
            <dd>{formatEraDate(closure.closedOn)}</dd>
          </div>
          <div>
            <dt>理由</dt>
            <dd>
              {closure.reasonLabel}
              {closure.reasonNote ? `（${closure.reasonNote}）` : ""}
            </dd>
          </div>
          <div>
            <dt>最終評価</dt>
            <dd className="pre-wrap">{closure.evaluation}</dd>
          </div>
        </dl>
      </>
    );
  if (!manage || section.phase === "closed") return null;
  const blocker = closureBlocker(section.plans, section.monitorings);
  return (
    <>
      <h3>終結</h3>
      {blocker ? (
        <p className="small muted">終結は、最終のモニタリングを記録した後に記録できます。</p>
      ) : (
        <ClosureForm c={c} setNotice={setNotice} />
      )}
    </>
  );
}

function ClosureForm({ c, setNotice }: { c: CaseDetail; setNotice: (n: Notice) => void }) {
  const [closedOn, setClosedOn] = useState("");
  const [reason, setReason] = useState<ClosureReason | "">("");
  const [reasonNote, setReasonNote] = useState("");
  const [evaluation, setEvaluation] = useState("");
  const { open, show, formRef, openRef } = useInlineForm(() => {
    setClosedOn("");
    setReason("");
    setReasonNote("");
    setEvaluation("");
  });
  const close = useCaseWrite(c, setNotice, {
    request: () => ({
      path: "/closure",
      method: "POST",
      body: { closedOn: typedDay("closedOn", closedOn), reason, reasonNote: reasonNote || null, evaluation },
      done: "終結を記録し、ケースを「終結」にしました。",
    }),
    onFinished: () => show(false),
  });
  const f = close.fields;
  if (!open)
    return (
      <p>
        <button ref={openRef} type="button" className="button" onClick={() => show(true)}>
          終結を記録
        </button>
      </p>
    );
  return (
    <form ref={formRef} onSubmit={close.onSubmit()} noValidate aria-label="終結の記録">
      <ErrorAlert error={close.error} title="終結を記録できませんでした" />
      {f["(body)"] ? <p className="field-error">{f["(body)"]}</p> : null}
      <EraDateField label="終結日" value={closedOn} onChange={setClosedOn} error={f.closedOn} />
      <SelectField
        label="終結の理由"
        required
        choose
        value={reason}
        options={CLOSURE_REASONS.map((r) => ({ value: r, label: CLOSURE_REASON_LABELS[r] }))}
        onChange={setReason}
        error={f.reason}
      />
      <TextField
        label={reason === "other" ? "理由の補足" : "理由の補足（任意）"}
        required={reason === "other"}
        value={reasonNote}
        onChange={setReasonNote}
        inputClassName="wide"
        error={f.reasonNote}
      />
      <TextAreaField
        label="最終評価"
        required
        rows={4}
        value={evaluation}
        onChange={setEvaluation}
        error={f.evaluation}
      />
      <FormButtons onBack={() => show(false)} submit="終結を記録" busy={close.busy} />
    </form>
  );
}
