import type { PlanSection } from "../../../../types";

/** What the case page's 現在の状況 says of the plans: the plan in force, the next review, the open tasks. */
export function planSummary(s: PlanSection) {
  const inForce = s.plans.find((p) => p.status === "approved") ?? null;
  const draft = s.plans.find((p) => p.status === "draft") ?? null;
  const tasks = inForce ? inForce.goals.flatMap((g) => g.tasks) : [];
  const open = tasks.filter((t) => !t.doneOn && t.response !== "declined");
  return {
    plan: inForce
      ? `第${inForce.number}版 ${inForce.kindLabel}（承認済み）${draft ? `、第${draft.number}版を作成中` : ""}`
      : draft
        ? `第${draft.number}版 ${draft.kindLabel}を作成中（未承認）`
        : "なし",
    nextReviewOn: s.nextReviewOn,
    reviewOverdue: s.reviewOverdue,
    openTasks: open.length,
    overdueTasks: open.filter((t) => t.overdue).length,
  };
}
