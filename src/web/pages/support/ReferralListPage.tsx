import { getRouteApi, Link } from "@tanstack/react-router";
import type { SortFn } from "@tanstack/react-table";
import {
  REFERRAL_BOX_LABELS,
  REFERRAL_STATUS_LABELS,
  REFERRAL_STATUSES,
  type ReferralBox,
} from "../../../domain/labels/support";
import { SelectField } from "../../components/FormField";
import { SortableTable, sortableColumns, type sortableFeatures, textSort } from "../../components/SortableTable";
import { Loading, QueryError } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDateTime, formatEraDate } from "../../format";
import { OverdueBadge, personLabel, ReferralStatusBadge, UrgencyBadge } from "../../support/components";
import { actsForAgency, isCoordinator, useReferrals, useSupportUser } from "../../support/queries";
import type { ReferralListRow, SessionUser } from "../../types";

const route = getRouteApi("/support/referrals");

const URGENCY_ORDER: Record<string, number> = { 高: 3, 中: 2, 低: 1 };
const urgencySort: SortFn<typeof sortableFeatures, ReferralListRow> = (a, b) =>
  (URGENCY_ORDER[a.original.urgency] ?? 0) - (URGENCY_ORDER[b.original.urgency] ?? 0);

const helper = sortableColumns<ReferralListRow>();
const columns = helper.columns([
  helper.accessor((r) => r.createdAt, {
    id: "createdAt",
    header: "送付日時",
    sortFn: textSort(),
    cell: (info) => <span className="nowrap">{formatDateTime(info.getValue())}</span>,
  }),
  helper.accessor((r) => r.person?.nameKana ?? "", {
    id: "person",
    header: "対象者",
    sortFn: textSort(),
    cell: (info) => (
      <Link to="/support/referrals/$referralId" params={{ referralId: info.row.original.id }}>
        {personLabel(info.row.original.person)}
      </Link>
    ),
  }),
  helper.accessor((r) => r.concerns.join("、"), { id: "concerns", header: "困りごと", enableSorting: false }),
  helper.accessor((r) => r.urgency, {
    id: "urgency",
    header: "緊急度",
    sortFn: urgencySort,
    cell: (info) => <UrgencyBadge urgency={info.getValue()} />,
  }),
  helper.accessor((r) => r.fromAgency?.name ?? "", { id: "from", header: "送付元", sortFn: textSort() }),
  helper.accessor((r) => r.toLabel, { id: "to", header: "送付先", sortFn: textSort() }),
  helper.accessor((r) => r.statusLabel, {
    id: "status",
    header: "状態",
    sortFn: textSort(),
    cell: (info) => <ReferralStatusBadge status={info.row.original.status} label={info.row.original.statusLabel} />,
  }),
  helper.accessor((r) => r.dueDate ?? "", {
    id: "dueDate",
    header: "対応期限",
    sortFn: textSort(),
    cell: (info) =>
      info.row.original.dueDate ? (
        <>
          <span className="nowrap">{formatEraDate(info.row.original.dueDate)}</span>
          {info.row.original.overdue ? (
            <>
              {" "}
              <OverdueBadge />
            </>
          ) : null}
        </>
      ) : (
        <span className="muted">－</span>
      ),
  }),
]);

/** Which boxes the user has: a provider only sends; staff receive and send; coordinators also see all. */
export function boxesFor(user: SessionUser | null): ReferralBox[] {
  if (!user || user.role === "provider") return ["sent"];
  return isCoordinator(user) ? ["received", "sent", "all"] : ["received", "sent"];
}

function inBox(row: ReferralListRow, box: ReferralBox, user: SessionUser) {
  if (box === "all") return true;
  if (box === "sent") return row.fromAgency?.id === user.agencyId;
  // received: sent to this agency, or (coordinators) to the coordinators
  return row.toAgency ? row.toAgency.id === user.agencyId : isCoordinator(user);
}

export function ReferralListPage() {
  usePageTitle("つなぐシート");
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const user = useSupportUser();
  const boxes = boxesFor(user);
  const box: ReferralBox = search.box && boxes.includes(search.box) ? search.box : (boxes[0] ?? "sent");
  const status = search.status ?? "";
  const referrals = useReferrals(status, actsForAgency(user));

  if (!actsForAgency(user)) {
    return (
      <>
        <h1>つなぐシート</h1>
        <p>つなぐシートは、支援機関の職員と登録事業者が使います。</p>
      </>
    );
  }
  const rows = user && referrals.data ? referrals.data.filter((r) => inBox(r, box, user)) : null;

  return (
    <>
      <h1>つなぐシート</h1>
      <p className="lead">
        {user?.role === "provider"
          ? "あなたの事業所が送ったつなぐシートと、その後の対応状況です。"
          : "あなたの機関が受け取った・送ったつなぐシートです。対象者の名前を選ぶと詳細を開きます。"}
      </p>
      <div className="page-actions">
        <Link to="/support/referrals/new" className="button">
          つなぐシートを作成
        </Link>
      </div>
      {boxes.length > 1 ? (
        <nav aria-label="受信・送信の切り替え" className="box-tabs">
          <ul>
            {boxes.map((b) => (
              <li key={b}>
                <Link
                  to="/support/referrals"
                  search={(s) => ({ ...s, box: b })}
                  aria-current={b === box ? "page" : undefined}
                  className={b === box ? "active" : undefined}
                >
                  {REFERRAL_BOX_LABELS[b]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="filters">
        <SelectField
          label="状態"
          value={status}
          onChange={(v) => navigate({ search: (s) => ({ ...s, status: v || undefined }), replace: true })}
          options={[
            { value: "", label: "すべて" },
            { value: "overdue", label: "期限超過" },
            ...REFERRAL_STATUSES.map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s] })),
          ]}
        />
      </div>
      {referrals.isPending ? <Loading /> : null}
      {referrals.error ? <QueryError error={referrals.error} /> : null}
      {rows ? <ReferralTable rows={rows} caption={`${REFERRAL_BOX_LABELS[box]}のつなぐシート`} /> : null}
    </>
  );
}

function ReferralTable({ rows, caption }: { rows: ReferralListRow[]; caption: string }) {
  return (
    <SortableTable
      rows={rows}
      columns={columns}
      caption={caption}
      className="data referrals"
      empty="該当するつなぐシートはありません。"
      initialSorting={[{ id: "createdAt", desc: true }]}
      rowClassName={(r) => (r.overdue ? "overdue-row" : undefined)}
    />
  );
}
