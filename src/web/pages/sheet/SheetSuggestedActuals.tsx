import { useId, useState } from "react";
import { SUGGESTED_ACTUAL_LABEL } from "../../../domain/labels/fed-indicators";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextAreaField, TextField } from "../../components/FormField";
import { indicatorLabel } from "../../components/Indicators";
import { IndicatorYearForm } from "../../components/IndicatorYearForm";
import { Loading, QueryError } from "../../components/Status";
import { formatDateTime } from "../../format";
import { useDraft } from "../../forms/useDraft";
import { useSubmit } from "../../forms/useSubmit";
import { useSheetSuggestions } from "../../indicatorQueries";
import type { ActualInput, ActualSaved, IndicatorYear, Sheet, SheetSuggestions } from "../../types";

type Suggested = SheetSuggestions["suggestions"][number];

/**
 * 「集計値からの提案値」 on the 評価表: for each of the sheet's indicators fed by a computed measure, the year's count
 * (a count only, suppressed for the plan side), what it counts and when; whoever enters the actual accepts it, or
 * enters another value with the reason it differs.
 */
export function SheetSuggestedActuals({
  sheet,
  canEnter,
  onActualSaved,
}: {
  sheet: Sheet;
  /** the caller may enter the sheet's actuals (not a viewer) */
  canEnter: boolean;
  /** refreshes the sheet's indicators after an actual was written */
  onActualSaved: () => Promise<void>;
}) {
  const suggestions = useSheetSuggestions(sheet.id);
  const headingId = useId();
  if (suggestions.isPending) return <Loading />;
  if (suggestions.error) return <QueryError error={suggestions.error} />;
  if (suggestions.data.suggestions.length === 0) return null;
  const byId = new Map((sheet.indicators ?? []).map((i) => [i.id, i]));
  return (
    <section className="sheet-suggestions" aria-labelledby={headingId}>
      <h2 id={headingId}>集計値からの{SUGGESTED_ACTUAL_LABEL}</h2>
      <p className="small muted">
        支援の記録から数えた件数です（個人は含みません）。少ない件数は秘匿して表示します。{SUGGESTED_ACTUAL_LABEL}
        と異なる実績とするときは理由を記入します。
      </p>
      {suggestions.data.suggestions.map((s) => {
        const indicator = byId.get(s.indicatorId);
        return indicator ? (
          <SuggestionRow
            key={s.indicatorId}
            suggestion={s}
            indicator={indicator}
            canEnter={canEnter}
            onSaved={onActualSaved}
          />
        ) : null;
      })}
    </section>
  );
}

