import { Link } from "@tanstack/react-router";
import type { Dispatch, SetStateAction } from "react";
import { listFieldError } from "../../../components/ErrorAlert";
import { CheckboxGroup, SelectField } from "../../../components/FormField";
import { formatDateTime } from "../../../format";
import { draftFields } from "../../../forms/useDraft";
import { type ConsentDraft, ConsentFields } from "../../../support/ConsentFields";
import { agencyName, agencyOptions, personLabel } from "../../../support/components";
import type { DisclosedReferral, ReferralListRow } from "../../../types";
import type { MemberDraft } from "./useHouseholdDraft";

/** What the coordinator decides for the case besides its household. */
export interface CaseChoices extends ConsentDraft {
  mainPersonId: string;
  leadAgencyId: string;
  teamIds: string[];
  issues: string[];
  otherReferralIds: string[];
}

/** The referral's own choices to start from: its person, the agency it was sent to, its concerns and consent. */
export function initialChoices(r: DisclosedReferral): CaseChoices {
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
  referral: DisclosedReferral;
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
  const change = (part: Partial<CaseChoices>) => setChoices((c) => ({ ...c, ...part }));
  const field = draftFields(choices, change, errors);
  const { leadAgencyId, teamIds, issues, otherReferralIds } = choices;
  const referralsError = listFieldError(errors, "referralIds");

  return (
    <>
      <h2 id={headingId}>2. ケースの内容</h2>
      <SelectField
        label="主たる対象者"
        required
        options={members.map((m) => ({ value: m.person.id, label: `${personLabel(m.person)}（${m.relationship}）` }))}
        {...field("mainPersonId")}
      />
      <SelectField
        label="主担当機関"
        required
        hint="ケースの段階・チーム・本人同意を管理する機関です（チームにも入ります）。"
        choose
        options={agencyOptions(publicAgencies)}
        {...field("leadAgencyId")}
      />
      <CheckboxGroup
        legend="チームに加える機関（主担当のほか）"
        options={agencyOptions(publicAgencies.filter((a) => a.id !== leadAgencyId))}
        values={teamIds.filter((id) => id !== leadAgencyId)}
        onChange={(v) => change({ teamIds: v })}
        error={listFieldError(errors, "teamAgencyIds")}
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
        onChange={(v) => change({ issues: v })}
        error={listFieldError(errors, "issues")}
      />
      <ConsentFields
        legend="本人同意（チーム内での情報共有）"
        name="open-consent"
        hint="つなぐシートの記録を初期値にしています。同意があるときだけ、チームの機関どうしで支援経過とアセスメントを共有します。"
        draft={choices}
        onChange={change}
        errors={errors}
      />
      {others.length ? (
        <CheckboxGroup
          legend="同じケースにまとめるつなぐシート（任意）"
          hint="世帯員についての、受付済み・対応中のつなぐシートです。"
          options={others.map((o) => ({
            value: o.id,
            label: `${formatDateTime(o.createdAt)} ${agencyName(o.fromAgency)}から：${personLabel(o.person)}（${o.concerns.join("、")}）`,
          }))}
          values={otherReferralIds}
          onChange={(v) => change({ otherReferralIds: v })}
          error={referralsError}
        />
      ) : referralsError ? (
        <p className="field-error">{referralsError}</p>
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
