import { useId, useState } from "react";
import { NO_FILTER_LABEL, SUGGESTED_ACTUAL_LABEL } from "../../../domain/labels/fed-indicators";
import { MEASURE_FILTER_LABELS } from "../../../domain/labels/measures";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField, TextField } from "../../components/FormField";
import { StaleNotice } from "../../components/StaleNotice";
import { Loading, QueryError } from "../../components/Status";
import { formatDateTime } from "../../format";
import { useDraft } from "../../forms/useDraft";
import { useSubmit } from "../../forms/useSubmit";
import { useIndicatorFeed } from "../../indicatorQueries";
import { isPlanOffice, keys, useSession } from "../../queries";
import type { IndicatorFeed, MeasureLink, MeasureLinkInput, SuggestedActual } from "../../types";

interface Values {
  measureKey: string;
  breakdownRow: string;
  districtId: string;
  agencyId: string;
  projectId: string;
}

const valuesOf = (link: IndicatorFeed["link"]): Values => ({
  measureKey: link?.measureKey ?? "",
  breakdownRow: link?.breakdownRow ?? "",
  districtId: link?.districtId ?? "",
  agencyId: link?.agencyId ?? "",
  projectId: link?.projectId ?? "",
});

/**
 * 「集計値とつなぐ」 on an indicator's page: which computed measure feeds the indicator (its words, its filter) and the
 * suggested actual of every year so far; the plan office chooses the measure and filter, or removes the link.
 */
export function FeedSection({ indicatorId }: { indicatorId: string }) {
  const feed = useIndicatorFeed(indicatorId);
  const session = useSession();
  const headingId = useId();
  // kept here: a saved link has a new version, and the form is built again for it
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby={headingId} className="feed-section">
      <h2 id={headingId}>集計値とつなぐ</h2>
      {feed.isPending ? (
        <Loading />
      ) : feed.error ? (
        <QueryError error={feed.error} />
      ) : (
        <>
          <CurrentLink feed={feed.data} />
          {isPlanOffice(session.data) ? (
            <LinkForm key={feed.data.link?.version ?? 0} feed={feed.data} onDone={setMessage} />
          ) : null}
          <div aria-live="polite" className="no-print">
            {message ? <p className="notice success">{message}</p> : null}
          </div>
          {feed.data.link ? <SuggestionTable suggestions={feed.data.suggestions} /> : null}
        </>
      )}
    </section>
  );
}

function CurrentLink({ feed }: { feed: IndicatorFeed }) {
  if (!feed.link) {
    return <p>この指標は集計値とつながっていません。実績は担当課が入力します。</p>;
  }
  return (
    <dl className="summary-list">
      <dt>集計値</dt>
      <dd>{feed.link.measureLabel}</dd>
      <dt>定義</dt>
      <dd>{feed.link.definition}</dd>
      <dt>絞り込み</dt>
      <dd>{feed.link.filterLabel}</dd>
    </dl>
  );
}