function SuggestionRow({
  suggestion: s,
  indicator,
  canEnter,
  onSaved,
}: {
  suggestion: Suggested;
  indicator: IndicatorYear;
  canEnter: boolean;
  onSaved: () => Promise<void>;
}) {
  const [entering, setEntering] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const name = indicatorLabel(indicator.name);
  const accept = useSubmit({
    send: () =>
      api<ActualSaved>(
        `/api/indicators/${encodeURIComponent(s.indicatorId)}/actuals/${s.fiscalYear}/accept-suggestion`,
        {
          method: "POST",
          version: indicator.actual?.version ?? 0,
        },
      ),
    invalidates: [["indicators"]],
    onDone: async () => {
      await onSaved();
      setMessage(`${SUGGESTED_ACTUAL_LABEL}を実績として保存しました。`);
    },
  });
  const fed = indicator.actual?.fed ?? null;
  return (
    <div className="suggestion">
      <h3>{name}</h3>
      <dl className="summary-list">
        <dt>
          {SUGGESTED_ACTUAL_LABEL}（{s.fiscalYearLabel}）
        </dt>
        <dd>
          <strong>
            {s.display}
            {s.state === "shown" && s.unit ? s.unit : ""}
          </strong>
          <span className="small muted">
            （{s.sourceLabel}
            {s.computedAt ? `、${formatDateTime(s.computedAt)} 計算` : ""}）
          </span>
        </dd>
        <dt>集計値</dt>
        <dd>
          {s.label}
          <span className="small muted block">{s.definition}</span>
        </dd>
        <dt>絞り込み</dt>
        <dd>{s.filterLabel ?? "－"}</dd>
        <dt>現在の実績</dt>
        <dd>
          {indicator.actual ? indicator.actual.display : "未入力"}
          {fed ? (
            <span className="small muted block">
              {fed.decisionLabel}
              {fed.reason ? `（理由: ${fed.reason}）` : ""}
            </span>
          ) : null}
        </dd>
      </dl>
      {s.notAcceptableReason ? <p className="notice">{s.notAcceptableReason}</p> : null}
      {canEnter ? (
        <div className="no-print">
          <ErrorAlert error={accept.error} />
          {!entering ? (
            <div className="page-actions">
              {s.acceptable ? (
                <button
                  type="button"
                  className="button"
                  disabled={accept.busy}
                  aria-label={`「${name}」の${SUGGESTED_ACTUAL_LABEL}（${s.display}）を実績として採用`}
                  onClick={() => {
                    setMessage(null);
                    void accept.run();
                  }}
                >
                  {accept.busy ? "保存しています…" : `${SUGGESTED_ACTUAL_LABEL}を採用`}
                </button>
              ) : null}
              <button
                type="button"
                className="button secondary"
                aria-label={`「${name}」に${SUGGESTED_ACTUAL_LABEL}と異なる実績を入力`}
                onClick={() => {
                  setMessage(null);
                  setEntering(true);
                }}
              >
                別の値を入力
              </button>
            </div>
          ) : (
            <OtherValueForm
              suggestion={s}
              indicator={indicator}
              onCancel={() => setEntering(false)}
              onSaved={async () => {
                await onSaved();
                setEntering(false);
                setMessage("実績を保存しました。");
              }}
            />
          )}
          <div aria-live="polite">{message ? <p className="notice success">{message}</p> : null}</div>
        </div>
      ) : null}
    </div>
  );
}

interface OtherValues {
  value: string;
  suggestionReason: string;
}

/** Another number than the suggestion, with its reason (the server asks for it when the suggestion is shown). */
function OtherValueForm({
  suggestion: s,
  indicator,
  onCancel,
  onSaved,
}: {
  suggestion: Suggested;
  indicator: IndicatorYear;
  onCancel: () => void;
  onSaved: () => Promise<void>;
}) {
  const { values, fields } = useDraft<OtherValues>(() => ({
    value:
      indicator.actual?.value !== null && indicator.actual?.value !== undefined ? String(indicator.actual.value) : "",
    suggestionReason: indicator.actual?.fed?.reason ?? "",
  }));
  const save = useSubmit({
    send: (v: OtherValues) =>
      api<ActualSaved>(`/api/indicators/${encodeURIComponent(s.indicatorId)}/actuals/${s.fiscalYear}`, {
        method: "PUT",
        body: {
          kind: "number",
          value: v.value,
          suggestionReason: v.suggestionReason,
          comment: indicator.actual?.comment ?? null,
        } satisfies ActualInput,
        version: indicator.actual?.version ?? 0,
      }),
    invalidates: [["indicators"]],
    onDone: onSaved,
  });
  const field = fields(save.fields);
  return (
    <IndicatorYearForm
      className="actual-form"
      label={`「${indicatorLabel(indicator.name)}」の実績（${s.fiscalYearLabel}）`}
      save={save}
      errorTitle="実績を保存できませんでした"
      onReload={onSaved}
      kept={[]}
      onDismissKept={() => undefined}
      onSubmit={save.onSubmit(values)}
      onCancel={onCancel}
      submitLabel="実績を保存"
    >
      <TextField label="実績値" required inputMode="numeric" hint="数字で入力します（全角も可）" {...field("value")} />
      <TextAreaField
        label={`${SUGGESTED_ACTUAL_LABEL}と異なる理由`}
        required={s.acceptable}
        hint={s.acceptable ? `${SUGGESTED_ACTUAL_LABEL}（${s.display}）と異なる値にするときは必須です` : undefined}
        rows={2}
        {...field("suggestionReason")}
      />
    </IndicatorYearForm>
  );
}
