import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { CONSENT_LABELS, TO_COORDINATORS_LABEL } from "../../../domain/labels/support";
import { URGENCIES } from "../../../server/modules/referrals/schema";
import { ApiError, api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "../../components/FormField";
import { Loading, QueryError } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { formatEraDate } from "../../format";
import { useSubmit } from "../../forms/useSubmit";
import { birthLabel, PersonDetails, personLabel, RadioGroup } from "../../support/components";
import { PersonStep } from "../../support/PersonStep";
import {
  activeConcernLabels,
  actsForAgency,
  isAgencyStaff,
  useAgencies,
  useConcerns,
  useSupportUser,
} from "../../support/queries";
import type { Consent, Person, Referral } from "../../types";

type Step = "person" | "sheet" | "confirm";

interface SheetDraft {
  concerns: string[];
  observed: string;
  urgency: string;
  consent: Consent | "";
  consentDate: string;
  consentMethod: string;
  dueDate: string;
  /** "" = the 多機関協働 coordinators */
  toAgencyId: string;
}

const emptySheet: SheetDraft = {
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
function checkSheet(d: SheetDraft): Record<string, string> {
  const out: Record<string, string> = {};
  if (!d.concerns.length) out.concerns = "困りごとを1つ以上選んでください";
  if (!d.observed.trim()) out.observed = "気づいたことを入力してください";
  if (!d.urgency) out.urgency = "緊急度を選んでください";
  if (!d.consent) out.consent = "本人同意の状況を選んでください";
  if (d.consent === "given" && !d.consentDate) out.consentDate = "同意を得た日を入力してください";
  if (d.consent === "given" && !d.consentMethod.trim())
    out.consentMethod = "同意の方法（書面・口頭など）を入力してください";
  return out;
}

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
          toAgencyId: sheet.toAgencyId || null,
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
  const { error: sendError, busy } = create;
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
  const destinationLabel = sheet.toAgencyId
    ? (destinations.find((a) => a.id === sheet.toAgencyId)?.name ?? "（不明な機関）")
    : TO_COORDINATORS_LABEL;
  const serverFields = create.fields;
  const errors = { ...serverFields, ...localErrors };

  const send = () => {
    if (person) void create.run(person);
  };

  return (
    <>
      <p className="no-print">
        <Link to="/support/referrals">つなぐシートの一覧へ戻る</Link>
      </p>
      <h1>つなぐシートの作成</h1>
      <ol className="steps" aria-label="作成の手順">
        {(["person", "sheet", "confirm"] as const).map((s, i) => (
          <li key={s} aria-current={s === step ? "step" : undefined} className={s === step ? "current" : undefined}>
            {i + 1}. {s === "person" ? "対象者" : s === "sheet" ? "内容" : "確認・送付"}
          </li>
        ))}
      </ol>

      {step === "person" ? (
        <>
          <h2 ref={headingRef} tabIndex={-1}>
            1. 対象者
          </h2>
          {sendError && errors.personId ? <p className="field-error">{errors.personId}</p> : null}
          {person ? (
            <section className="notice" aria-label="選んだ対象者">
              <p>
                対象者: <strong>{personLabel(person)}</strong>（生年月日: {birthLabel(person.dateOfBirth)}）
              </p>
              <div className="support-actions">
                <button type="button" className="button" onClick={() => setStep("sheet")}>
                  この人で次へ
                </button>
                <button type="button" className="button secondary" onClick={() => setPerson(null)}>
                  対象者を選び直す
                </button>
              </div>
            </section>
          ) : (
            <PersonStep
              staff={staff}
              onChosen={(p) => {
                setPerson(p);
                create.clear();
                setStep("sheet");
              }}
            />
          )}
        </>
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
          {Object.keys(errors).length ? (
            <div className="alert" role="alert">
              <p className="alert-title">入力内容を確かめてください</p>
              <ul>
                {Object.entries(errors).map(([k, v]) => (
                  <li key={k}>{v}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <SheetFields sheet={sheet} setSheet={setSheet} errors={errors} destinations={destinations} />
          <div className="support-actions">
            <button type="button" className="button secondary" onClick={() => setStep("person")}>
              戻る
            </button>
            <button type="submit" className="button">
              内容を確認
            </button>
          </div>
        </form>
      ) : null}

      {step === "confirm" && person ? (
        <section aria-labelledby="confirm-heading">
          <h2 id="confirm-heading" ref={headingRef} tabIndex={-1}>
            3. 確認・送付
          </h2>
          <p>次の内容で送付します。送付すると、送付先と多機関協働の調整役が内容を見られるようになります。</p>
          <ErrorAlert error={sendError} title="送付できませんでした" />
          <h3>対象者</h3>
          <PersonDetails person={person} />
          <h3>内容</h3>
          <dl className="summary-list">
            <dt>困りごと</dt>
            <dd>{sheet.concerns.join("、")}</dd>
            <dt>気づいたこと</dt>
            <dd className="pre-wrap">{sheet.observed}</dd>
            <dt>緊急度</dt>
            <dd>{sheet.urgency}</dd>
            <dt>本人同意</dt>
            <dd>
              {sheet.consent ? CONSENT_LABELS[sheet.consent] : ""}
              {sheet.consentDate ? `（${formatEraDate(sheet.consentDate)}` : null}
              {sheet.consentDate ? (sheet.consentMethod ? `・${sheet.consentMethod}）` : "）") : null}
              {!sheet.consentDate && sheet.consentMethod ? `（${sheet.consentMethod}）` : null}
            </dd>
            <dt>対応期限</dt>
            <dd>{sheet.dueDate ? formatEraDate(sheet.dueDate) : "なし"}</dd>
            <dt>送付先</dt>
            <dd>{destinationLabel}</dd>
          </dl>
          <div className="support-actions">
            <button type="button" className="button secondary" onClick={() => setStep("sheet")}>
              修正する
            </button>
            <button type="button" className="button" disabled={busy} onClick={send}>
              この内容で送付
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}

function SheetFields({
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
  const set =
    <K extends keyof SheetDraft>(key: K) =>
    (value: SheetDraft[K]) =>
      setSheet((s) => ({ ...s, [key]: value }));
  const concerns = useConcerns();
  const concernError =
    errors.concerns ?? Object.entries(errors).find(([k]) => k.startsWith("concerns."))?.[1] ?? undefined;
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
        onChange={set("concerns")}
        error={concernError}
      />
      <TextAreaField
        label="気づいたこと"
        required
        hint="見たこと・聞いたことを具体的に。推測は推測と分かるように書いてください。"
        rows={5}
        value={sheet.observed}
        onChange={set("observed")}
        error={errors.observed}
      />
      <RadioGroup
        legend="緊急度"
        name="urgency"
        required
        value={sheet.urgency}
        options={URGENCIES.map((u) => ({ value: u, label: u }))}
        onChange={set("urgency")}
        error={errors.urgency}
      />
      <RadioGroup
        legend="本人同意（情報を共有することへの同意）"
        name="consent"
        required
        value={sheet.consent}
        options={(["given", "not_given", "unknown"] as const).map((c) => ({ value: c, label: CONSENT_LABELS[c] }))}
        onChange={(v) => set("consent")(v as Consent)}
        error={errors.consent}
      />
      {sheet.consent === "given" ? (
        <div className="form-row">
          <TextField
            label="同意を得た日"
            type="date"
            required
            value={sheet.consentDate}
            onChange={set("consentDate")}
            error={errors.consentDate}
          />
          <TextField
            label="同意の方法"
            required
            hint="書面・口頭など"
            value={sheet.consentMethod}
            onChange={set("consentMethod")}
            error={errors.consentMethod}
          />
        </div>
      ) : null}
      <div className="form-row">
        <TextField
          label="対応期限（任意）"
          type="date"
          value={sheet.dueDate}
          onChange={set("dueDate")}
          error={errors.dueDate}
        />
        <SelectField
          label="送付先"
          required
          value={sheet.toAgencyId}
          onChange={set("toAgencyId")}
          options={[
            { value: "", label: TO_COORDINATORS_LABEL },
            ...destinations.map((a) => ({ value: a.id, label: a.name })),
          ]}
          error={errors.toAgencyId}
          hint="どこにつなげばよいか分からないときは、多機関協働（調整役）に送ってください。"
        />
      </div>
    </>
  );
}
