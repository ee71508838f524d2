import { CASE_CONSENTS, CONSENT_LABELS } from "../../../../domain/labels/support";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { TextField } from "../../../components/FormField";
import { formatEraDate } from "../../../format";
import { consentDetail, consentLabel, FormButtons, RadioGroup } from "../../../support/components";
import { caseKeys } from "../../../support/queries";
import { useDraft } from "../../../support/useDraft";

import { HistoryTable } from "./HistoryTable";
import { type ManagedSectionProps, useCaseWrite } from "./useCaseWrite";
import { useInlineForm } from "./useInlineForm";

export function ConsentSection({ c, manage, setNotice }: ManagedSectionProps) {
  const draft = useDraft({ consent: c.consent, consentDate: "", consentMethod: "", reason: "" });
  const { consent, consentDate, consentMethod, reason } = draft.values;
  // the form opens on the consent the case has now, with the focus on its radio button
  const { open, show, formRef, openRef } = useInlineForm(
    () => {
      draft.change({ consent: c.consent });
      write.clear();
    },
    (form) => form.querySelector<HTMLInputElement>("input:checked") ?? form.querySelector("input"),
  );
  // what the team may read depends on the consent: the records and assessments are read again with the case
  // (their keys sit under the case's)
  const write = useCaseWrite(c, setNotice, {
    request: () => ({
      path: "/consent",
      method: "POST",
      body: { consent, consentDate: consentDate || null, consentMethod: consentMethod || null, reason: reason || null },
      done: `本人同意を「${consentLabel(consent)}」にしました。`,
    }),
    invalidates: [caseKeys.records(c.id), caseKeys.assessments(c.id)],
    onFinished: () => show(false),
  });
  const field = draft.fields(write.fields);
  return (
    <section aria-labelledby="consent-heading">
      <h2 id="consent-heading">本人同意（チーム内での情報共有）</h2>
      <p className="small">
        本人の同意があるときだけ、チームの他の機関もこのケースの支援経過（チーム全体に公開したもの）とアセスメントを見られ、同意がないあいだは記録した機関と多機関協働の調整役だけが見られます。
      </p>
      <p>
        現在: <strong>{c.consentLabel}</strong>
        {c.consentDate ? consentDetail(c.consentDate, c.consentMethod) : null}
      </p>
      {c.consent !== "given" ? (
        <p className="notice warning">
          同意がないため、チームの他の機関の支援経過とアセスメントは共有されません（自機関の記録だけが見えます）。
        </p>
      ) : null}
      {c.consentHistory.length ? (
        <HistoryTable
          caption="本人同意の履歴"
          events={c.consentHistory}
          atHeader="記録日時"
          byHeader="記録した機関"
          reasonHeader="備考"
          columns={[
            { header: "本人同意", cell: (h) => h.consentLabel },
            { header: "日付", cell: (h) => (h.consentDate ? formatEraDate(h.consentDate) : null), nowrap: true },
            { header: "確認の方法", cell: (h) => h.consentMethod },
          ]}
        />
      ) : null}
      {manage && !open ? (
        <p>
          <button ref={openRef} type="button" className="button secondary small" onClick={() => show(true)}>
            本人同意を更新
          </button>
        </p>
      ) : null}
      {manage && open ? (
        <form ref={formRef} onSubmit={write.onSubmit()} noValidate aria-label="本人同意の更新">
          <ErrorAlert error={write.error} title="更新できませんでした" />
          <RadioGroup
            legend="本人同意"
            name="case-consent"
            options={CASE_CONSENTS.map((k) => ({ value: k, label: CONSENT_LABELS[k] }))}
            {...field("consent")}
          />
          <div className="form-row">
            <TextField
              label={consent === "withdrawn" ? "撤回の申し出があった日" : "同意を得た日"}
              type="date"
              {...field("consentDate")}
            />
            <TextField label="確認の方法" hint="書面・口頭など" {...field("consentMethod")} />
          </div>
          <TextField label="備考" inputClassName="wide" {...field("reason")} />
          <FormButtons onBack={() => show(false)} submit="本人同意を保存" busy={write.busy} />
        </form>
      ) : null}
    </section>
  );
}
