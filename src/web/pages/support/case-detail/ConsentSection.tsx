import { useState } from "react";
import {
  CONSENT_METHOD_LABELS,
  CONSENT_METHODS,
  CONSENT_SCOPE_LABELS,
  CONSENT_SCOPES,
} from "../../../../domain/labels/support";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { FormButtons } from "../../../components/FormButtons";
import { CheckboxGroup, RadioGroup, SelectField, TextField } from "../../../components/FormField";
import { formatEraDate } from "../../../format";
import { useDraft } from "../../../forms/useDraft";
import { agencyName, personLabel } from "../../../support/components";
import { caseKeys, useAgencies } from "../../../support/queries";
import type { CaseDetail } from "../../../types";
import { type ManagedSectionProps, useCaseWrite } from "./useCaseWrite";
import { useInlineForm } from "./useInlineForm";

type ConsentRecord = CaseDetail["consents"][number];

/**
 * 本人同意: each household member's consents (to the case's team or to named agencies), with when and how they were
 * given, who recorded them and their withdrawal. The coordinators and the lead agency record and withdraw them;
 * other team agencies see the person's data only while a consent covers their agency.
 */
export function ConsentSection({ c, manage, setNotice }: ManagedSectionProps) {
  const members = (c.household?.members ?? []).filter((m) => !m.hidden);
  const nameOf = (personId: string) => personLabel(members.find((m) => m.personId === personId) ?? null);
  return (
    <section aria-labelledby="consent-heading">
      <h2 id="consent-heading">本人同意（情報共有の根拠）</h2>
      <p className="small">
        多機関協働の調整役と主担当機関のほかは、本人の同意が及ぶ機関だけがこのケースの本人・世帯・支援経過・アセスメントを見られます。同意の撤回は次の操作から反映され、記録は残ります。
      </p>
      {c.consents.length ? (
        <table className="data">
          <caption>同意の記録</caption>
          <thead>
            <tr>
              <th scope="col">本人</th>
              <th scope="col">共有先</th>
              <th scope="col">同意を得た日・方法</th>
              <th scope="col">記録した機関</th>
              <th scope="col">撤回</th>
              {manage ? <th scope="col">操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {c.consents.map((k) => (
              <ConsentRow key={k.id} c={c} k={k} who={nameOf(k.personId)} manage={manage} setNotice={setNotice} />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="notice warning">同意の記録はありません。チームの他の機関には本人の情報は共有されません。</p>
      )}
      {manage ? <RecordConsentForm c={c} members={members} setNotice={setNotice} /> : null}
    </section>
  );
}

function ConsentRow({
  c,
  k,
  who,
  manage,
  setNotice,
}: Omit<ManagedSectionProps, "manage"> & { k: ConsentRecord; who: string; manage: boolean }) {
  const [open, setOpen] = useState(false);
  const draft = useDraft({ withdrawnOn: "", reason: "" });
  const write = useCaseWrite(c, setNotice, {
    request: () => ({
      path: `/consents/${encodeURIComponent(k.id)}/withdrawal`,
      method: "POST",
      body: { withdrawnOn: draft.values.withdrawnOn, reason: draft.values.reason || null },
      done: `${who}の同意の撤回を記録しました。`,
    }),
    invalidates: [caseKeys.records(c.id), caseKeys.assessments(c.id)],
    onFinished: () => setOpen(false),
  });
  const field = draft.fields(write.fields);
  const scope =
    k.scope === "team" ? CONSENT_SCOPE_LABELS.team : k.agencies.map((a) => agencyName(a)).join("、") || "（なし）";
  return (
    <tr>
      <td>{who}</td>
      <td>{scope}</td>
      <td>
        {k.givenOn ? formatEraDate(k.givenOn) : "日付の記録なし"}・{k.methodLabel}
      </td>
      <td>{k.recordedByAgency ? agencyName(k.recordedByAgency) : "（移行した記録）"}</td>
      <td>
        {k.withdrawal
          ? `${formatEraDate(k.withdrawal.withdrawnOn)} 撤回${k.withdrawal.reason ? `（${k.withdrawal.reason}）` : ""}`
          : "同意中"}
      </td>
      {manage ? (
        <td>
          {!k.withdrawal && !open ? (
            <button type="button" className="button secondary small" onClick={() => setOpen(true)}>
              撤回を記録<span className="visually-hidden">（{who}）</span>
            </button>
          ) : null}
          {open ? (
            <form onSubmit={write.onSubmit()} noValidate aria-label={`${who}の同意の撤回`}>
              <ErrorAlert error={write.error} title="記録できませんでした" />
              <TextField label="撤回の申し出があった日" type="date" required {...field("withdrawnOn")} />
              <TextField label="備考" {...field("reason")} />
              <FormButtons onBack={() => setOpen(false)} submit="撤回を記録" busy={write.busy} />
            </form>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}

function RecordConsentForm({
  c,
  members,
  setNotice,
}: Omit<ManagedSectionProps, "manage"> & { members: NonNullable<CaseDetail["household"]>["members"] }) {
  const agencies = useAgencies();
  const initial = {
    personId: c.mainPerson?.personId ?? "",
    scope: "team" as string,
    agencyIds: [] as string[],
    givenOn: "",
    method: "written" as string,
    methodNote: "",
    note: "",
  };
  const draft = useDraft(initial);
  const v = draft.values;
  const { open, show, formRef, openRef } = useInlineForm(
    () => {
      draft.setValues(initial);
      write.clear();
    },
    (form) => form.querySelector("select"),
  );
  const write = useCaseWrite(c, setNotice, {
    request: () => ({
      path: "/consents",
      method: "POST",
      body: {
        personId: v.personId,
        scope: v.scope,
        agencyIds: v.scope === "agencies" ? v.agencyIds : [],
        givenOn: v.givenOn,
        method: v.method,
        methodNote: v.methodNote || null,
        note: v.note || null,
      },
      done: "本人同意を記録しました。",
    }),
    invalidates: [caseKeys.records(c.id), caseKeys.assessments(c.id)],
    onFinished: () => show(false),
  });
  const field = draft.fields(write.fields);
  if (!open)
    return (
      <p>
        <button ref={openRef} type="button" className="button secondary small" onClick={() => show(true)}>
          同意を記録
        </button>
      </p>
    );
  return (
    <form ref={formRef} onSubmit={write.onSubmit()} noValidate aria-label="本人同意の記録">
      <ErrorAlert error={write.error} title="記録できませんでした" />
      <SelectField
        label="同意した人"
        required
        choose
        options={members.map((m) => ({ value: m.personId, label: `${personLabel(m)}（${m.relationship}）` }))}
        {...field("personId")}
      />
      <RadioGroup
        legend="共有先"
        name="consent-scope"
        options={CONSENT_SCOPES.map((s) => ({ value: s, label: CONSENT_SCOPE_LABELS[s] }))}
        {...field("scope")}
      />
      {v.scope === "agencies" ? (
        <CheckboxGroup
          legend="同意を得た機関"
          options={(agencies.data ?? [])
            .filter((a) => a.kind === "public")
            .map((a) => ({ value: a.id, label: a.name }))}
          values={v.agencyIds}
          onChange={(agencyIds) => draft.change({ agencyIds })}
          error={write.fields.agencyIds ?? write.fields["agencyIds.0"]}
        />
      ) : null}
      <div className="form-row">
        <TextField label="同意を得た日" type="date" required {...field("givenOn")} />
      </div>
      <RadioGroup
        legend="同意の方法"
        name="consent-method"
        options={CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD_LABELS[m] }))}
        {...field("method")}
      />
      {v.method === "other" ? <TextField label="方法の説明" required {...field("methodNote")} /> : null}
      <TextField label="備考" inputClassName="wide" {...field("note")} />
      <FormButtons onBack={() => show(false)} submit="同意を記録" busy={write.busy} />
    </form>
  );
}
