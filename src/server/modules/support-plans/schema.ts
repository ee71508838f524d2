import { z } from "zod";
import { CLOSURE_REASONS, GOAL_TERMS, PLAN_KINDS, TASK_ANSWERS } from "../../../domain/labels/support-plans.js";
import { optionalText, requiredText } from "../../platform/schema-fields.js";
import { isoDate } from "../persons/schema.js";

export {
  CLOSURE_REASONS,
  GOAL_TERMS,
  PLAN_KINDS,
  PLAN_STATUSES,
  TASK_RESPONSES,
} from "../../../domain/labels/support-plans.js";

const caseId = z.uuid("ケースの指定が正しくありません");
const planId = z.uuid("プランの指定が正しくありません");
export const planParams = z.object({ caseId, planId });
export const taskParams = z.object({ caseId, planId, taskId: z.uuid("タスクの指定が正しくありません") });

/** At most this many tasks in one plan (the plan tab is measured with 200). */
export const MAX_TASKS = 300;

const taskSchema = z.strictObject({
  /** the task of the draft this one keeps (its answer stays while agency, text and due date are unchanged) */
  id: z.uuid("タスクの指定が正しくありません").optional(),
  agencyId: z.uuid("担当機関の指定が正しくありません"),
  role: requiredText("役割（ポジショニング）", 200),
  text: requiredText("タスク", 1000),
  dueOn: isoDate("期限").nullable().default(null),
});

const goalSchema = z.strictObject({
  term: z.enum(GOAL_TERMS, { error: "目標の期間は long（長期）・short（短期）から選んでください" }),
  text: requiredText("目標", 1000),
  tasks: z.array(taskSchema, { error: "タスクを配列で指定してください" }).max(100, "1つの目標のタスクは100件までです"),
});

/** A draft's whole content: what the person says, the goals and each goal's tasks (replaced as a whole). */
export const savePlanSchema = z
  .strictObject({
    wishes: requiredText("本人の思い", 5000),
    goals: z.array(goalSchema, { error: "目標を配列で指定してください" }).max(50, "目標は50件までです").default([]),
  })
  .superRefine((v, ctx) => {
    if (v.goals.reduce((n, g) => n + g.tasks.length, 0) > MAX_TASKS)
      ctx.addIssue({ code: "custom", path: ["goals"], message: `タスクは1つのプランで${MAX_TASKS}件までです` });
  });
export type SavePlanInput = z.infer<typeof savePlanSchema>;

export const createPlanSchema = z.strictObject({
  kind: z.enum(PLAN_KINDS, {
    error: "プランの種類は support（支援プラン）・outreach（アウトリーチ支援プラン）から選んでください",
  }),
});
export type CreatePlanInput = z.infer<typeof createPlanSchema>;

export const approvePlanSchema = z.strictObject({
  approvedOn: isoDate("承認日"),
  meetingId: z.uuid("承認した会議を指定してください"),
});
export type ApprovePlanInput = z.infer<typeof approvePlanSchema>;

export const respondTaskSchema = z
  .strictObject({
    response: z.enum(TASK_ANSWERS, { error: "回答は accepted（引受け）・declined（辞退）から選んでください" }),
    reason: optionalText("辞退の理由", 1000),
  })
  .superRefine((v, ctx) => {
    if (v.response === "declined" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "辞退の理由を入力してください" });
  });
export type RespondTaskInput = z.infer<typeof respondTaskSchema>;

export const completeTaskSchema = z.strictObject({ doneOn: isoDate("完了日") });

export const monitoringSchema = z.strictObject({
  heldOn: isoDate("実施日"),
  progress: z
    .array(
      z.strictObject({
        goalId: z.uuid("目標の指定が正しくありません"),
        progress: requiredText("進み具合", 2000),
      }),
      { error: "目標ごとの進み具合を配列で指定してください" },
    )
    .max(50, "目標は50件までです"),
  nextReviewOn: isoDate("次回の見直し日").nullable().default(null),
  note: optionalText("所見", 5000),
  isFinal: z.boolean({ error: "最終のモニタリングかどうかを指定してください" }).default(false),
});
export type MonitoringInput = z.infer<typeof monitoringSchema>;

export const closureSchema = z
  .strictObject({
    closedOn: isoDate("終結日"),
    reason: z.enum(CLOSURE_REASONS, { error: `終結の理由は ${CLOSURE_REASONS.join("・")} から選んでください` }),
    reasonNote: optionalText("理由の補足", 1000),
    evaluation: requiredText("最終評価", 5000),
  })
  .superRefine((v, ctx) => {
    if (v.reason === "other" && !v.reasonNote)
      ctx.addIssue({ code: "custom", path: ["reasonNote"], message: "「その他」の理由を入力してください" });
  });
export type ClosureInput = z.infer<typeof closureSchema>;

/**
 * Why a case cannot be closed yet, or null. A case whose support was planned (a plan was approved at some point)
 * closes after a final monitoring; one that never reached an approved plan (the person moved, refused or died before)
 * closes with its reason and final evaluation alone. The screen and the server ask the same question.
 */
export function closureBlocker(plans: readonly { status: string }[], monitorings: readonly { isFinal: boolean }[]) {
  const planned = plans.some((p) => p.status === "approved" || p.status === "superseded");
  return planned && !monitorings.some((m) => m.isFinal) ? "終結の前に、最終のモニタリングを記録してください" : null;
}
