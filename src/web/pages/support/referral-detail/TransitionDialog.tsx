import { useState } from "react";
import { REFERRAL_MOVE_LABELS, type ReferralMove } from "../../../../domain/labels/support";
import { api } from "../../../api";
import { Dialog, DialogActions } from "../../../components/Dialog";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SelectField, TextAreaField } from "../../../components/FormField";
import type { Notice } from "../../../components/NoticeArea";
import { useNoticedWrite } from "../../../forms/useNoticedWrite";
import { agencyOptions } from "../../../support/components";
import { supportKeys, useAgencies } from "../../../support/queries";
import type { Agency, ReferralDetail, TransitionInput } from "../../../types";

/** Declining and forwarding say why (the sender reads it); the other moves take an optional note. */
export const needsReason = (to: ReferralMove) => to === "declined" || to === "forwarded";

const STALE_TEXT =
  "他の人が先にこのつなぐシートの状態を変更しました。最新の内容を読み込みました。内容を確かめてから、もう一度操作してください。";

/** The choice that hands the referral to the 多機関協働 coordinators instead of one agency. */
const TO_COORDINATORS = "coordinators";

/** A move of the referral (受付, 辞退, 転送 …) with its reason or note; the page's notice says how it went. */
export function TransitionDialog({
  referral,
  to,
  onClose,
  setNotice,
}: {
  referral: ReferralDetail;
  to: ReferralMove;
  onClose: () => void;
  setNotice: (n: Notice) => void;
}) {
  const agencies = useAgencies();
  const [reason, setReason] = useState("");
  const [toAgencyId, setToAgencyId] = useState("");
  const label = REFERRAL_MOVE_LABELS[to];
  const forwardTargets = (agencies.data ?? []).filter(
    (a: Agency) => a.kind === "public" && a.id !== referral.toAgency?.id && a.id !== referral.fromAgency?.id,
  );
  const move = useNoticedWrite(setNotice, {
    send: () =>
      api(`/api/referrals/${encodeURIComponent(referral.id)}/transition`, {
        method: "POST",
        body: {
          to,
          reason: reason || null,
          toAgencyId: to === "forwarded" && toAgencyId !== TO_COORDINATORS ? toAgencyId || null : null,
          toCoordinators: to === "forwarded" && toAgencyId === TO_COORDINATORS,
        } satisfies TransitionInput,
        version: referral.version,
      }),
    changes: [supportKeys.referral(referral.id), ["support", "referrals"]],
    done: () => `「${label}」にしました。`,
    stale: { text: STALE_TEXT, reload: [supportKeys.referral(referral.id)] },
    onFinished: onClose,
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
            choose
            options={[
              // handed back to the coordinators: only they open a case with several agencies
              ...(referral.toAgency ? [{ value: TO_COORDINATORS, label: "多機関協働（調整役）に引き継ぐ" }] : []),
              ...agencyOptions(forwardTargets),
            ]}
            hint="複数の機関の支援が必要なときは、多機関協働（調整役）に引き継いでください。複数機関のケースを開けるのは調整役だけです。本人の同意がないつなぐシートは、調整役にだけ渡せます。"
            error={fields.toAgencyId ?? fields.toCoordinators}
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
        <DialogActions onCancel={onClose} action={`「${label}」にする`} disabled={move.busy} />
      </form>
    </Dialog>
  );
}
