import { TO_COORDINATORS_LABEL, TO_SUPPORT_MEETING_LABEL } from "../../../../domain/labels/support";
import { URGENCIES } from "../../../../server/modules/referrals/schema";
import { listFieldError } from "../../../components/ErrorAlert";
import { CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField } from "../../../components/FormField";
import { Loading, QueryError } from "../../../components/Status";
import { draftFields } from "../../../forms/useDraft";
import { type ConsentDraft, ConsentFields, checkConsent } from "../../../support/ConsentFields";
import { agencyOptions } from "../../../support/components";
import { activeConcernLabels, useConcerns } from "../../../support/queries";

/** 2. 内容 of a new referral as typed so far. */
export interface SheetDraft extends ConsentDraft {
  concerns: string[];
  observed: string;
  urgency: string;
  dueDate: string;
  /** "" = the 多機関協働 coordinators, TO_SUPPORT_MEETING = a 支援会議 through them, else an agency's id */
  toAgencyId: string;
}

/** The destination choice that asks the coordinators to take the person up at a 支援会議. */
export const TO_SUPPORT_MEETING = "support_meeting";

/** The request's destination fields for the choice made. */
export function destinationOf(d: SheetDraft) {
  const toSupportMeeting = d.toAgencyId === TO_SUPPORT_MEETING;
  return { toAgencyId: toSupportMeeting || !d.toAgencyId ? null : d.toAgencyId, toSupportMeeting };
}

export const emptySheet: SheetDraft = {
  concerns: [],
  observed: "",
  urgency: "",
  consent: "",
  consentDate: "",
  consentMethod: "",
  dueDate: "",
  toAgencyId: "",
};

/** What can be told before asking the server (the server checks everything again and names the fields). */
export function checkSheet(d: SheetDraft): Record<string, string> {
  const out: Record<string, string> = {};
  if (!d.concerns.length) out.concerns = "困りごとを1つ以上選んでください";
  if (!d.observed.trim()) out.observed = "気づいたことを入力してください";
  if (!d.urgency) out.urgency = "緊急度を選んでください";
  if (!d.consent) out.consent = "本人同意の状況を選んでください";
  return { ...out, ...checkConsent(d) };
}

export function SheetFields({
  sheet,
  setSheet,
  errors,
  destinations,
}: {
  sheet: SheetDraft;
  setSheet: (update: (s: SheetDraft) => SheetDraft) => void;
  errors: Record<string, string>;
  destinations: { id: string; name: string }[];
}) {
  const change = (part: Partial<SheetDraft>) => setSheet((s) => ({ ...s, ...part }));
  const field = draftFields(sheet, change, errors);
  const concerns = useConcerns();
  return (
    <>
      {concerns.isPending ? <Loading /> : null}
      {concerns.error ? <QueryError error={concerns.error} /> : null}
      <CheckboxGroup
        legend={
          <>
            困りごと（あてはまるものすべて）<span className="required">必須</span>
          </>
        }
        options={activeConcernLabels(concerns.data).map((c) => ({ value: c, label: c }))}
        values={sheet.concerns}
        onChange={(v) => change({ concerns: v })}
        error={listFieldError(errors, "concerns")}
      />
      <TextAreaField
        label="気づいたこと"
        required
        hint="見たこと・聞いたことを具体的に。推測は推測と分かるように書いてください。"
        rows={5}
        {...field("observed")}
      />
      <RadioGroup
        legend="緊急度"
        name="urgency"
        required
        options={URGENCIES.map((u) => ({ value: u, label: u }))}
        {...field("urgency")}
      />
      <ConsentFields
        legend="本人同意（情報を共有することへの同意）"
        name="consent"
        required
        draft={sheet}
        onChange={change}
        errors={errors}
      />
      <div className="form-row">
        <TextField label="対応期限（任意）" type="date" {...field("dueDate")} />
        <SelectField
          label="送付先"
          required
          options={[
            { value: "", label: TO_COORDINATORS_LABEL },
            { value: TO_SUPPORT_MEETING, label: TO_SUPPORT_MEETING_LABEL },
            ...agencyOptions(destinations),
          ]}
          {...field("toAgencyId")}
          hint="どこにつなげばよいか分からないときは、多機関協働（調整役）に送ってください。本人の同意がないときは、多機関協働（調整役）か支援会議にだけ送れます。支援会議の構成員は守秘義務を負い、同意がなくても情報を共有して検討できます（社会福祉法第106条の6）。"
        />
      </div>
    </>
  );
}
