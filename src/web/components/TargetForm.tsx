import { useState } from "react";
import { TARGET_KIND_LABELS } from "../../domain/labels/indicators";
import { api } from "../api";
import { useSubmit } from "../forms/useSubmit";
import type { IndicatorTarget, IndicatorYear, TargetInput } from "../types";
import { TextField } from "./FormField";
import { indicatorLabel } from "./Indicators";
import { IndicatorYearForm, type KeptEntry, keptEntries } from "./IndicatorYearForm";

/** "15事業者以上（数値）": the target as the server read it. */
export function readAsText(t: IndicatorTarget): string {
  return `${t.formatted || t.source}（${TARGET_KIND_LABELS[t.typed.kind] ?? t.typed.kind}）`;
}

/**
 * 目標を編集 (plan office): one indicator's target of one fiscal year, as written in the plan ("15事業者以上",
 * "試行実施", "適宜"). The server reads it (数値・段階・適宜・文章) with the plan's ladder. Saved with If-Match: the
 * target's version, or 0 when the year has no target yet; 412 keeps what was typed visible.
 */
export function TargetForm({
  indicator,
  fiscalYearLabel,
  onSaved,
  onCancel,
  reload,
}: {
  indicator: IndicatorYear;
  fiscalYearLabel: string;
  onSaved: (target: IndicatorTarget) => void | Promise<void>;
  onCancel: () => void;
  /** fetches the latest state of this indicator (after a 412) */
  reload: () => Promise<IndicatorYear | undefined>;
}) {
  const [base, setBase] = useState<IndicatorTarget | null>(indicator.target);
  const [source, setSource] = useState(indicator.target?.source ?? "");
  const [kept, setKept] = useState<KeptEntry[]>([]);
  const save = useSubmit({
    send: (text: string) =>
      api<{ target: IndicatorTarget }>(
        `/api/indicators/${encodeURIComponent(indicator.id)}/targets/${indicator.fiscalYear}`,
        { method: "PUT", body: { source: text } satisfies TargetInput, version: base?.version ?? 0 },
      ),
    onDone: async (result) => {
      setBase(result.target);
      await onSaved(result.target);
    },
  });

  const reloadLatest = async () => {
    const fresh = await reload();
    const latest = fresh?.target ?? null;
    const next = latest?.source ?? "";
    setKept(keptEntries({ source: "目標" }, { source }, { source: base?.source ?? "" }, { source: next }));
    setBase(latest);
    setSource(next);
    save.clear();
  };

  return (
    <IndicatorYearForm
      className="actual-form target-form"
      label={`「${indicatorLabel(indicator.name)}」の目標（${fiscalYearLabel}）`}
      save={save}
      errorTitle="目標を保存できませんでした"
      onReload={reloadLatest}
      kept={kept}
      onDismissKept={() => setKept([])}
      onSubmit={save.onSubmit(source)}
      onCancel={onCancel}
      submitLabel="目標を保存"
    >
      <p className="small">
        現在の目標（{fiscalYearLabel}）: <strong>{base ? readAsText(base) : "設定なし"}</strong>
      </p>
      <TextField
        label={`目標（${fiscalYearLabel}）`}
        required
        value={source}
        onChange={setSource}
        error={save.fields.source}
        inputClassName="medium"
        autoComplete="off"
        hint="計画に書かれたとおりに入力します（例: 15事業者以上、試行実施、適宜）。数値・段階・適宜・文章のどれとして読むかは保存時に判定します。"
      />
    </IndicatorYearForm>
  );
}
