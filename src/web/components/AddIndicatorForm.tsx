import { useEffect, useId, useRef, useState } from "react";
import { INDICATOR_KIND_LABELS, type IndicatorKind } from "../../domain/labels/indicators";
import { ApiError, api } from "../api";
import { fyLabel } from "../format";
import { useSubmit } from "../forms/useSubmit";
import { planUrl, usePlan } from "../planQueries";
import type { IndicatorInput } from "../types";
import { ErrorAlert } from "./ErrorAlert";
import { SelectField, TextField } from "./FormField";
import { Loading, QueryError } from "./Status";

const KINDS = Object.keys(INDICATOR_KIND_LABELS) as IndicatorKind[];

/**
 * 指標を追加 (plan office): an indicator of one item of the plan, with its baseline and one target text per fiscal
 * year of the plan (as written in the plan: "15事業者以上", "試行実施", "適宜"; blank years get no target).
 * POST /api/plans/:planId/indicators; the server's field messages are shown next to their fields.
 */
export function AddIndicatorForm({
  planId,
  onCreated,
  onCancel,
}: {
  planId: string;
  onCreated: (name: string) => void;
  onCancel: () => void;
}) {
  // an indicator is added to an item of the working copy (the draft may have added the item)
  const planQuery = usePlan(planId, { draft: true });
  const titleId = useId();
  const [itemId, setItemId] = useState("");
  const [kind, setKind] = useState<IndicatorKind>("activity");
  const [name, setName] = useState("");
  const [baselineSource, setBaselineSource] = useState("");
  const [baselineFiscalYear, setBaselineFiscalYear] = useState("");
  const [targets, setTargets] = useState<Record<number, string>>({});
  const save = useSubmit({
    send: (body: IndicatorInput) =>
      api<{ indicator: { id: string; name: string } }>(planUrl(planId, "/indicators"), {
        method: "POST",
        body,
      }),
    invalidates: [["indicators"], ["revisions"]],
    onDone: (result) => onCreated(result.indicator.name),
  });
  const formRef = useRef<HTMLFormElement>(null);
  const loaded = Boolean(planQuery.data);

  useEffect(() => {
    if (loaded) formRef.current?.querySelector<HTMLElement>("select, input")?.focus();
  }, [loaded]);

  if (planQuery.isPending) return <Loading />;
  if (planQuery.error) return <QueryError error={planQuery.error} />;
  const { plan, items } = planQuery.data;
  const years: number[] = [];
  for (let y = plan.startFiscalYear; y <= plan.endFiscalYear; y++) years.push(y);
  const baselineYears: number[] = [];
  for (let y = plan.startFiscalYear - 5; y <= plan.endFiscalYear; y++) baselineYears.push(y);

  // the targets sent: the years with text, in order; field errors "targets.<i>.source" name their index
  const sent = years.filter((y) => (targets[y] ?? "").trim() !== "");
  const fields = save.fields;
  const targetError = (y: number) => {
    const i = sent.indexOf(y);
    return i < 0 ? undefined : (fields[`targets.${i}.source`] ?? fields[`targets.${i}.fiscalYear`]);
  };

  const body = () =>
    ({
      itemId,
      kind,
      name,
      baselineSource: baselineSource.trim() === "" ? null : baselineSource,
      baselineFiscalYear: baselineFiscalYear ? Number(baselineFiscalYear) : null,
      targets: sent.map((fiscalYear) => ({ fiscalYear, source: targets[fiscalYear] ?? "" })),
    }) satisfies IndicatorInput;

  return (
    <form
      ref={formRef}
      className="actual-form add-indicator-form"
      onSubmit={save.onSubmit(body)}
      noValidate
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !save.busy) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <h3 id={titleId}>指標を追加</h3>
      <ErrorAlert
        error={save.error}
        title={save.error instanceof ApiError ? "指標を追加できませんでした" : undefined}
      />
      <SelectField
        label="項目（取組・事業）"
        required
        value={itemId}
        onChange={setItemId}
        error={fields.itemId}
        choose
        options={items.map((i) => ({
          value: i.id,
          label: `${"　".repeat(i.level)}${plan.levelNames[i.level] ?? "項目"}：${i.code ? `${i.code} ` : ""}${i.title}`,
        }))}
      />
      <TextField
        label="指標名"
        required
        value={name}
        onChange={setName}
        error={fields.name}
        autoComplete="off"
        inputClassName="wide"
      />
      <SelectField
        label="指標の種類"
        required
        value={kind}
        onChange={(v) => setKind(v as IndicatorKind)}
        error={fields.kind}
        options={KINDS.map((k) => ({ value: k, label: INDICATOR_KIND_LABELS[k] }))}
      />
      <div className="form-row">
        <TextField
          label="現状値（任意）"
          value={baselineSource}
          onChange={setBaselineSource}
          error={fields.baselineSource}
          autoComplete="off"
          hint="例: 60人、検討中"
        />
        <SelectField
          label="現状値の年度（任意）"
          value={baselineFiscalYear}
          onChange={setBaselineFiscalYear}
          error={fields.baselineFiscalYear}
          options={[
            { value: "", label: "指定しない" },
            ...baselineYears.map((y) => ({ value: String(y), label: fyLabel(y) })),
          ]}
        />
      </div>
      <fieldset>
        <legend>年度ごとの目標</legend>
        <p className="hint">
          計画に書かれたとおりに入力します（例: 15事業者以上、試行実施、適宜）。空欄の年度は目標なしになります。
        </p>
        {fields.targets ? <p className="field-error">{fields.targets}</p> : null}
        <div className="form-row">
          {years.map((y) => (
            <TextField
              key={y}
              label={`目標（${fyLabel(y)}）`}
              value={targets[y] ?? ""}
              onChange={(v) => setTargets((t) => ({ ...t, [y]: v }))}
              error={targetError(y)}
              autoComplete="off"
            />
          ))}
        </div>
      </fieldset>
      <div className="page-actions">
        <button type="submit" className="button" disabled={save.busy}>
          {save.busy ? "追加しています…" : "指標を追加する"}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          閉じる
        </button>
      </div>
    </form>
  );
}
