import { getRouteApi, Link } from "@tanstack/react-router";
import { Loading, QueryError } from "../../../components/Status";
import { usePageTitle } from "../../../components/usePageTitle";
import { formatDateTime } from "../../../format";
import { agencyName } from "../../../support/components";
import { isCoordinator, useReferral, useSupportUser } from "../../../support/queries";
import { OpenCaseForm } from "./OpenCaseForm";
import { isDisclosed, OPENABLE_STATUSES } from "./openable";

const route = getRouteApi("/support/referrals/$referralId/case");

export function CaseOpenPage() {
  const { referralId } = route.useParams();
  const user = useSupportUser();
  const coordinator = isCoordinator(user);
  const referral = useReferral(referralId);
  usePageTitle(referral.error ? "見つかりません" : "ケースの開始");
  if (!coordinator) {
    return (
      <>
        <h1>ケースの開始</h1>
        <p>ケースは、多機関協働の調整役がつなぐシートから開始します。</p>
      </>
    );
  }
  if (referral.isPending) return <Loading />;
  if (referral.error) return <QueryError error={referral.error} />;
  const r = referral.data;
  return (
    <>
      <p className="no-print">
        <Link to="/support/referrals/$referralId" params={{ referralId: r.id }}>
          つなぐシートへ戻る
        </Link>
      </p>
      <h1>ケースの開始</h1>
      <p className="lead">
        {agencyName(r.fromAgency)}から {formatDateTime(r.createdAt)} に届いたつなぐシート（
        {r.concerns.join("、")}）をもとに、世帯・チーム・課題を決めてケースを開始します。
      </p>
      {OPENABLE_STATUSES.includes(r.status) && isDisclosed(r) ? (
        <OpenCaseForm referral={r} />
      ) : (
        <p className="notice warning">
          このつなぐシートは「{r.statusLabel}」です。ケースは受付済み・対応中のつなぐシートから開始できます。
        </p>
      )}
    </>
  );
}
