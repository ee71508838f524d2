import { getRouteApi } from "@tanstack/react-router";
import { useCallback } from "react";
import { PageHeading } from "../../components/PageHeading";
import { PlanPicker } from "../../components/PlanPeriodPicker";
import { QueryStatus } from "../../components/Status";
import { useRevisions } from "../../planQueries";
import { isPlanOffice, useSession } from "../../queries";
import { DiffSection } from "./DiffSection";
import { RevisionTable } from "./RevisionTable";
import { StartRevisionForm } from "./StartRevisionForm";

const route = getRouteApi("/revisions");

export function RevisionsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const session = useSession();
  const office = isPlanOffice(session.data);
  const onPick = useCallback((planId: string) => navigate({ search: { planId }, replace: true }), [navigate]);
  const revisions = useRevisions(search.planId);

  return (
    <>
      <PageHeading title="改定（ローリング）">
        計画の改定を版として記録します。改定を開始すると、承認するまでの変更（項目・担当課・指標・目標）が改定案になり、承認で確定します。版どうしの差分（新旧対照）を確かめられます。
      </PageHeading>
      <PlanPicker planId={search.planId} onChange={onPick} />
      <QueryStatus query={revisions} />
      {revisions.data && search.planId ? (
        <>
          <RevisionTable planId={search.planId} list={revisions.data} office={office} />
          {office ? <StartRevisionForm planId={search.planId} draft={revisions.data.draft} /> : null}
          <DiffSection
            planId={search.planId}
            list={revisions.data}
            office={office}
            from={search.from}
            to={search.to}
            onChange={(from, to) => navigate({ search: (s) => ({ ...s, from, to }), replace: true })}
          />
        </>
      ) : null}
    </>
  );
}
