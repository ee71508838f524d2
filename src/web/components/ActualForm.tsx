import { useState } from "react";
import { ACTUAL_KINDS } from "../../server/modules/indicators/schema";
import { ApiError, api } from "../api";
import { draftFields, useDraft } from "../forms/useDraft";
import { useSubmit } from "../forms/useSubmit";
import type { ActualInput, ActualKind, ActualSaved, IndicatorActual, IndicatorYear, MilestoneStep } from "../types";
import { Field, SelectField, TextAreaField } from "./FormField";
import { indicatorLabel } from "./Indicators";
import { IndicatorYearForm, type KeptEntry, keptEntries } from "./IndicatorYearForm";

interface Values {
  value: string;
  step: string;
  text: string;
  comment: string;
  suggestionReason: string;
}

/** How the actual is entered: the kind of the saved actual, else what the year's target asks for. */
export function actualKindOf(indicator: IndicatorYear): ActualKind {
  const saved = ACTUAL_KINDS.find((k) => k === indicator.actual?.kind);
  if (saved) return saved;
  const kind = indicator.target?.typed.kind;
  if (kind === "numeric") return "number";
  if (kind === "milestone") return "milestone";
  return "text";
}

const LABELS: Record<keyof Values, string> = {
  value: "実績値",
  step: "到達した段階",
  text: "実績",
  comment: "コメント",
  suggestionReason: "提案値と異なる理由",
};

function valuesOf(a: IndicatorActual | null): Values {
  return {
    value: a?.kind === "number" && a.value !== null ? String(a.value) : "",
    step: a?.kind === "milestone" ? (a.step ?? "") : "",
    text: a?.kind === "text" ? (a.text ?? "") : "",
    comment: a?.comment ?? "",
    suggestionReason: a?.fed?.reason ?? "",
  };
}

/**
 * 実績を入力: one indicator's actual of one fiscal year. A number (full-width digits and commas are accepted: the
 * server reads "１，２００"), a stage of the plan's ladder, or text, with a comment. Saved with If-Match (0 when the
 * year has no actual yet); 412 keeps what was typed visible, as on the 評価表.
 */
export function ActualForm({
  indicator,
  fiscalYearLabel,
  steps,
  onSaved,
  onCancel,
  reload,
}: {
  indicator: IndicatorYear;
  fiscalYearLabel: string;
  steps: MilestoneStep[];
  onSaved: (result: ActualSaved) => void | Promise<void>;
  onCancel: () => void;
  /** fetches the latest state of this indicator (after a 412) */
  reload: () => Promise<IndicatorYear | undefined>;
}) {
  const kind = actualKindOf(indicator);
  const [base, setBase] = useState<IndicatorActual | null>(indicator.actual);
  const { values, setValues, change } = useDraft<Values>(() => valuesOf(indicator.actual));
  const [kept, setKept] = useState<KeptEntry[]>([]);
  const unit = indicator.target?.typed.kind === "numeric" ? indicator.target.typed.unit : "";
  const save = useSubmit({
    send: (typed: Values) =>
      api<ActualSaved>(`/api/indicators/${encodeURIComponent(indicator.id)}/actuals/${indicator.fiscalYear}`, {
        method: "PUT",
        body: {
          ...(kind === "number"
            ? { kind, value: typed.value }
            : kind === "milestone"
              ? { kind, step: typed.step }
              : { kind, text: typed.text }),
          comment: typed.comment,
          suggestionReason: typed.suggestionReason,
        } satisfies ActualInput,
        version: base?.version ?? 0,
      }),
    onDone: async (result) => {
      setBase(result.actual);
      await onSaved(result);
    },
  });
  const fields = save.fields;
  const field = draftFields(values, change, fields);
  // an indicator fed by a computed measure: the server asks for the reason when the value differs from its suggestion
  const asksReason = Boolean(fields.suggestionReason) || Boolean(indicator.actual?.fed);

  const reloadLatest = async () => {
    const fresh = await reload();
    const latest = fresh?.actual ?? null;
    const next = valuesOf(latest);
    setKept(keptEntries(LABELS, values, valuesOf(base), next));
    setBase(latest);
    setValues(next);
    save.clear();
  };

  return (
    <IndicatorYearForm
      className="actual-form"
      label={`「${indicatorLabel(indicator.name)}」の実績（${fiscalYearLabel}）`}
      save={save}
      errorTitle={save.error instanceof ApiError ? "実績を保存できませんでした" : undefined}
      onReload={reloadLatest}
      kept={kept}
      onDismissKept={() => setKept([])}
      onSubmit={save.onSubmit(values)}
      onCancel={onCancel}
      submitLabel="実績を保存"
    >
      <p className="small">
        目標（{fiscalYearLabel}）: <strong>{indicator.target ? indicator.target.formatted : "設定なし"}</strong>
      </p>
      <div className="form-row">
        {kind === "number" ? (
          <Field
            field={{
              label: LABELS.value,
              required: true,
              hint: "数字で入力します（全角も可。例: 1,200 または １，２００）",
              error: fields.value,
            }}
            control={(control) => (
              <>
                <span className="input-with-unit">
                  <input
                    {...control}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    className="short"
                    value={values.value}
                    onChange={(e) => change({ value: e.target.value })}
                  />
                  {unit ? <span aria-hidden="true">{unit.replace(/\/(年|月|週|日)$/, "（$1あたり）")}</span> : null}
                </span>
                {unit ? <span className="visually-hidden">単位: {unit}</span> : null}
              </>
            )}
          />
        ) : null}
        {kind === "milestone" ? (
          <SelectField
            label={LABELS.step}
            required
            {...field("step")}
            choose
            options={[
              ...steps.map((s) => ({ value: s.label, label: s.label })),
              ...(values.step && !steps.some((s) => s.label === values.step)
                ? [{ value: values.step, label: values.step }]
                : []),
            ]}
          />
        ) : null}
      </div>
      {kind === "text" ? <TextAreaField label={LABELS.text} required {...field("text")} rows={3} /> : null}
      {asksReason ? <TextAreaField label={LABELS.suggestionReason} {...field("suggestionReason")} rows={2} /> : null}
      <TextAreaField label={`${LABELS.comment}（任意）`} {...field("comment")} rows={2} />
    </IndicatorYearForm>
  );
}
