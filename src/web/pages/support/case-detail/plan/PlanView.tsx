import { Link } from "@tanstack/react-router";
import type { Notice } from "../../../../components/NoticeArea";
import { formatEraDate } from "../../../../format";
import type { SupportPlan } from "../../../../types";
import { TaskActions } from "./TaskActions";

/** A plan's state in the tones the other statuses use: being written, approved, history. */
const STATUS_TONE: Record<SupportPlan["status"], string> = {
  draft: "status-draft",
  approved: "status-accepted",
  superseded: "status-not_started",
};

/**
 * One version of a plan: 本人の思い, then each goal with its tasks (agency, role, due day, the agency's answer).
 * An agency answers its own tasks here; overdue tasks are marked in words, not by colour alone.
 */
export function PlanView({
  caseId,
  plan,
  open,
  manage,
  setNotice,
}: {
  caseId: string;
  plan: SupportPlan;
  /** the case is not closed */
  open: boolean;
  manage: boolean;
  setNotice: (n: Notice) => void;
}) {
  const headingId = `plan-${plan.id}`;
  return (
    <div className="plan-version">
      <h3 id={headingId}>
        {plan.kindLabel} 第{plan.number}版{" "}
        <span className={`status ${STATUS_TONE[plan.status]}`}>{plan.statusLabel}</span>
      </h3>
      <p className="small">
        {plan.approvedOn ? `承認: ${formatEraDate(plan.approvedOn)}（会議で承認）` : "まだ承認されていません。"}
        {plan.overdueTasks ? `／期限を過ぎたタスク: ${plan.overdueTasks}件` : ""}{" "}
        <Link to="/support/cases/$caseId/plans/$planId/print" params={{ caseId, planId: plan.id }}>
          印刷用の表示<span className="visually-hidden">：第{plan.number}版</span>
        </Link>
      </p>
      <dl className="summary-list">
        <div>
          <dt>本人の思い</dt>
          <dd className="pre-wrap">{plan.wishes || <span className="muted">（未記入）</span>}</dd>
        </div>
      </dl>
      {plan.goals.length ? (
        <div className="table-wrap">
          <table className="data plan-tasks" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">担当機関</th>
                <th scope="col">役割</th>
                <th scope="col">タスク</th>
                <th scope="col">期限</th>
                <th scope="col">回答</th>
                {open ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            {plan.goals.map((g) => (
              <tbody key={g.id}>
                <tr>
                  <th scope="colgroup" colSpan={open ? 6 : 5} className="goal-row">
                    {g.termLabel}: {g.text}
                  </th>
                </tr>
                {g.tasks.length ? (
                  g.tasks.map((t) => (
                    <tr key={t.id} className={t.overdue ? "overdue-row" : undefined}>
                      <td>
                        {t.agency.name}
                        {t.mine ? <span className="badge">自機関</span> : null}
                      </td>
                      <td>{t.role}</td>
                      <td className="pre-wrap">{t.text}</td>
                      <td>
                        {t.dueOn ? formatEraDate(t.dueOn) : "―"}
                        {t.overdue ? <span className="badge overdue">期限切れ</span> : null}
                      </td>
                      <td>
                        {t.responseLabel}
                        {t.reason ? `（${t.reason}）` : ""}
                        {t.doneOn ? `／完了 ${formatEraDate(t.doneOn)}` : ""}
                      </td>
                      {open ? (
                        <td>
                          <TaskActions caseId={caseId} plan={plan} task={t} manage={manage} setNotice={setNotice} />
                        </td>
                      ) : null}
                    </tr>
                  ))
                ) : (
                  <tr>
                    <td colSpan={open ? 6 : 5} className="muted">
                      タスクはありません。
                    </td>
                  </tr>
                )}
              </tbody>
            ))}
          </table>
        </div>
      ) : (
        <p className="muted">目標はまだありません。</p>
      )}
    </div>
  );
}
