import { useState } from "react";
import { api } from "../../../../api";
import { EraDateField, typedDay } from "../../../../components/EraDateField";
import { ErrorAlert } from "../../../../components/ErrorAlert";
import { FormButtons } from "../../../../components/FormButtons";
import { Checkbox, TextAreaField } from "../../../../components/FormField";
import type { Notice } from "../../../../components/NoticeArea";
import { formatEraDate } from "../../../../format";
import { useSubmit } from "../../../../forms/useSubmit";
import type { PlanSection, SupportPlan } from "../../../../types";
import { useInlineForm } from "../useInlineForm";
import { planKeys } from "./queries";

/** The monitorings of the case (latest first) and, for its managers, a new one of the plan in force. */
export function MonitoringPanel({
  caseId,
  section,
  plan,
  manage,
  setNotice,
}: {
  caseId: string;
  section: PlanSection;
  plan: SupportPlan | null;
  manage: boolean;
  setNotice: (n: Notice) => void;
}) {
  const goalText = new Map(section.plans.flatMap((p) => p.goals.map((g) => [g.id, `${g.termLabel}: ${g.text}`])));
  return (
    <>
      <h3>モニタリング</h3>
      {section.nextReviewOn ? (
        <p className="small">
          次回の見直し: {formatEraDate(section.nextReviewOn)}
          {section.reviewOverdue ? <span className="badge overdue">予定日を過ぎています</span> : null}
        </p>
      ) : null}
      {section.monitorings.length ? (
        <div className="table-wrap">
          <table className="data">
            <caption>モニタリングの記録</caption>
            <thead>
              <tr>
                <th scope="col">実施日</th>
                <th scope="col">目標ごとの進み具合</th>
                <th scope="col">所見</th>
                <th scope="col">次回の見直し</th>
              </tr>
            </thead>
            <tbody>
              {section.monitorings.map((m) => (
                <tr key={m.id}>
                  <td>
                    {formatEraDate(m.heldOn)}
                    {m.isFinal ? <span className="badge">最終</span> : null}
                  </td>
                  <td>
                    {m.progress.length ? (
                      <ul className="plain-list">
                        {m.progress.map((p) => (
                          <li key={p.goalId}>
                            {goalText.get(p.goalId) ?? "目標"} — {p.progress}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      "―"
                    )}
                  </td>
                  <td className="pre-wrap">{m.note ?? "―"}</td>
                  <td>{m.nextReviewOn ? formatEraDate(m.nextReviewOn) : "―"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>モニタリングの記録はまだありません。</p>
      )}
      {manage && plan ? <MonitoringForm caseId={caseId} plan={plan} setNotice={setNotice} /> : null}
      {manage && !plan ? <p className="small muted">プランが承認されると、モニタリングを記録できます。</p> : null}
    </>
  );
}

function MonitoringForm({
  caseId,
  plan,
  setNotice,
}: {
  caseId: string;
  plan: SupportPlan;
  setNotice: (n: Notice) => void;
}) {
  const [heldOn, setHeldOn] = useState("");
  const [progress, setProgress] = useState<Record<string, string>>({});
  const [nextReview, setNextReview] = useState("");
  const [note, setNote] = useState("");
  const [isFinal, setIsFinal] = useState(false);
  const { open, show, formRef, openRef } = useInlineForm(() => {
    setHeldOn("");
    setProgress({});
    setNextReview("");
    setNote("");
    setIsFinal(false);
  });
  const save = useSubmit({
    send: () =>
      api(`/api/cases/${encodeURIComponent(caseId)}/monitorings`, {
        method: "POST",
        body: {
          heldOn: typedDay("heldOn", heldOn),
          progress: plan.goals
            .filter((g) => progress[g.id]?.trim())
            .map((g) => ({ goalId: g.id, progress: progress[g.id] ?? "" })),
          nextReviewOn: isFinal ? null : typedDay("nextReviewOn", nextReview),
          note: note || null,
          isFinal,
        },
      }),
    invalidates: [planKeys.section(caseId)],
    onDone: () => {
      setNotice({
        kind: "success",
        text: isFinal ? "最終のモニタリングを記録しました。" : "モニタリングを記録しました。",
      });
      show(false);
    },
  });
  const f = save.fields;
  if (!open)
    return (
      <p>
        <button ref={openRef} type="button" className="button secondary" onClick={() => show(true)}>
          モニタリングを記録
        </button>
      </p>
    );
  return (
    <form ref={formRef} onSubmit={save.onSubmit()} noValidate aria-label="モニタリングの記録">
      <ErrorAlert error={save.error} title="記録できませんでした" />
      <EraDateField label="実施日" value={heldOn} onChange={setHeldOn} error={f.heldOn} />
      {plan.goals.map((g, i) => (
        <TextAreaField
          key={g.id}
          label={`進み具合: ${g.termLabel}「${g.text}」`}
          rows={2}
          value={progress[g.id] ?? ""}
          onChange={(v) => setProgress({ ...progress, [g.id]: v })}
          error={f[`progress.${i}.progress`]}
        />
      ))}
      <TextAreaField label="所見（任意）" rows={3} value={note} onChange={setNote} error={f.note} />
      <Checkbox label="最終のモニタリング（この後、終結を記録します）" checked={isFinal} onChange={setIsFinal} />
      {!isFinal ? (
        <EraDateField
          label="次回の見直し日（任意）"
          value={nextReview}
          onChange={setNextReview}
          error={f.nextReviewOn}
        />
      ) : null}
      <FormButtons onBack={() => show(false)} submit="記録" busy={save.busy} />
    </form>
  );
}
