import type { ReactNode } from "react";
import { CONSENT_LABELS } from "../../domain/labels/support";
import { TextField } from "../components/FormField";
import { RadioGroup } from "./components";
import { draftFields } from "./useDraft";

/** The answers a new referral or a new case records (withdrawn comes later, on the case page). */
const FIRST_CONSENTS = ["given", "not_given", "unknown"] as const;

/** 本人同意 as a form holds it: the answer, and the day and the way it was given ("" while empty). */
export interface ConsentDraft {
  consent: string;
  consentDate: string;
  consentMethod: string;
}

/** What can be told before asking the server: a consent given needs its day and its way. */
export function checkConsent(d: ConsentDraft): Record<string, string> {
  const out: Record<string, string> = {};
  if (d.consent === "given" && !d.consentDate) out.consentDate = "同意を得た日を入力してください";
  if (d.consent === "given" && !d.consentMethod.trim())
    out.consentMethod = "同意の方法（書面・口頭など）を入力してください";
  return out;
}

/** 本人同意 of a new referral or case: the answer and, when consent is given, the day and the way. */
export function ConsentFields({
  legend,
  name,
  hint,
  required,
  draft,
  onChange,
  errors,
}: {
  legend: ReactNode;
  /** the radio buttons' name */
  name: string;
  hint?: ReactNode;
  required?: boolean;
  draft: ConsentDraft;
  onChange: (change: Partial<ConsentDraft>) => void;
  errors: Record<string, string>;
}) {
  const field = draftFields(draft, onChange, errors);
  return (
    <>
      <RadioGroup
        legend={legend}
        name={name}
        required={required}
        hint={hint}
        options={FIRST_CONSENTS.map((c) => ({ value: c, label: CONSENT_LABELS[c] }))}
        {...field("consent")}
      />
      {draft.consent === "given" ? (
        <div className="form-row">
          <TextField label="同意を得た日" type="date" required {...field("consentDate")} />
          <TextField label="同意の方法" required hint="書面・口頭など" {...field("consentMethod")} />
        </div>
      ) : null}
    </>
  );
}
