import { getRouteApi } from "@tanstack/react-router";
import { Loading, QueryError } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { usePlan } from "../../planQueries";
import { isPlanOffice, useSession } from "../../queries";
import { PlanForm } from "./PlanForm";

/** 計画の作成 (no planId) or 計画の設定の変更. */
export function PlanFormPage({ planId }: { planId?: string }) {
  const session = useSession();
  // the settings are edited where the plan is drafted: its working copy
  const plan = usePlan(planId, { draft: true });
  usePageTitle(planId ? "計画の設定を変更" : "計画の作成");
  if (!isPlanOffice(session.data)) {
    return (
      <>
        <h1>{planId ? "計画の設定を変更" : "計画の作成"}</h1>
        <p>計画の作成と変更は計画所管課だけが行えます。</p>
      </>
    );
  }
  if (planId) {
    if (plan.isPending) return <Loading />;
    if (plan.error) return <QueryError error={plan.error} />;
    return <PlanForm key={`${plan.data.plan.id}:${plan.data.plan.version}`} plan={plan.data.plan} />;
  }
  return <PlanForm />;
}

const editRoute = getRouteApi("/plans/$planId/edit");

/** 計画の設定の変更 of the plan in the path. */
export function PlanEditPage() {
  const { planId } = editRoute.useParams();
  return <PlanFormPage planId={planId} />;
}
