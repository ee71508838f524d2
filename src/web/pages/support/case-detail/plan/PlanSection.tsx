import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { Loading, QueryError } from "../../../../components/Status";
import { formatEraDate } from "../../../../format";
import type { ManagedSectionProps } from "../useCaseWrite";
import { ApproveForm } from "./ApproveForm";
import { ClosurePanel } from "./ClosurePanel";
import { MonitoringPanel } from "./MonitoringPanel";
import { PlanEditor } from "./PlanEditor";
import { PlanView } from "./PlanView";
import { usePlanSection } from "./queries";
import { StartPlanButton } from "./StartPlanButton";

/**
 * 支援プラン on the case page: the consent line (an outreach plan before consent), the plan in force, the draft
 * being prepared with its editor and approval, earlier versions, the monitorings and the closure.
 */
export function PlanSection({ c, manage, setNotice }: ManagedSectionProps) {
  const section = usePlanSection(c.id);
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading">支援プラン</h2>
      {section.isPending ? <Loading /> : null}
      {section.error ? <QueryError error={section.error} /> : null}
      {section.data
        ? (() => {
            const s = section.data;
            const inForce = s.plans.find((p) => p.status === "approved") ?? null;
            const draft = s.plans.find((p) => p.status === "draft") ?? null;
            const past = s.plans.filter((p) => p.status === "superseded");
            const open = s.phase !== "closed";
            return (
              <>
                <p className={s.outreach ? "notice warning" : "small"}>
                  {s.outreach
                    ? `本人の同意がまだありません（${s.consentLabel}）。アウトリーチ等を通じた継続的支援として、支援会議のもとでアウトリーチ支援プランを作成します。同意を得たら支援プランに移ります。`
                    : `本人の同意: ${s.consentLabel}${s.consentDate ? `（${formatEraDate(s.consentDate)}）` : ""}`}
                </p>
                {s.reviewOverdue && s.nextReviewOn ? (
                  <p className="notice warning">
                    見直しの予定日（{formatEraDate(s.nextReviewOn)}）を過ぎています。モニタリングを記録してください。
                  </p>
                ) : null}
                {!s.plans.length ? <p>プランはまだありません。</p> : null}
                {inForce ? (
                  <PlanView caseId={c.id} plan={inForce} open={open} manage={manage} setNotice={setNotice} />
                ) : null}
                {draft && !editing ? (
                  <PlanView caseId={c.id} plan={draft} open={open} manage={manage} setNotice={setNotice} />
                ) : null}
                {draft && manage && open ? (
                  editing ? (
                    <PlanEditor c={c} plan={draft} onClose={() => setEditing(false)} setNotice={setNotice} />
                  ) : (
                    <>
                      <p>
                        <button type="button" className="button secondary" onClick={() => setEditing(true)}>
                          第{draft.number}版を編集
                        </button>
                      </p>
                      <ApproveForm caseId={c.id} plan={draft} setNotice={setNotice} />
                    </>
                  )
                ) : null}
                {!draft && manage && open ? (
                  <StartPlanButton caseId={c.id} outreach={s.outreach} base={inForce} setNotice={setNotice} />
                ) : null}
                {past.length ? (
                  <details>
                    <summary>過去の版（{past.length}件）</summary>
                    <ul className="plain-list">
                      {past.map((p) => (
                        <li key={p.id}>
                          第{p.number}版 {p.kindLabel}（承認 {p.approvedOn ? formatEraDate(p.approvedOn) : "―"}）{" "}
                          <Link to="/support/cases/$caseId/plans/$planId/print" params={{ caseId: c.id, planId: p.id }}>
                            印刷用の表示<span className="visually-hidden">：第{p.number}版</span>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                <MonitoringPanel
                  caseId={c.id}
                  section={s}
                  plan={inForce}
                  manage={manage && open}
                  setNotice={setNotice}
                />
                <ClosurePanel c={c} section={s} manage={manage} setNotice={setNotice} />
              </>
            );
          })()
        : null}
    </section>
  );
}
