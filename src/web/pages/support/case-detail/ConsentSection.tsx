import { useRef, useState } from "react";
import { CASE_CONSENTS, CONSENT_LABELS } from "../../../../domain/labels/support";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { TextField } from "../../../components/FormField";
import { formatEraDate } from "../../../format";
import { RadioGroup } from "../../../support/components";
import { caseKeys } from "../../../support/queries";
import type { CaseDetail } from "../../../types";

import { HistoryTable } from "./HistoryTable";
import { type Notice, useCaseWrite } from "./useCaseWrite";

export function ConsentSection({
  c,
  manage,
  setNotice,
}: {
  c: CaseDetail;
  manage: boolean;
  setNotice: (n: Notice) => void;
}) {
  const [open, setOpen] = useState(false);
  const [consent, setConsent] = useState(c.consent);
  const [consentDate, setConsentDate] = useState("");
  const [consentMethod, setConsentMethod] = useState("");
  const [reason, setReason] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  // what the team may read depends on the consent: the records and assessments are read again with the case
  // (their keys sit under the case's)
  const write = useCaseWrite(c, setNotice, {
    request: () => ({
      path: "/consent",
      method: "POST",
      body: { consent, consentDate: consentDate || null, consentMethod: consentMethod || null, reason: reason || null },
      done: `本人同意を「${CONSENT_LABELS[consent as keyof typeof CONSENT_LABELS] ?? consent}」にしました。`,
    }),
    invalidates: [caseKeys.records(c.id), caseKeys.assessments(c.id)],
    onFinished: () => show(false),
  });
  const fields = write.fields;
  // the form takes the focus when it opens; the button gets it back when it closes
  const show = (on: boolean) => {
    setOpen(on);
    if (on) {
      setConsent(c.consent);
      write.clear();
    }
    requestAnimationFrame(() =>
      on
        ? (
            formRef.current?.querySelector<HTMLInputElement>("input:checked") ?? formRef.current?.querySelector("input")
          )?.focus()
        : openRef.current?.focus(),
    );
  };
  return (
    <section aria-labelledby="consent-heading">
      <h2 id="consent-heading">本人同意（チーム内での情報共有）</h2>
      <p className="small">
        本人の同意があるときだけ、チームの他の機関もこのケースの支援経過（チーム全体に公開したもの）とアセスメントを見られ、同意がないあいだは記録した機関と多機関協働の調整役だけが見られます。
      </p>
      <p>
        現在: <strong>{c.consentLabel}</strong>
        {c.consentDate ? `（${formatEraDate(c.consentDate)}${c.consentMethod ? `・${c.consentMethod}` : ""}）` : null}
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
            value={consent}
            options={CASE_CONSENTS.map((k) => ({ value: k, label: CONSENT_LABELS[k] }))}
            onChange={setConsent}
            error={fields.consent}
          />
          <div className="form-row">
            <TextField
              label={consent === "withdrawn" ? "撤回の申し出があった日" : "同意を得た日"}
              type="date"
              value={consentDate}
              onChange={setConsentDate}
              error={fields.consentDate}
            />
            <TextField
              label="確認の方法"
              hint="書面・口頭など"
              value={consentMethod}
              onChange={setConsentMethod}
              error={fields.consentMethod}
            />
          </div>
          <TextField label="備考" value={reason} onChange={setReason} inputClassName="wide" error={fields.reason} />
          <div className="support-actions">
            <button type="button" className="button secondary" onClick={() => show(false)}>
              キャンセル
            </button>
            <button type="submit" className="button" disabled={write.busy}>
              本人同意を保存
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
