import { Link } from "@tanstack/react-router";
import type { Dispatch, SetStateAction } from "react";
import type { CaseConsent } from "../../../../server/modules/cases/schema";
import { CheckboxGroup, SelectField, TextField } from "../../../components/FormField";
import { formatDateTime } from "../../../format";
import { personLabel, RadioGroup } from "../../../support/components";
import { CONSENT_LABELS, type ReferralDetail, type ReferralListRow } from "../../../types";
import type { MemberDraft } from "./useHouseholdDraft";

const OPEN_CONSENTS = ["given", "not_given", "unknown"] as const satisfies readonly CaseConsent[];

/** What the coordinator decides for the case besides its household. */
export interface CaseChoices {
  mainPersonId: string;
  leadAgencyId: string;
  teamIds: string[];
  issues: string[];
  otherReferralIds: string[];
  consent: string;
  consentDate: string;
  consentMethod: string;
}

/** The referral's own choices to start from: its person, the agency it was sent to, its concerns and consent. */
export function initialChoices(r: ReferralDetail): CaseChoices {
  return {
    mainPersonId: r.personId,
    leadAgencyId: r.toAgency?.id ?? "",
    teamIds: [],
    // The referral's concerns stay valid issues even when their category has been made inactive since.
    issues: r.concerns,
    otherReferralIds: [],
    consent: r.consent,
    consentDate: r.consentDate ?? "",
    consentMethod: r.consentMethod ?? "",
  };
}

/** 2. ケースの内容: main person, lead agency and team, issues, consent, other referrals to join. */
export function CaseFieldsStep({
  headingId,
  referral: r,
  choices,
  setChoices,
  members,
  publicAgencies,
  issueOptions,
  others,
  errors,
  newHousehold,
  busy,
}: {
  /** the form is labelled by this section's heading */
  headingId: string;
  referral: ReferralDetail;
  choices: CaseChoices;
  setChoices: Dispatch<SetStateAction<CaseChoices>>;
  members: MemberDraft[];
  publicAgencies: { id: string; name: string }[];
  issueOptions: string[];
  /** the other referrals that may join the case */
  others: ReferralListRow[];
  errors: Record<string, string>;
  newHousehold: boolean;
  busy: boolean;
}) {
  const set =
    <K extends keyof CaseChoices>(k: K) =>
    (v: CaseChoices[K]) =>
      setChoices((c) => ({ ...c, [k]: v }));
  const { mainPersonId, leadAgencyId, teamIds, issues, otherReferralIds, consent, consentDate, consentMethod } =
    choices;

  return (
    <>
      <h2 id={headingId}>2. ケースの内容</h2>
      <SelectField
        label="主たる対象者"
        required
        value={mainPersonId}
        onChange={set("mainPersonId")}
        options={members.map((m) => ({ value: m.person.id, label: `${personLabel(m.person)}（${m.relationship}）` }))}
        error={errors.mainPersonId}
      />
      <SelectField
        label="主担当機関"
        required
        hint="ケースの段階・チーム・本人同意を管理する機関です（チームにも入ります）。"
        value={leadAgencyId}
        onChange={set("leadAgencyId")}
        options={[
          { value: "", label: "選んでください" },
          ...publicAgencies.map((a) => ({ value: a.id, label: a.name })),
        ]}
        error={errors.leadAgencyId}
      />
      <CheckboxGroup
        legend="チームに加える機関（主担当のほか）"
        options={publicAgencies.filter((a) => a.id !== leadAgencyId).map((a) => ({ value: a.id, label: a.name }))}
        values={teamIds.filter((id) => id !== leadAgencyId)}
        onChange={set("teamIds")}
        error={Object.entries(errors).find(([k]) => k.startsWith("teamAgencyIds"))?.[1]}
      />
      <CheckboxGroup
        legend={
          <>
            課題<span className="required">必須</span>
          </>
        }
        hint="つなぐシートの困りごとを初期値にしています。"
        options={issueOptions.map((c) => ({ value: c, label: c }))}
        values={issues}
        onChange={set("issues")}
        error={errors.issues ?? Object.entries(errors).find(([k]) => k.startsWith("issues."))?.[1]}
      />
      <RadioGroup
        legend="本人同意（チーム内での情報共有）"
        name="open-consent"
        value={consent}
        onChange={set("consent")}
        hint="つなぐシートの記録を初期値にしています。同意があるときだけ、チームの機関どうしで支援経過とアセスメントを共有します。"
        options={OPEN_CONSENTS.map((c) => ({ value: c, label: CONSENT_LABELS[c] }))}
        error={errors.consent}
      />
      {consent === "given" ? (
        <div className="form-row">
          <TextField
            label="同意を得た日"
            type="date"
            required
            value={consentDate}
            onChange={set("consentDate")}
            error={errors.consentDate}
          />
          <TextField
            label="同意の方法"
            required
            hint="書面・口頭など"
            value={consentMethod}
            onChange={set("consentMethod")}
            error={errors.consentMethod}
          />
        </div>
      ) : null}
      {others.length ? (
        <CheckboxGroup
          legend="同じケースにまとめるつなぐシート（任意）"
          hint="世帯員についての、受付済み・対応中のつなぐシートです。"
          options={others.map((o) => ({
            value: o.id,
            label: `${formatDateTime(o.createdAt)} ${o.fromAgency?.name ?? "（不明な機関）"}から：${personLabel(o.person)}（${o.concerns.join("、")}）`,
          }))}
          values={otherReferralIds}
          onChange={set("otherReferralIds")}
          error={Object.entries(errors).find(([k]) => k.startsWith("referralIds"))?.[1]}
        />
      ) : Object.entries(errors).find(([k]) => k.startsWith("referralIds")) ? (
        <p className="field-error">{Object.entries(errors).find(([k]) => k.startsWith("referralIds"))?.[1]}</p>
      ) : null}
      <div className="support-actions">
        <Link to="/support/referrals/$referralId" params={{ referralId: r.id }} className="button secondary">
          キャンセル
        </Link>
        <button type="submit" className="button" disabled={busy}>
          {newHousehold ? "世帯を登録してケースを開始" : "ケースを開始"}
        </button>
      </div>
    </>
  );
}
