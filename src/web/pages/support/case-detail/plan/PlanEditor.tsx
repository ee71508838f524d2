import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { GOAL_TERM_LABELS, GOAL_TERMS, type GoalTerm } from "../../../../../domain/labels/support-plans";
import { api } from "../../../../api";
import { EraDateField, typedDay } from "../../../../components/EraDateField";
import { ErrorAlert } from "../../../../components/ErrorAlert";
import { FormButtons } from "../../../../components/FormButtons";
import { SelectField, TextAreaField, TextField } from "../../../../components/FormField";
import type { Notice } from "../../../../components/NoticeArea";
import { RowAction } from "../../../../components/RowAction";
import { formatEraDate } from "../../../../format";
import { useSubmit } from "../../../../forms/useSubmit";
import type { CaseDetail, SavePlanInput, SupportPlan } from "../../../../types";
import { planKeys, planPath } from "./queries";

interface TaskDraft {
  id?: string;
  agencyId: string;
  role: string;
  text: string;
  due: string;
}
interface GoalDraft {
  key: number;
  term: GoalTerm;
  text: string;
  tasks: TaskDraft[];
}

let nextKey = 0;
const fromPlan = (plan: SupportPlan): GoalDraft[] =>
  plan.goals.map((g) => ({
    key: nextKey++,
    term: g.term,
    text: g.text,
    tasks: g.tasks.map((t) => ({
      id: t.id,
      agencyId: t.agency.id,
      role: t.role,
      text: t.text,
      due: t.dueOn ? formatEraDate(t.dueOn) : "",
    })),
  }));

/**
 * The draft's whole content at its version: 本人の思い, goals and their tasks for the team's agencies. A task kept
 * as it was keeps its agency's answer; a changed one is asked again. Someone saving first: the text stays on screen.
 */
export function PlanEditor({
  c,
  plan,
  onClose,
  setNotice,
}: {
  c: CaseDetail;
  plan: SupportPlan;
  onClose: () => void;
  setNotice: (n: Notice) => void;
}) {
  const queryClient = useQueryClient();
  const [wishes, setWishes] = useState(plan.wishes);
  const [goals, setGoals] = useState<GoalDraft[]>(() => fromPlan(plan));
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const agencies = c.team.map((t) => ({ value: t.agency.id, label: t.agency.name }));
  const body = (): SavePlanInput => ({
    wishes,
    goals: goals.map((g, gi) => ({
      term: g.term,
      text: g.text,
      tasks: g.tasks.map((t, ti) => ({
        ...(t.id ? { id: t.id } : {}),
        agencyId: t.agencyId,
        role: t.role,
        text: t.text,
        dueOn: typedDay(`goals.${gi}.tasks.${ti}.dueOn`, t.due),
      })),
    })),
  });
  const save = useSubmit({
    send: () =>
      api(planPath(c.id, `/${encodeURIComponent(plan.id)}`), { method: "PUT", body: body(), version: plan.version }),
    invalidates: [planKeys.section(c.id)],
    onDone: () => {
      setNotice({ kind: "success", text: `第${plan.number}版を保存しました。` });
      onClose();
    },
    onStale: async () => {
      await queryClient.invalidateQueries({ queryKey: planKeys.section(c.id) });
      setNotice({
        kind: "warning",
        text: "他の人が先にこのプランを保存しました。最新の内容を読み込みました。入力した内容は残っていません。確かめてから、もう一度編集してください。",
      });
      onClose();
    },
  });
  const f = save.fields;
  const setGoal = (i: number, change: Partial<GoalDraft>) =>
    setGoals(goals.map((g, gi) => (gi === i ? { ...g, ...change } : g)));
  const setTask = (gi: number, ti: number, change: Partial<TaskDraft>) =>
    setGoal(gi, { tasks: (goals[gi]?.tasks ?? []).map((t, i) => (i === ti ? { ...t, ...change } : t)) });
  return (
    <form onSubmit={save.onSubmit()} noValidate aria-labelledby="plan-editor-heading">
      <h3 id="plan-editor-heading" ref={headingRef} tabIndex={-1}>
        {plan.kindLabel} 第{plan.number}版の編集
      </h3>
      <ErrorAlert error={save.error} title="保存できませんでした" />
      <TextAreaField
        label="本人の思い"
        required
        hint="本人の言葉のまま書きます"
        rows={4}
        value={wishes}
        onChange={setWishes}
        error={f.wishes}
      />
      {f.goals ? <p className="field-error">{f.goals}</p> : null}
      {goals.map((g, gi) => (
        <fieldset key={g.key} className="plan-goal">
          <legend>目標 {gi + 1}</legend>
          <SelectField
            label="期間"
            value={g.term}
            options={GOAL_TERMS.map((t) => ({ value: t, label: GOAL_TERM_LABELS[t] }))}
            onChange={(term) => setGoal(gi, { term })}
            error={f[`goals.${gi}.term`]}
          />
          <TextAreaField
            label="目標"
            required
            rows={2}
            value={g.text}
            onChange={(text) => setGoal(gi, { text })}
            error={f[`goals.${gi}.text`]}
          />
          {g.tasks.map((t, ti) => (
            <fieldset key={t.id ?? `new-${ti}`} className="plan-task">
              <legend>
                目標 {gi + 1} のタスク {ti + 1}
              </legend>
              <SelectField
                label="担当機関"
                value={t.agencyId}
                options={agencies}
                onChange={(agencyId) => setTask(gi, ti, { agencyId })}
                error={f[`goals.${gi}.tasks.${ti}.agencyId`]}
              />
              <TextField
                label="役割（ポジショニング）"
                required
                value={t.role}
                onChange={(role) => setTask(gi, ti, { role })}
                error={f[`goals.${gi}.tasks.${ti}.role`]}
              />
              <TextAreaField
                label="タスク"
                required
                rows={2}
                value={t.text}
                onChange={(text) => setTask(gi, ti, { text })}
                error={f[`goals.${gi}.tasks.${ti}.text`]}
              />
              <EraDateField
                label="期限（任意）"
                value={t.due}
                onChange={(due) => setTask(gi, ti, { due })}
                error={f[`goals.${gi}.tasks.${ti}.dueOn`]}
              />
              <RowAction
                of={`目標 ${gi + 1} のタスク ${ti + 1}`}
                onClick={() => setGoal(gi, { tasks: g.tasks.filter((_, i) => i !== ti) })}
              >
                このタスクを削除
              </RowAction>
            </fieldset>
          ))}
          <div className="support-actions">
            <RowAction
              of={`目標 ${gi + 1}`}
              onClick={() =>
                setGoal(gi, {
                  tasks: [...g.tasks, { agencyId: agencies[0]?.value ?? "", role: "", text: "", due: "" }],
                })
              }
            >
              タスクを追加
            </RowAction>
            <RowAction of={`目標 ${gi + 1}`} onClick={() => setGoals(goals.filter((_, i) => i !== gi))}>
              この目標を削除
            </RowAction>
          </div>
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button secondary"
          onClick={() => setGoals([...goals, { key: nextKey++, term: "short", text: "", tasks: [] }])}
        >
          目標を追加
        </button>
      </p>
      <FormButtons onBack={onClose} submit="保存" busy={save.busy} />
    </form>
  );
}
