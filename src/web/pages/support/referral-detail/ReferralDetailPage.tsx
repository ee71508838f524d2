import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { REFERRAL_BASIS_LABELS, REFERRAL_MOVE_LABELS, type ReferralMove } from "../../../../domain/labels/support";
import { TRANSITIONS } from "../../../../server/modules/referrals/schema";
import { type Notice, NoticeArea } from "../../../components/NoticeArea";
import { Loading, QueryError } from "../../../components/Status";
import { usePageTitle } from "../../../components/usePageTitle";
import { formatDateTime } from "../../../format";
import { agencyName, PersonDetails, ReferralStatusBadge } from "../../../support/components";
import { useReferral } from "../../../support/queries";
import { CaseLink } from "./CaseLink";
import { ClosedLoop } from "./ClosedLoop";
import { MeetingSection } from "./MeetingSection";
import { ReferralContent } from "./ReferralContent";
import { StatusHistory } from "./StatusHistory";
import { needsReason, TransitionDialog } from "./TransitionDialog";

const route = getRouteApi("/support/referrals/$referralId");

export function ReferralDetailPage() {
  const { referralId } = route.useParams();
  const referral = useReferral(referralId);
  const [notice, setNotice] = useState<Notice>(null);
  const [action, setAction] = useState<ReferralMove | null>(null);
  usePageTitle(referral.error ? "見つかりません" : "つなぐシート");

  if (referral.isPending) return <Loading />;
  if (referral.error) return <QueryError error={referral.error} />;
  const r = referral.data;
  const moves =
    r.access === "sender" || r.access === "meeting_member" ? [] : (TRANSITIONS[r.status] as readonly ReferralMove[]);

  return (
    <>
      <p className="no-print">
        <Link to="/support/referrals">つなぐシートの一覧へ戻る</Link>
      </p>
      <h1>
        つなぐシート <ReferralStatusBadge status={r.status} label={r.statusLabel} />
      </h1>
      <p className="lead">
        {agencyName(r.fromAgency)} → {r.toLabel}（{formatDateTime(r.createdAt)} 送付）
      </p>
      <NoticeArea notice={notice} />

      {r.access === "sender" ? <ClosedLoop referral={r} /> : null}

      {moves.length ? (
        <section aria-labelledby="moves-heading" className="referral-actions">
          <h2 id="moves-heading">対応</h2>
          <p className="small muted">{REFERRAL_BASIS_LABELS[r.access]}として 、このつなぐシートの状態を進めます。</p>
          <div className="support-actions">
            {moves.map((to) => (
              <button
                key={to}
                type="button"
                className={`button${needsReason(to) ? " secondary" : ""}`}
                onClick={() => {
                  setNotice(null);
                  setAction(to);
                }}
              >
                {REFERRAL_MOVE_LABELS[to]}
              </button>
            ))}
          </div>
        </section>
      ) : null}

      <CaseLink referral={r} />

      <MeetingSection referral={r} setNotice={setNotice} />

      <ReferralContent referral={r} />

      <section aria-labelledby="person-heading">
        <h2 id="person-heading">対象者</h2>
        {r.person ? (
          <PersonDetails person={r.person} />
        ) : (
          <p className="notice warning">
            本人の同意の記録がこの機関に及んでいないため、対象者と気づいたことは表示しません。複数の機関の支援が必要なときや同意が得られていないときは、「多機関協働に引き継ぐ」で多機関協働の調整役に渡してください（複数機関のケースを開けるのは調整役だけです）。
          </p>
        )}
      </section>

      <StatusHistory events={r.events} />

      {action ? (
        <TransitionDialog referral={r} to={action} onClose={() => setAction(null)} setNotice={setNotice} />
      ) : null}
    </>
  );
}