function LinkForm({ feed, onDone }: { feed: IndicatorFeed; onDone: (message: string | null) => void }) {
  const { values, change, fields } = useDraft<Values>(() => valuesOf(feed.link));
  const invalidates = [keys.feed(feed.indicatorId), ["indicators"]];
  const save = useSubmit({
    send: (v: Values) =>
      api<{ link: MeasureLink }>(`/api/indicators/${encodeURIComponent(feed.indicatorId)}/measure-link`, {
        method: "PUT",
        body: {
          measureKey: v.measureKey as MeasureLinkInput["measureKey"],
          breakdownRow: v.breakdownRow || null,
          districtId: v.districtId || null,
          agencyId: v.agencyId || null,
          projectId: v.projectId || null,
        } satisfies MeasureLinkInput,
        version: feed.link?.version ?? 0,
      }),
    invalidates,
    onDone: () => onDone("集計値とつなぎました。"),
  });
  const remove = useSubmit({
    send: () =>
      api(`/api/indicators/${encodeURIComponent(feed.indicatorId)}/measure-link`, {
        method: "DELETE",
        version: feed.link?.version ?? 0,
      }),
    invalidates,
    onDone: () => onDone("集計値とのつなぎを外しました。"),
  });
  const field = fields(save.fields);
  const measure = feed.catalogue.find((m) => m.key === values.measureKey);
  const choose = (measureKey: string) =>
    change({ measureKey, breakdownRow: "", districtId: "", agencyId: "", projectId: "" });

  return (
    <form
      className="feed-form no-print"
      onSubmit={(e) => {
        onDone(null);
        save.onSubmit(values)(e);
      }}
      noValidate
      aria-label="集計値とつなぐ"
    >
      {save.stale || remove.stale ? (
        <StaleNotice onReload={() => window.location.reload()} />
      ) : (
        <ErrorAlert error={save.error ?? remove.error} />
      )}
      <SelectField
        label="集計値"
        required
        value={values.measureKey}
        onChange={choose}
        error={save.fields.measureKey}
        choose
        options={feed.catalogue.map((m) => ({ value: m.key, label: m.label }))}
      />
      {measure ? <p className="small">定義: {measure.definition}</p> : null}
      {measure?.rows === null ? (
        <TextField label="内訳（相談の分類）" required {...field("breakdownRow")} />
      ) : measure && measure.rows.length > 0 ? (
        <SelectField
          label="内訳"
          {...field("breakdownRow")}
          options={[{ value: "", label: "合計" }, ...measure.rows.map((r) => ({ value: r.key, label: r.label }))]}
        />
      ) : null}
      {measure?.filters.includes("district") ? (
        <SelectField
          label={MEASURE_FILTER_LABELS.district}
          {...field("districtId")}
          options={[
            { value: "", label: NO_FILTER_LABEL },
            ...feed.choices.districts.map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
      ) : null}
      {measure?.filters.includes("agency") ? (
        <SelectField
          label={MEASURE_FILTER_LABELS.agency}
          {...field("agencyId")}
          options={[
            { value: "", label: NO_FILTER_LABEL },
            ...feed.choices.agencies.map((a) => ({ value: a.id, label: a.name })),
          ]}
        />
      ) : null}
      {measure?.filters.includes("project") && feed.choices.projects.length > 0 ? (
        <SelectField
          label={MEASURE_FILTER_LABELS.project}
          {...field("projectId")}
          options={[
            { value: "", label: NO_FILTER_LABEL },
            ...feed.choices.projects.map((p) => ({ value: p.id, label: `${p.number}. ${p.name}` })),
          ]}
        />
      ) : null}
      <div className="page-actions">
        <button type="submit" className="button" disabled={save.busy}>
          {save.busy ? "保存しています…" : "集計値とつなぐ"}
        </button>
        {feed.link ? (
          <button type="button" className="button secondary" disabled={remove.busy} onClick={() => void remove.run()}>
            つなぎを外す
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The suggested actual of each year: a count only, suppressed as the plan side reads the statistics. */
export function SuggestionTable({ suggestions }: { suggestions: SuggestedActual[] }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>年度ごとの{SUGGESTED_ACTUAL_LABEL}（集計値から）</caption>
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col" className="num">
              {SUGGESTED_ACTUAL_LABEL}
            </th>
            <th scope="col">集計</th>
            <th scope="col">計算日時</th>
          </tr>
        </thead>
        <tbody>
          {suggestions.map((s) => (
            <tr key={s.fiscalYear}>
              <th scope="row">{s.fiscalYearLabel}</th>
              <td className="num">
                {s.display}
                {s.unit && s.state === "shown" ? s.unit : ""}
              </td>
              <td>
                {s.sourceLabel}
                {s.notAcceptableReason ? <span className="small muted block">{s.notAcceptableReason}</span> : null}
              </td>
              <td>{s.computedAt ? formatDateTime(s.computedAt) : "－"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
