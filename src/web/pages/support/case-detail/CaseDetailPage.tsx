import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { CASE_BASIS_LABELS } from "../../../../domain/labels/support";
import { type Notice, NoticeArea } from "../../../components/NoticeArea";
import { Loading, QueryError } from "../../../components/Status";
import { usePageTitle } from "../../../components/usePageTitle";
import { personLabel } from "../../../support/components";
import { useCase } from "../../../support/queries";
import { AssessmentsSection } from "./AssessmentsSection";
import { ConsentSection } from "./ConsentSection";
import { HouseholdSection } from "./HouseholdSection";
import { IssuesSection } from "./IssuesSection";
import { MeetingsSection } from "./MeetingsSection";
import { PhaseSection } from "./PhaseSection";
import { RecordsSection } from "./RecordsSection";
import { TeamSection } from "./TeamSection";

const route = getRouteApi("/support/cases/$caseId");

export function CaseDetailPage() {
  const { caseId } = route.useParams();
  const found = useCase(caseId);
  const [notice, setNotice] = useState<Notice>(null);
  usePageTitle(found.error ? "見つかりません" : "ケース");
  if (found.isPending) return <Loading />;
  if (found.error) return <QueryError error={found.error} />;
  const c = found.data;
  const manage = c.access !== "team";
  const who = c.mainPerson ?? { nameKanji: null, nameKana: "（不明）", dateOfBirth: null };

  if (!c.household) {
    // a team agency without the person's consent: that the case exists, its lead, phase and team only
    return (
      <>
        <p className="no-print">
          <Link to="/support/cases">ケースの一覧へ戻る</Link>
        </p>
        <h1>
          ケース <span className={`status phase-${c.phase}`}>{c.phaseLabel}</span>
        </h1>
        <p className="lead">
          主担当機関: {c.leadAgency.name}／あなたの立場: {CASE_BASIS_LABELS[c.access]}
        </p>
        <p className="notice warning">
          本人の同意がこの機関に及んでいないため、本人・世帯・課題・支援経過・アセスメントは表示しません。同意を得たときは、主担当機関か多機関協働の調整役に同意の記録を依頼してください。
        </p>
        <TeamSection c={c} manage={false} setNotice={setNotice} />
      </>
    );
  }

  return (
    <>
      <p className="no-print">
        <Link to="/support/cases">ケースの一覧へ戻る</Link>
      </p>
      <h1>
        ケース: {personLabel(who)} <span className={`status phase-${c.phase}`}>{c.phaseLabel}</span>
      </h1>
      <p className="lead">
        主担当機関: {c.leadAgency.name}／課題: {c.issues.join("、")}／あなたの立場: {CASE_BASIS_LABELS[c.access]}
      </p>
      <NoticeArea notice={notice} />
      <PhaseSection c={c} manage={manage} setNotice={setNotice} />
      <IssuesSection c={c} manage={manage} setNotice={setNotice} />
      <ConsentSection c={c} manage={manage} setNotice={setNotice} />
      <TeamSection c={c} manage={manage} setNotice={setNotice} />
      <HouseholdSection c={c} household={c.household} setNotice={setNotice} />
      <RecordsSection c={c} setNotice={setNotice} />
      <AssessmentsSection c={c} setNotice={setNotice} />
      <MeetingsSection c={c} />
    </>
  );
}
