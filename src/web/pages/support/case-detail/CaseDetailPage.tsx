import { getRouteApi, Link } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { CASE_BASIS_LABELS } from "../../../../domain/labels/support";
import { type Notice, NoticeArea } from "../../../components/NoticeArea";
import { Loading, QueryError } from "../../../components/Status";
import { type Tab, Tabs } from "../../../components/Tabs";
import { usePageTitle } from "../../../components/usePageTitle";
import { usePaper } from "../../../components/usePaper";
import { usePrintUnfolded } from "../../../components/usePrintUnfolded";
import { formatEraDate } from "../../../format";
import type { CaseTab } from "../../../routes/search";
import { personLabel } from "../../../support/components";
import { useCase } from "../../../support/queries";
import { AssessmentsSection } from "./AssessmentsSection";
import { CaseSummary } from "./CaseSummary";
import { ConsentSection } from "./ConsentSection";
import { HouseholdSection } from "./HouseholdSection";
import { IssuesSection } from "./IssuesSection";
import { MeetingsSection } from "./MeetingsSection";
import { PhaseSection } from "./PhaseSection";
import { PlacementsSection } from "./PlacementsSection";
import { PlanSection } from "./plan/PlanSection";
import { planSummary } from "./plan/planSummary";
import { usePlanSection } from "./plan/queries";
import { RecordsSection } from "./RecordsSection";
import { TeamSection } from "./TeamSection";

const route = getRouteApi("/support/cases/$caseId");

/**
 * The case page: the current state first (CaseSummary), then one tab per part of the work. The tab is in the URL
 * (?tab=…), so a link or a reload opens the same part; histories are folded under each section.
 */
export function CaseDetailPage() {
  const { caseId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const found = useCase(caseId);
  // the plan section is read once: by the summary here and by the プラン tab (the same query)
  const plans = usePlanSection(caseId, Boolean(found.data?.household));
  const [notice, setNotice] = useState<Notice>(null);
  usePageTitle(found.error ? "見つかりません" : "ケース");
  usePaper("a4-portrait");
  usePrintUnfolded();
  if (found.isPending) return <Loading />;
  if (found.error) return <QueryError error={found.error} />;
  const c = found.data;
  const manage = c.access !== "team";
  const who = c.mainPerson ?? { nameKanji: null, nameKana: "（不明）", dateOfBirth: null };
  const back = (
    <p className="no-print">
      <Link to="/support/cases">ケースの一覧へ戻る</Link>
    </p>
  );

  if (!c.household) {
    // a team agency without a basis: that the case exists, its lead, phase and team only
    return (
      <>
        {back}
        <h1>
          ケース <span className={`status phase-${c.phase}`}>{c.phaseLabel}</span>
        </h1>
        <p className="lead">
          主担当機関: {c.leadAgency.name}／あなたの立場: {CASE_BASIS_LABELS[c.access]}
        </p>
        <p className="notice warning">
          本人の同意がこの機関に及んでいないため、本人・世帯・課題・支援経過・アセスメントは表示しません。同意を得たときは、主担当機関か多機関協働の調整役に同意の記録を依頼してください。
        </p>
        <CaseSummary c={c} />
        <TeamSection c={c} manage={false} setNotice={setNotice} />
      </>
    );
  }

  const household = c.household;
  const tabs: Tab<CaseTab>[] = [
    {
      key: "overview",
      label: "段階・課題",
      panel: (
        <>
          <PhaseSection c={c} manage={manage} setNotice={setNotice} />
          <IssuesSection c={c} manage={manage} setNotice={setNotice} />
        </>
      ),
    },
    {
      key: "person",
      label: "本人・世帯",
      badge: `${household.members.length}人`,
      panel: <HouseholdSection c={c} household={household} setNotice={setNotice} />,
    },
    {
      key: "sharing",
      label: "同意・チーム",
      panel: (
        <>
          <ConsentSection c={c} manage={manage} setNotice={setNotice} />
          <TeamSection c={c} manage={manage} setNotice={setNotice} />
        </>
      ),
    },
    {
      key: "plan",
      label: "プラン",
      badge: plans.data?.reviewOverdue ? "見直し期限切れ" : null,
      panel: <PlanSection c={c} manage={manage} setNotice={setNotice} />,
    },
    { key: "placements", label: "参加支援", panel: <PlacementsSection c={c} manage={manage} /> },
    { key: "meetings", label: "会議", panel: <MeetingsSection c={c} /> },
    { key: "records", label: "支援経過", panel: <RecordsSection c={c} setNotice={setNotice} /> },
    { key: "assessments", label: "アセスメント", panel: <AssessmentsSection c={c} setNotice={setNotice} /> },
  ];

  return (
    <>
      {back}
      <h1>
        ケース: {personLabel(who)} <span className={`status phase-${c.phase}`}>{c.phaseLabel}</span>
      </h1>
      <p className="lead">
        主担当機関: {c.leadAgency.name}／課題: {c.issues.join("、")}／あなたの立場: {CASE_BASIS_LABELS[c.access]}
      </p>
      <NoticeArea notice={notice} />
      <CaseSummary c={c} items={plans.data ? planItems(plans.data) : []} />
      <Tabs
        idBase="case"
        label="ケースの内容"
        tabs={tabs}
        selected={search.tab ?? "overview"}
        onSelect={(tab) =>
          navigate({ search: (s) => ({ ...s, tab: tab === "overview" ? undefined : tab }), replace: true })
        }
      />
    </>
  );
}

/** The plans' part of 現在の状況: the plan in force, the next review (flagged when past), the open tasks. */
function planItems(section: Parameters<typeof planSummary>[0]): { term: string; value: ReactNode }[] {
  const p = planSummary(section);
  return [
    { term: "支援プラン", value: p.plan },
    {
      term: "次回の見直し",
      value: p.nextReviewOn ? (
        <>
          {formatEraDate(p.nextReviewOn)}
          {p.reviewOverdue ? <span className="badge overdue">期限切れ</span> : null}
        </>
      ) : (
        "未定"
      ),
    },
    {
      term: "未完了のタスク",
      value: `${p.openTasks}件${p.overdueTasks ? `（うち期限切れ ${p.overdueTasks}件）` : ""}`,
    },
  ];
}
