import { useState } from "react";
import { PHASE_LABELS, PHASES, type Phase } from "../../../../domain/labels/support";
import { nextPhase, PHASE_TRANSITIONS } from "../../../../server/modules/cases/schema";
import { Dialog, DialogActions } from "../../../components/Dialog";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { TextAreaField } from "../../../components/FormField";
import { StepList } from "../../../support/components";

import { HistoryTable } from "./HistoryTable";
import { type CaseSectionProps, type ManagedSectionProps, useCaseWrite } from "./useCaseWrite";

export function PhaseSection({ c, manage, setNotice }: ManagedSectionProps) {
  const [to, setTo] = useState<Phase | null>(null);
  const phase = c.phase as Phase;
  const next = nextPhase(phase);
  // 終結 is recorded with its reason and final evaluation in the plan section (a final monitoring first)
  const moves = manage ? (PHASE_TRANSITIONS[phase] ?? []).filter((p) => p !== "closed") : [];
  const reached = new Set(c.phaseHistory.map((h) => h.phase));
  return (
    <section aria-labelledby="phase-heading">
      <h2 id="phase-heading">段階</h2>
      <StepList
        label="支援の段階"
        current={phase}
        steps={PHASES.map((p) => ({
          key: p,
          text: (
            <>
              {PHASE_LABELS[p]}
              {p !== phase && reached.has(p) ? <span className="visually-hidden">（済）</span> : null}
            </>
          ),
        }))}
      />
      {moves.length ? (
        <div className="support-actions">
          {moves.map((p) => (
            <button
              key={p}
              type="button"
              className={`button${p === next ? "" : " secondary"}`}
              onClick={() => setTo(p)}
            >
              {p === next ? `次へ: ${PHASE_LABELS[p]}` : `戻す: ${PHASE_LABELS[p]}`}
            </button>
          ))}
        </div>
      ) : !manage ? (
        <p className="small muted">段階・チーム・本人同意の変更は、主担当機関と多機関協働の調整役が行います。</p>
      ) : null}
      <HistoryTable
        caption="段階の履歴"
        events={c.phaseHistory}
        columns={[{ header: "段階", cell: (h) => h.phaseLabel }]}
        byHeader="機関"
      />
      {to ? (
        <PhaseDialog c={c} to={to} needsReason={to !== next} onClose={() => setTo(null)} setNotice={setNotice} />
      ) : null}
    </section>
  );
}

function PhaseDialog({
  c,
  to,
  needsReason,
  onClose,
  setNotice,
}: CaseSectionProps & { to: Phase; needsReason: boolean; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const write = useCaseWrite(c, setNotice, {
    request: () => ({
      path: "/phase",
      method: "POST",
      body: { to, reason: reason || null },
      done: `段階を「${PHASE_LABELS[to]}」にしました。`,
    }),
    onFinished: onClose,
  });
  return (
    <Dialog open title={`段階を「${PHASE_LABELS[to]}」にする`} onClose={onClose}>
      <ErrorAlert error={write.error} />
      <form onSubmit={write.onSubmit()} noValidate>
        <TextAreaField
          label={needsReason ? "理由" : "メモ（任意）"}
          required={needsReason}
          hint={needsReason ? "段階を戻す・終結するときは理由を書いてください。" : undefined}
          rows={3}
          value={reason}
          onChange={setReason}
          error={write.fields.reason}
        />
        <DialogActions onCancel={onClose} action={`「${PHASE_LABELS[to]}」にする`} disabled={write.busy} />
      </form>
    </Dialog>
  );
}
