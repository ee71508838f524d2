import { getRouteApi, Link } from "@tanstack/react-router";
import { Loading, QueryError } from "../../../../components/Status";
import { usePageTitle } from "../../../../components/usePageTitle";
import { usePaper } from "../../../../components/usePaper";
import { formatEraDate } from "../../../../format";
import { birthLabel, personLabel } from "../../../../support/components";
import { useCase } from "../../../../support/queries";
import type { CaseDetail, SupportPlan } from "../../../../types";
import { usePlanSection } from "./queries";

const route = getRouteApi("/support/cases/$caseId/plans/$planId/print");

/**
 * A plan on A4 paper, laid out after the national form (プラン兼利用申込書): the person, 本人の思い, the goals with
 * each agency's task and role, the approval and the person's signature line (for an outreach plan: that it was
 * made before consent, under a 支援会議).
 */
export function PlanPrintPage() {
  const { caseId, planId } = route.useParams();
  usePaper("a4-portrait");
  const found = useCase(caseId);
  const section = usePlanSection(caseId);
  const plan = section.data?.plans.find((p) => p.id === planId);
  usePageTitle(plan ? `${plan.kindLabel} 第${plan.number}版` : "支援プラン");
  if (found.isPending || section.isPending) return <Loading />;
  if (found.error) return <QueryError error={found.error} />;
  if (section.error) return <QueryError error={section.error} />;
  if (!plan) return <p>このプランは見つかりません。</p>;
  return (
    <>
      <p className="no-print">
        <Link to="/support/cases/$caseId" params={{ caseId }} search={{ tab: "plan" }}>
          ケースへ戻る
        </Link>{" "}
        <button type="button" className="button secondary" onClick={() => window.print()}>
          印刷
        </button>
      </p>
      <PlanSheet c={found.data} plan={plan} />
    </>
  );
}

function PlanSheet({ c, plan }: { c: CaseDetail; plan: SupportPlan }) {
  const title = plan.kind === "outreach" ? "アウトリーチ支援プラン" : "支援プラン兼利用申込書";
  return (
    <article className="plan-sheet">
      <h1>{title}</h1>
      <p className="plan-sheet-meta">
        第{plan.number}版／{plan.statusLabel}
        {plan.approvedOn ? `／承認日 ${formatEraDate(plan.approvedOn)}` : ""}
      </p>
      <table className="data plan-sheet-person">
        <tbody>
          <tr>
            <th scope="row">氏名</th>
            <td>{personLabel(c.mainPerson ?? null)}</td>
            <th scope="row">生年月日</th>
            <td>{birthLabel(c.mainPerson?.dateOfBirth ?? null)}</td>
          </tr>
          <tr>
            <th scope="row">住所</th>
            <td colSpan={3}>{c.household?.address ?? "―"}</td>
          </tr>
          <tr>
            <th scope="row">主担当機関</th>
            <td colSpan={3}>{c.leadAgency.name}</td>
          </tr>
        </tbody>
      </table>
      <h2>本人の思い</h2>
      <p className="pre-wrap plan-sheet-box">{plan.wishes || "（未記入）"}</p>
      <h2>目標と支援の内容</h2>
      <table className="data plan-sheet-tasks">
        <thead>
          <tr>
            <th scope="col">担当機関</th>
            <th scope="col">役割</th>
            <th scope="col">支援の内容</th>
            <th scope="col">期限</th>
          </tr>
        </thead>
        {plan.goals.map((g) => (
          <tbody key={g.id}>
            <tr>
              <th scope="colgroup" colSpan={4} className="goal-row">
                {g.termLabel}: {g.text}
              </th>
            </tr>
            {g.tasks.map((t) => (
              <tr key={t.id}>
                <td>{t.agency.name}</td>
                <td>{t.role}</td>
                <td className="pre-wrap">{t.text}</td>
                <td>{t.dueOn ? formatEraDate(t.dueOn) : "―"}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      <h2>承認</h2>
      <p>
        {plan.approvedOn
          ? `${formatEraDate(plan.approvedOn)}、${plan.kind === "outreach" ? "支援会議" : "重層的支援会議"}で承認`
          : "（未承認）"}
      </p>
      {plan.kind === "outreach" ? (
        <p className="plan-sheet-box">
          本人の同意を得る前に、支援会議（社会福祉法第106条の6）のもとでアウトリーチ等を通じた継続的支援のために作成したプランです。
        </p>
      ) : (
        <div className="plan-sheet-box">
          <p>上記のプランの内容について説明を受け、同意のうえ、支援の利用を申し込みます。</p>
          <p>令和　　年　　月　　日</p>
          <p>本人氏名（署名）＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿</p>
        </div>
      )}
    </article>
  );
}
