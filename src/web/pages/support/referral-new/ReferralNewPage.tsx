import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { TO_COORDINATORS_LABEL, TO_SUPPORT_MEETING_LABEL } from "../../../../domain/labels/support";
import { ApiError, api } from "../../../api";
import { FormButtons } from "../../../components/FormButtons";
import { Loading } from "../../../components/Status";
import { usePageTitle } from "../../../components/usePageTitle";
import { useSubmit } from "../../../forms/useSubmit";
import { agencyName, InputProblems, personLabel, StepList } from "../../../support/components";
import { actsForAgency, isAgencyStaff, useAgencies, useSupportUser } from "../../../support/queries";
import type { Person, Referral } from "../../../types";
import { ConfirmStep } from "./ConfirmStep";
import { PersonChoiceStep } from "./PersonChoiceStep";
import { checkSheet, destinationOf, emptySheet, type SheetDraft, SheetFields, TO_SUPPORT_MEETING } from "./SheetFields";

type Step = "person" | "sheet" | "confirm";
const STEPS = [
  { key: "person", text: "1. 対象者" },
  { key: "sheet", text: "2. 内容" },
  { key: "confirm", text: "3. 確認・送付" },
] as const satisfies readonly { key: Step; text: string }[];

export function ReferralNewPage() {
  usePageTitle("つなぐシートの作成");
  const user = useSupportUser();
  const staff = isAgencyStaff(user);
  const agencies = useAgencies();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>("person");
  const [person, setPerson] = useState<Person | null>(null);
  const [sheet, setSheet] = useState<SheetDraft>(emptySheet);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const create = useSubmit({
    send: (chosen: Person) =>
      api<{ referral: Referral }>("/api/referrals", {
        method: "POST",
        body: {
          personId: chosen.id,
          ...destinationOf(sheet),
          concerns: sheet.concerns,
          observed: sheet.observed,
          urgency: sheet.urgency,
          consent: sheet.consent,
          consentDate: sheet.consentDate || null,
          consentMethod: sheet.consentMethod || null,
          dueDate: sheet.dueDate || null,
        },
      }),
    invalidates: [["support", "referrals"]],
    onDone: ({ referral }) => navigate({ to: "/support/referrals/$referralId", params: { referralId: referral.id } }),
    // field messages belong next to the fields: back to the form
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length) setStep(err.fieldMessage("personId") ? "person" : "sheet");
    },
  });
  const sendError = create.error;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);

  // each later step starts at its heading, so keyboard and screen-reader users land on the new content
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  if (!actsForAgency(user)) {
    return (
      <>
        <h1>つなぐシートの作成</h1>
        <p>つなぐシートは、支援機関の職員と登録事業者が作成します。</p>
      </>
    );
  }
  if (agencies.isPending) return <Loading />;

  const destinations = (agencies.data ?? []).filter(
    (a) => a.kind === "public" && !a.isCoordinator && a.id !== user?.agencyId,
  );
  const destinationLabel =
    sheet.toAgencyId === TO_SUPPORT_MEETING
      ? TO_SUPPORT_MEETING_LABEL
      : sheet.toAgencyId
        ? agencyName(destinations.find((a) => a.id === sheet.toAgencyId))
        : TO_COORDINATORS_LABEL;
  const serverFields = create.fields;
  const errors = { ...serverFields, ...localErrors };

  return (
    <>
      <p className="no-print">
        <Link to="/support/referrals">つなぐシートの一覧へ戻る</Link>
      </p>
      <h1>つなぐシートの作成</h1>
      <StepList label="作成の手順" steps={STEPS} current={step} />

      {step === "person" ? (
        <PersonChoiceStep
          headingRef={headingRef}
          staff={staff}
          person={person}
          error={sendError ? errors.personId : undefined}
          onChosen={(p) => {
            setPerson(p);
            create.clear();
            setStep("sheet");
          }}
          onNext={() => setStep("sheet")}
          onChooseAgain={() => setPerson(null)}
        />
      ) : null}

      {step === "sheet" && person ? (
        <form
          noValidate
          aria-labelledby="sheet-heading"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            const found = checkSheet(sheet);
            setLocalErrors(found);
            if (!Object.keys(found).length) {
              create.clear();
              setStep("confirm");
            }
          }}
        >
          <h2 id="sheet-heading" ref={headingRef} tabIndex={-1}>
            2. 内容
          </h2>
          <p>
            対象者: <strong>{personLabel(person)}</strong>{" "}
            <button type="button" className="link-button" onClick={() => setStep("person")}>
              対象者を変更
            </button>
          </p>
          <InputProblems messages={Object.entries(errors)} />
          <SheetFields sheet={sheet} setSheet={setSheet} errors={errors} destinations={destinations} />
          <FormButtons back="戻る" onBack={() => setStep("person")} submit="内容を確認" />
        </form>
      ) : null}

      {step === "confirm" && person ? (
        <ConfirmStep
          headingRef={headingRef}
          person={person}
          sheet={sheet}
          destinationLabel={destinationLabel}
          sending={create}
          onBack={() => setStep("sheet")}
        />
      ) : null}
    </>
  );
}
