import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useId, useRef, useState } from "react";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { Loading, QueryError } from "../../../components/Status";
import { useSubmit } from "../../../forms/useSubmit";
import { checkConsent } from "../../../support/ConsentFields";
import { CaseOpenLink, InputProblems } from "../../../support/components";
import {
  activeConcernLabels,
  caseKeys,
  supportKeys,
  useAgencies,
  useConcerns,
  usePersonHouseholds,
  useReferrals,
} from "../../../support/queries";
import type { CaseDetail, DisclosedReferral } from "../../../types";
import { type CaseChoices, CaseFieldsStep, initialChoices } from "./CaseFieldsStep";
import { HouseholdStep } from "./HouseholdStep";
import { OPENABLE_STATUSES } from "./openable";
import { type HouseholdPart, useHouseholdDraft } from "./useHouseholdDraft";

export function OpenCaseForm({ referral: r }: { referral: DisclosedReferral }) {
  const navigate = useNavigate();
  const agencies = useAgencies();
  const households = usePersonHouseholds(r.personId, true);
  // only the sheets that could join the case (each listed person is a read in the audit trail)
  const acceptedReferrals = useReferrals("accepted", true);
  const handledReferrals = useReferrals("in_progress", true);
  const existingCase = r.case;

  const household = useHouseholdDraft(r, households.data);
  const [choices, setChoices] = useState<CaseChoices>(() => initialChoices(r));
  const concerns = useConcerns();
  const issueOptions = [...new Set([...activeConcernLabels(concerns.data), ...r.concerns])];
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  const ids = useId();

  const { chosen, members, memberIds } = household;
  const publicAgencies = (agencies.data ?? []).filter((a) => a.kind === "public");
  const others = [...(acceptedReferrals.data ?? []), ...(handledReferrals.data ?? [])].filter(
    (x) => x.id !== r.id && OPENABLE_STATUSES.includes(x.status) && x.personId !== null && memberIds.has(x.personId),
  );
  const { mainPersonId, leadAgencyId, teamIds, issues, otherReferralIds, consent, consentDate, consentMethod } =
    choices;
  const setMainPersonId = (id: string) => setChoices((c) => ({ ...c, mainPersonId: id }));

  // after the members saved so far, the member that failed is the first one still to add
  const saveHousehold = useSubmit({
    send: () => household.save(() => setLocalErrors((e) => ({ ...e, "added.0": "この世帯員を加えられませんでした" }))),
  });
  const openCase = useSubmit({
    send: (part: HouseholdPart) =>
      api<{ case: CaseDetail }>("/api/cases", {
        method: "POST",
        body: {
          referralIds: [r.id, ...otherReferralIds.filter((id) => others.some((o) => o.id === id))],
          ...part,
          mainPersonId,
          leadAgencyId,
          teamAgencyIds: teamIds.filter((id) => id !== leadAgencyId),
          issues,
          // recorded with the case, in the same transaction
          consent: {
            consent,
            consentDate: consentDate || null,
            consentMethod: consentMethod.trim() || null,
            reason: "ケース開始時に確認",
          },
        },
      }).then((res) => res.case),
    invalidates: [supportKeys.referral(r.id), caseKeys.households(r.personId), ["support", "cases"]],
    onDone: (opened) => navigate({ to: "/support/cases/$caseId", params: { caseId: opened.id } }),
  });

  if (households.isPending || agencies.isPending) return <Loading />;
  if (households.error) return <QueryError error={households.error} />;

  const householdError = saveHousehold.error;
  const caseError = openCase.error;
  // the consent's and a new household's fields come back as consent.consentDate, household.address …: shown next
  // to the same inputs as the local checks
  const cErrors = Object.fromEntries(
    Object.entries(openCase.fields).map(([k, v]) => [k.replace(/^(consent|household)\./, ""), v]),
  );
  const errors: Record<string, string> = { ...saveHousehold.fields, ...cErrors, ...localErrors };

  const chooseHousehold = (id: string) => {
    household.choose(id);
    saveHousehold.clear();
    setMainPersonId(r.personId);
  };

  const check = () => {
    const out: Record<string, string> = {};
    const { address, selfRelationship, added } = household;
    if (!chosen && !address.trim()) out.address = "住所を入力してください";
    if (!chosen && [selfRelationship, ...added.map((m) => m.relationship)].filter((x) => x === "本人").length > 1)
      out.members = "続柄「本人」は1人だけです";
    if (!memberIds.has(mainPersonId)) out.mainPersonId = "主たる対象者を世帯員から選んでください";
    if (!leadAgencyId) out.leadAgencyId = "主担当機関を選んでください";
    if (!issues.length) out.issues = "課題を1つ以上選んでください";
    return { ...out, ...checkConsent(choices) };
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = check();
    setLocalErrors(found);
    saveHousehold.clear();
    openCase.clear();
    if (Object.keys(found).length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    void (async () => {
      const part = await saveHousehold.run();
      if (part) await openCase.run(part);
    })();
  };

  if (existingCase) {
    return (
      <p className="notice">
        このつなぐシートは既にケースになっています。 <CaseOpenLink found={existingCase} />
      </p>
    );
  }
  const allErrors = Object.entries(errors).filter(([k]) => !k.startsWith("added."));
  return (
    <>
      {householdError || caseError ? (
        <ErrorAlert
          error={householdError ?? caseError}
          title={householdError ? "世帯を保存できませんでした" : "ケースを開始できませんでした"}
        />
      ) : (
        <InputProblems messages={allErrors} ref={summaryRef} />
      )}

      <HouseholdStep
        referral={r}
        household={household}
        errors={errors}
        onChoose={chooseHousehold}
        // the main person is one of the members: back to the referred person when it leaves the list
        onMemberRemoved={(id) => {
          if (mainPersonId === id) setMainPersonId(r.personId);
        }}
      />

      <form onSubmit={submit} noValidate aria-labelledby={`${ids}-case`}>
        <CaseFieldsStep
          headingId={`${ids}-case`}
          referral={r}
          choices={choices}
          setChoices={setChoices}
          members={members}
          publicAgencies={publicAgencies}
          issueOptions={issueOptions}
          others={others}
          errors={errors}
          newHousehold={!chosen}
          busy={saveHousehold.busy || openCase.busy}
        />
      </form>
    </>
  );
}
