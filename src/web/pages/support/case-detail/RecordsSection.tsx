import { useState } from "react";
import { RECORD_VISIBILITIES, VISIBILITY_LABELS } from "../../../../domain/labels/support";
import { RECORD_KINDS } from "../../../../server/modules/cases/schema";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SelectField, TextAreaField, TextField } from "../../../components/FormField";
import { Loading, QueryError } from "../../../components/Status";
import { formatEraDate, todayIso } from "../../../format";
import { useSubmit } from "../../../forms/useSubmit";
import { RadioGroup } from "../../../support/components";
import { caseKeys, useCaseRecords } from "../../../support/queries";
import type { CaseDetail } from "../../../types";

import type { Notice } from "./useCaseWrite";

export function RecordsSection({ c, setNotice }: { c: CaseDetail; setNotice: (n: Notice) => void }) {
  const records = useCaseRecords(c.id, true);
  const [kind, setKind] = useState<string>(RECORD_KINDS[0]);
  const [date, setDate] = useState(todayIso());
  const [text, setText] = useState("");
  const [visibility, setVisibility] = useState("team");
  const save = useSubmit({
    send: () =>
      api(`/api/cases/${encodeURIComponent(c.id)}/records`, {
        method: "POST",
        body: { kind, date, text, visibility },
      }),
    invalidates: [caseKeys.records(c.id)],
    onDone: () => {
      setText("");
      setNotice({ kind: "success", text: "支援経過を記録しました。" });
    },
  });
  const { error, fields } = save;
  const rows = records.data ? [...records.data.records].sort((a, b) => b.date.localeCompare(a.date)) : [];
  return (
    <section aria-labelledby="records-heading">
      <h2 id="records-heading">支援経過</h2>
      {records.isPending ? <Loading /> : null}
      {records.error ? <QueryError error={records.error} /> : null}
      {records.data && !records.data.sharedWithTeam ? (
        <p className="small">本人同意がないため、あなたの機関の記録だけを表示しています。</p>
      ) : null}
      {records.data ? (
        rows.length ? (
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">支援経過（新しい順）</caption>
              <thead>
                <tr>
                  <th scope="col">実施日</th>
                  <th scope="col">種別</th>
                  <th scope="col">機関</th>
                  <th scope="col">公開範囲</th>
                  <th scope="col">内容</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap">{formatEraDate(r.date)}</td>
                    <td>{r.kind}</td>
                    <td>{r.agency.name}</td>
                    <td>{r.visibilityLabel}</td>
                    <td className="pre-wrap">{r.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>表示できる支援経過はありません。</p>
        )
      ) : null}
      <form onSubmit={save.onSubmit()} noValidate aria-labelledby="record-form-heading">
        <h3 id="record-form-heading">支援経過を記録する</h3>
        <ErrorAlert error={error} title="記録できませんでした" />
        <div className="form-row">
          <SelectField
            label="種別"
            value={kind}
            onChange={setKind}
            options={RECORD_KINDS.map((k) => ({ value: k, label: k }))}
            error={fields.kind}
          />
          <TextField label="実施日" type="date" required value={date} onChange={setDate} error={fields.date} />
        </div>
        <TextAreaField label="内容" required rows={4} value={text} onChange={setText} error={fields.text} />
        <RadioGroup
          legend="公開範囲"
          name="record-visibility"
          value={visibility}
          options={RECORD_VISIBILITIES.map((v) => ({ value: v, label: VISIBILITY_LABELS[v] }))}
          onChange={setVisibility}
          hint="チーム全体の記録も、本人同意がないあいだは他の機関には見えません。"
          error={fields.visibility}
        />
        <p>
          <button type="submit" className="button" disabled={save.busy}>
            記録する
          </button>
        </p>
      </form>
    </section>
  );
}
