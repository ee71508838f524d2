import { useState } from "react";
import { deadlineState, deadlineText } from "../../../domain/deadlines";
import { formatJapaneseDate } from "../../../domain/japanese-date";
import { api } from "../../api";
import { EraDateField, typedDay } from "../../components/EraDateField";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useSubmit } from "../../forms/useSubmit";
import { useRounds } from "../../planQueries";
import { keys, useSession } from "../../queries";
import type { Round } from "../../types";

/** A deadline as shown beside the round: the day in 和暦 and how it stands today (あと3日, 期限超過（2日）). */
export function DeadlineLine({ label, day }: { label: string; day: string | null }) {
  const state = deadlineState(day, new Date());
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {day ? formatJapaneseDate(day) : "未設定"}
        {day ? (
          <span className={state.kind === "overdue" ? "deadline overdue" : "deadline"}>（{deadlineText(state)}）</span>
        ) : null}
      </dd>
    </div>
  );
}

/**
 * The year's 提出期限 and 確認期限 (a department sees its own 提出期限 where one is set for it); the plan office
 * changes them here.
 */
export function RoundDeadlines({
  planId,
  fiscalYear,
  office,
}: {
  planId: string;
  fiscalYear: number;
  office: boolean;
}) {
  const rounds = useRounds(planId);
  const session = useSession();
  const round = rounds.data?.find((r) => r.fiscalYear === fiscalYear);
  if (!round) return null;
  const mine = session.data?.user.departmentIds ?? [];
  const own = round.departmentDeadlines.find((d) => mine.includes(d.departmentId));
  return (
    <div className="round-deadlines">
      <h2>期限</h2>
      <dl className="deadline-list">
        <DeadlineLine
          label={own ? "提出期限（自分の課）" : "提出期限"}
          day={own?.submissionDue ?? round.submissionDue}
        />
        <DeadlineLine label="確認期限" day={round.confirmationDue} />
      </dl>
      {office && round.status !== "closed" ? <DeadlineForm planId={planId} round={round} /> : null}
    </div>
  );
}

function DeadlineForm({ planId, round }: { planId: string; round: Round }) {
  const [submission, setSubmission] = useState(round.submissionDue ?? "");
  const [confirmation, setConfirmation] = useState(round.confirmationDue ?? "");
  const save = useSubmit({
    send: () =>
      api(`/api/plans/${planId}/evaluations/${round.fiscalYear}/deadlines`, {
        method: "PUT",
        version: round.version,
        body: {
          submissionDue: typedDay("submissionDue", submission),
          confirmationDue: typedDay("confirmationDue", confirmation),
        },
      }),
    invalidates: [keys.rounds(planId)],
  });
  return (
    <details className="no-print">
      <summary>期限を変更する（計画所管課）</summary>
      <form onSubmit={save.onSubmit(() => undefined)} noValidate className="form-row">
        <EraDateField label="提出期限" value={submission} onChange={setSubmission} error={save.fields.submissionDue} />
        <EraDateField
          label="確認期限"
          value={confirmation}
          onChange={setConfirmation}
          error={save.fields.confirmationDue}
        />
        <div className="field">
          <button type="submit" className="button" disabled={save.busy}>
            期限を保存
          </button>
        </div>
      </form>
      <ErrorAlert error={save.error} />
    </details>
  );
}
