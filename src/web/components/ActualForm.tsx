import { useId, useState } from "react";
import { ApiError, api } from "../api";
import { useSubmit } from "../forms/useSubmit";
import type { ActualKind, ActualSaved, IndicatorActual, IndicatorYear, MilestoneStep } from "../types";
import { SelectField, TextAreaField } from "./FormField";
import { indicatorLabel } from "./Indicators";
import { IndicatorYearForm, type KeptEntry, keptEntries } from "./IndicatorYearForm";

interface Values {
  value: string;
  step: string;
  text: string;
  comment: string;
}

/** How the actual is entered: the kind of the saved actual, else what the year's target asks for. */
export function actualKindOf(indicator: IndicatorYear): ActualKind {
  if (indicator.actual) return indicator.actual.kind;
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
};

function valuesOf(a: IndicatorActual | null): Values {
  return {
    value: a?.kind === "number" && a.value !== null ? String(a.value) : "",
    step: a?.kind === "milestone" ? (a.step ?? "") : "",
    text: a?.kind === "text" ? (a.text ?? "") : "",
    comment: a?.comment ?? "",
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
  const [values, setValues] = useState<Values>(() => valuesOf(indicator.actual));
  const [kept, setKept] = useState<KeptEntry[]>([]);
  const valueId = useId();
  const hintId = useId();
  const errorId = useId();
  const set = (k: keyof Values) => (v: string) => setValues((s) => ({ ...s, [k]: v }));
  const unit = indicator.target?.typed.kind === "numeric" ? indicator.target.typed.unit : "";
  const save = useSubmit({
    send: (typed: Values) =>
      api<ActualSaved>(`/api/indicators/${encodeURIComponent(indicator.id)}/actuals/${indicator.fiscalYear}`, {
        method: "PUT",
        body:
          kind === "number"
            ? { kind, value: typed.value, comment: typed.comment }
            : kind === "milestone"
              ? { kind, step: typed.step, comment: typed.comment }
              : { kind, text: typed.text, comment: typed.comment },
        version: base?.version ?? 0,
      }),
    onDone: async (result) => {
      setBase(result.actual);
      await onSaved(result);
    },
  });
  const fields = save.fields;

  const reloadLatest = async () => {
    const fresh = await reload();
    const latest = fresh?.actual ?? null;
    const next = valuesOf(latest);
    setKept(keptEntries(LABELS, values, valuesOf(base), next));
    setBase(latest);
    setValues(next);
    save.clear();
  };

  const describedBy = [hintId, fields.value ? errorId : null].filter(Boolean).join(" ");

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
          <div className="field">
            <label htmlFor={valueId}>
              {LABELS.value}
              <span className="required">必須</span>
            </label>
            <span id={hintId} className="hint">
              数字で入力します（全角も可。例: 1,200 または １，２００）
            </span>
            {fields.value ? (
              <span id={errorId} className="field-error">
                {fields.value}
              </span>
            ) : null}
            <span className="input-with-unit">
              <input
                id={valueId}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                className="short"
                value={values.value}
                onChange={(e) => set("value")(e.target.value)}
                aria-required
                aria-invalid={fields.value ? true : undefined}
                aria-describedby={describedBy}
              />
              {unit ? <span aria-hidden="true">{unit.replace(/\/(年|月|週|日)$/, "（$1あたり）")}</span> : null}
            </span>
            {unit ? <span className="visually-hidden">単位: {unit}</span> : null}
          </div>
        ) : null}
        {kind === "milestone" ? (
          <SelectField
            label={LABELS.step}
            required
            value={values.step}
            onChange={set("step")}
            error={fields.step}
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
      {kind === "text" ? (
        <TextAreaField
          label={LABELS.text}
          required
          value={values.text}
          onChange={set("text")}
          error={fields.text}
          rows={3}
        />
      ) : null}
      <TextAreaField
        label={`${LABELS.comment}（任意）`}
        value={values.comment}
        onChange={set("comment")}
        error={fields.comment}
        rows={2}
      />
    </IndicatorYearForm>
  );
}
