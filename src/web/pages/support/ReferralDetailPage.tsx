import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import {
  CONSENT_LABELS,
  REFERRAL_BASIS_LABELS,
  REFERRAL_MOVE_LABELS,
  REFERRAL_STATUS_LABELS,
  type ReferralMove,
  type ReferralStatus,
} from "../../../domain/labels/support";
import { TRANSITIONS } from "../../../server/modules/referrals/schema";
import { api } from "../../api";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField, TextAreaField } from "../../components/FormField";
import { Loading, QueryError } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDateTime, formatEraDate } from "../../format";
import { useSubmit } from "../../forms/useSubmit";
import { OverdueBadge, PersonDetails, ReferralStatusBadge, UrgencyBadge } from "../../support/components";
import {
  isAgencyStaff,
  isCoordinator,
  supportKeys,
  useAgencies,
  useReferral,
  useSupportUser,
} from "../../support/queries";
import type { Agency, ReferralDetail, TransitionInput } from "../../types";
import { OPENABLE_STATUSES } from "./case-open/openable";

const route = getRouteApi("/support/referrals/$referralId");

type Target = ReferralMove;
const needsReason = (to: Target) => to === "declined" || to === "forwarded";

export function ReferralDetailPage() {
  const { referralId } = route.useParams();
  const referral = useReferral(referralId);
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ kind: "success" | "warning"; text: string } | null>(null);
  const [action, setAction] = useState<Target | null>(null);
  usePageTitle(referral.error ? "見つかりません" : "つなぐシート");

  if (referral.isPending) return <Loading />;
  if (referral.error) return <QueryError error={referral.error} />;
  const r = referral.data;
  const moves = r.access === "sender" ? [] : (TRANSITIONS[r.status] as readonly Target[]);

  const reloadAfterStale = async () => {
    setAction(null);
    await queryClient.invalidateQueries({ queryKey: supportKeys.referral(referralId) });
    setMessage({
      kind: "warning",
      text: "他の人が先にこのつなぐシートの状態を変更しました。最新の内容を読み込みました。内容を確かめてから、もう一度操作してください。",
    });
  };

  return (
    <>
      <p className="no-print">
        <Link to="/support/referrals">つなぐシートの一覧へ戻る</Link>
      </p>
      <h1>
        つなぐシート <ReferralStatusBadge status={r.status} label={r.statusLabel} />
      </h1>
      <p className="lead">
        {r.fromAgency?.name ?? "（不明な機関）"} → {r.toLabel}（{formatDateTime(r.createdAt)} 送付）
      </p>
      <div aria-live="polite">
        {message ? (
          <p className={`notice ${message.kind}`} role={message.kind === "warning" ? "alert" : undefined}>
            {message.text}
          </p>
        ) : null}
      </div>

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
                  setMessage(null);
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

      <section aria-labelledby="content-heading">
        <h2 id="content-heading">内容</h2>
        <dl className="summary-list">
          <dt>困りごと</dt>
          <dd>{r.concerns.join("、")}</dd>
          <dt>気づいたこと</dt>
          <dd className="pre-wrap">{r.observed}</dd>
          <dt>緊急度</dt>
          <dd>
            <UrgencyBadge urgency={r.urgency} />
          </dd>
          <dt>本人同意</dt>
          <dd>
            {(CONSENT_LABELS as Record<string, string>)[r.consent] ?? r.consent}
            {r.consentDate ? `（${formatEraDate(r.consentDate)}` : null}
            {r.consentDate ? (r.consentMethod ? `・${r.consentMethod}）` : "）") : null}
            {!r.consentDate && r.consentMethod ? `（${r.consentMethod}）` : null}
          </dd>
          <dt>送付元</dt>
          <dd>{r.fromAgency?.name ?? "（不明な機関）"}</dd>
          <dt>送付先</dt>
          <dd>{r.toLabel}</dd>
          <dt>対応期限</dt>
          <dd>
            {r.dueDate ? formatEraDate(r.dueDate) : "なし"}
            {r.overdue ? (
              <>
                {" "}
                <OverdueBadge />
              </>
            ) : null}
          </dd>
          <dt>最終更新</dt>
          <dd>{formatDateTime(r.updatedAt)}</dd>
        </dl>
      </section>

      <section aria-labelledby="person-heading">
        <h2 id="person-heading">対象者</h2>
        <PersonDetails person={r.person} />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">状態の履歴</h2>
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">状態の履歴（古い順）</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">状態</th>
                <th scope="col">機関</th>
                <th scope="col">理由・メモ</th>
              </tr>
            </thead>
            <tbody>
              {r.events.map((e) => (
                <tr key={e.seq}>
                  <td className="nowrap">{formatDateTime(e.at)}</td>
                  <td>
                    <ReferralStatusBadge status={e.status} label={e.statusLabel} />
                  </td>
                  <td>
                    {e.agency?.name ?? "（不明な機関）"}
                    {e.status === "forwarded" ? <span className="small muted">（転送先）</span> : null}
                  </td>
                  <td className="pre-wrap">{e.reason ?? <span className="muted">－</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {action ? (
        <TransitionDialog
          referral={r}
          to={action}
          onClose={() => setAction(null)}
          onStale={reloadAfterStale}
          onDone={async (label) => {
            setAction(null);
            await queryClient.invalidateQueries({ queryKey: supportKeys.referral(referralId) });
            await queryClient.invalidateQueries({ queryKey: ["support", "referrals"] });
            setMessage({ kind: "success", text: `「${label}」にしました。` });
          }}
        />
      ) : null}
    </>
  );
}

/**
 * The case this referral became (for those who may see it), or, for a coordinator, the way to open one once the
 * referral is accepted or being handled.
 */
function CaseLink({ referral }: { referral: ReferralDetail }) {
  const user = useSupportUser();
  const staff = isAgencyStaff(user);
  const coordinator = isCoordinator(user);
  const found = referral.case;
  if (!staff) return null;
  if (found) {
    return (
      <section aria-labelledby="case-heading">
        <h2 id="case-heading">ケース</h2>
        <p>
          このつなぐシートからケースを開始しています。{" "}
          <Link to="/support/cases/$caseId" params={{ caseId: found.id }}>
            ケースを開く（{found.phaseLabel}）
          </Link>
        </p>
      </section>
    );
  }
  if (!coordinator) return null;
  return (
    <section aria-labelledby="case-heading">
      <h2 id="case-heading">ケース</h2>
      {OPENABLE_STATUSES.includes(referral.status) ? (
        <p>
          <Link
            to="/support/referrals/$referralId/case"
            params={{ referralId: referral.id }}
            className="button secondary"
          >
            このつなぐシートからケースを開始
          </Link>
        </p>
      ) : referral.status === "sent" || referral.status === "forwarded" ? (
        <p className="small muted">受付すると、このつなぐシートからケースを開始できます。</p>
      ) : (
        <p className="small muted">このつなぐシートのケースはありません。</p>
      )}
    </section>
  );
}

/** The sender's view: where the referral stands now, step by step. */
function ClosedLoop({ referral }: { referral: ReferralDetail }) {
  const reached = (status: ReferralStatus) => referral.events.filter((e) => e.status === status).at(-1);
  const steps = (["sent", "accepted", "in_progress", "completed"] as const).map((status) => ({
    status,
    label: REFERRAL_STATUS_LABELS[status],
  }));
  const last = referral.events.at(-1);
  return (
    <section aria-labelledby="loop-heading" className="closed-loop">
      <h2 id="loop-heading">送ったつなぐシートの状況</h2>
      <p>
        現在の状況: <strong>{referral.statusLabel}</strong>
        {last ? `（${formatDateTime(last.at)}、${last.agency?.name ?? "（不明な機関）"}）` : null}
      </p>
      <ol className="loop-steps">
        {steps.map((s) => {
          const e = reached(s.status);
          return (
            <li key={s.status} className={e ? "done" : undefined}>
              <span className="loop-label">{s.label}</span>{" "}
              {e ? (
                <span className="small">
                  済（{formatDateTime(e.at)}・{e.agency?.name ?? "（不明な機関）"}）
                </span>
              ) : (
                <span className="small muted">未</span>
              )}
            </li>
          );
        })}
      </ol>
      {referral.status === "declined" ? (
        <p className="notice warning">送付先が辞退しました。理由: {last?.reason ?? "（記載なし）"}</p>
      ) : null}
      {referral.status === "forwarded" ? (
        <p className="notice">
          「{referral.toLabel}」に転送され、受付を待っています。理由: {last?.reason ?? "（記載なし）"}
        </p>
      ) : null}
      {referral.status === "completed" ? (
        <p className="notice success">支援につながりました。{last?.reason ? `内容: ${last.reason}` : null}</p>
      ) : null}
    </section>
  );
}

function TransitionDialog({
  referral,
  to,
  onClose,
  onStale,
  onDone,
}: {
  referral: ReferralDetail;
  to: Target;
  onClose: () => void;
  onStale: () => Promise<void>;
  onDone: (label: string) => Promise<void>;
}) {
  const agencies = useAgencies();
  const [reason, setReason] = useState("");
  const [toAgencyId, setToAgencyId] = useState("");
  const label = REFERRAL_MOVE_LABELS[to];
  const forwardTargets = (agencies.data ?? []).filter(
    (a: Agency) => a.kind === "public" && a.id !== referral.toAgency?.id && a.id !== referral.fromAgency?.id,
  );
  const move = useSubmit({
    send: () =>
      api(`/api/referrals/${encodeURIComponent(referral.id)}/transition`, {
        method: "POST",
        body: {
          to,
          reason: reason || null,
          toAgencyId: to === "forwarded" ? toAgencyId || null : null,
        } satisfies TransitionInput,
        version: referral.version,
      }),
    onDone: () => onDone(label),
    onStale,
  });
  const { error, fields } = move;

  return (
    <Dialog open title={`つなぐシートを「${label}」にする`} onClose={onClose}>
      <ErrorAlert error={error} />
      <form onSubmit={move.onSubmit()} noValidate>
        {to === "forwarded" ? (
          <SelectField
            label="転送先の機関"
            required
            value={toAgencyId}
            onChange={setToAgencyId}
            options={[
              { value: "", label: "選んでください" },
              ...forwardTargets.map((a) => ({ value: a.id, label: a.name })),
            ]}
            error={fields.toAgencyId}
          />
        ) : null}
        <TextAreaField
          label={needsReason(to) ? "理由" : "メモ（任意）"}
          required={needsReason(to)}
          hint={
            to === "completed"
              ? "どの支援につないだかを書くと、送付元にも伝わります。"
              : needsReason(to)
                ? "送付元にも表示されます。"
                : undefined
          }
          rows={3}
          value={reason}
          onChange={setReason}
          error={fields.reason}
        />
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            キャンセル
          </button>
          <button type="submit" className="button" disabled={move.busy}>
            「{label}」にする
          </button>
        </div>
      </form>
    </Dialog>
  );
}
