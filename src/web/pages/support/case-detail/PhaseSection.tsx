import { useState } from "react";
import { PHASE_LABELS, PHASES, type Phase } from "../../../../domain/labels/support";
import { nextPhase, PHASE_TRANSITIONS } from "../../../../server/modules/cases/schema";
import { Dialog } from "../../../components/Dialog";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { TextAreaField } from "../../../components/FormField";
import type { CaseDetail } from "../../../types";

import { HistoryTable } from "./HistoryTable";
import { type Notice, useCaseWrite } from "./useCaseWrite";

export function PhaseSection({
  c,
  manage,
  setNotice,
}: {
  c: CaseDetail;
  manage: boolean;
  setNotice: (n: Notice) => void;
}) {
  const [to, setTo] = useState<Phase | null>(null);
  const phase = c.phase as Phase;
  const next = nextPhase(phase);
  const moves = manage ? (PHASE_TRANSITIONS[phase] ?? []) : [];
  const reached = new Set(c.phaseHistory.map((h) => h.phase));
  return (
    <section aria-labelledby="phase-heading">
      <h2 id="phase-heading">段階</h2>
      <ol className="steps" aria-label="支援の段階">
        {PHASES.map((p) => (
          <li key={p} aria-current={p === phase ? "step" : undefined} className={p === phase ? "current" : undefined}>
            {PHASE_LABELS[p]}
            {p !== phase && reached.has(p) ? <span className="visually-hidden">（済）</span> : null}
          </li>
        ))}
      </ol>
      {moves.length ? (
        <div className="support-actions">
          {moves.map((p) => (
            <button
              key={p}
              type="button"
              className={`button${p === next ? "" : " secondary"}`}
              onClick={() => setTo(p)}
            >
              {p === next ? `次へ: ${PHASE_LABELS[p]}` : p === "closed" ? "終結" : `戻す: ${PHASE_LABELS[p]}`}
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
}: {
  c: CaseDetail;
  to: Phase;
  needsReason: boolean;
  onClose: () => void;
  setNotice: (n: Notice) => void;
}) {
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
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            キャンセル
          </button>
          <button type="submit" className="button" disabled={write.busy}>
            「{PHASE_LABELS[to]}」にする
          </button>
        </div>
      </form>
    </Dialog>
  );
}
