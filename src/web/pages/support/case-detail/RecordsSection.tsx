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
import { useDraft } from "../../../support/useDraft";

import type { CaseSectionProps } from "./useCaseWrite";

export function RecordsSection({ c, setNotice }: CaseSectionProps) {
  const records = useCaseRecords(c.id, true);
  const record = useDraft(() => ({ kind: RECORD_KINDS[0] as string, date: todayIso(), text: "", visibility: "team" }));
  const save = useSubmit({
    send: () =>
      api(`/api/cases/${encodeURIComponent(c.id)}/records`, {
        method: "POST",
        body: record.values,
      }),
    invalidates: [caseKeys.records(c.id)],
    onDone: () => {
      record.change({ text: "" });
      setNotice({ kind: "success", text: "支援経過を記録しました。" });
    },
  });
  const field = record.fields(save.fields);
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
        <ErrorAlert error={save.error} title="記録できませんでした" />
        <div className="form-row">
          <SelectField label="種別" options={RECORD_KINDS.map((k) => ({ value: k, label: k }))} {...field("kind")} />
          <TextField label="実施日" type="date" required {...field("date")} />
        </div>
        <TextAreaField label="内容" required rows={4} {...field("text")} />
        <RadioGroup
          legend="公開範囲"
          name="record-visibility"
          options={RECORD_VISIBILITIES.map((v) => ({ value: v, label: VISIBILITY_LABELS[v] }))}
          hint="チーム全体の記録も、本人同意がないあいだは他の機関には見えません。"
          {...field("visibility")}
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
