import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { planInputSchema } from "../../../server/modules/plans/schema";
import { ApiError, api, type FieldError } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField, TextField } from "../../components/FormField";
import { StaleNotice } from "../../components/StaleNotice";
import { currentFiscalYear, fyLabel } from "../../format";
import { keys } from "../../queries";
import type { Plan } from "../../types";
import { defaultDraft, draftOf, type PlanDraft } from "./planDraft";

export function PlanForm({ plan }: { plan?: Plan }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<PlanDraft>(() => (plan ? draftOf(plan) : defaultDraft()));
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fe = (name: string) => fieldErrors.find((f) => f.field === name)?.message;

  const set = <K extends keyof PlanDraft>(k: K, v: PlanDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const yearOptions = (() => {
    const from = Math.min(2019, draft.startFiscalYear, draft.endFiscalYear);
    const to = Math.max(currentFiscalYear() + 12, draft.startFiscalYear, draft.endFiscalYear);
    const out = [];
    for (let y = from; y <= to; y++) out.push({ value: String(y), label: `${fyLabel(y)}（${y}）` });
    return out;
  })();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const parsed = planInputSchema.safeParse(draft);
    if (!parsed.success) {
      const list = parsed.error.issues.map((i) => ({
        field: i.path.length ? i.path.map(String).join(".") : "(body)",
        message: i.message,
      }));
      setFieldErrors(list);
      setError(new ApiError(400, "validation_failed", "入力内容に誤りがあります", list));
      return;
    }
    setFieldErrors([]);
    setBusy(true);
    try {
      const r = plan
        ? await api<{ plan: Plan }>(`/api/plans/${plan.id}`, {
            method: "PUT",
            body: parsed.data,
            version: plan.version,
          })
        : await api<{ plan: Plan }>("/api/plans", { method: "POST", body: parsed.data });
      await queryClient.invalidateQueries({ queryKey: keys.plans });
      await queryClient.invalidateQueries({ queryKey: keys.plan(r.plan.id) });
      await navigate({ to: "/plans/$planId", params: { planId: r.plan.id } });
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fields);
    } finally {
      setBusy(false);
    }
  };

  const title = plan ? "計画の設定を変更" : "計画の作成";
  return (
    <>
      <h1>{title}</h1>
      {error instanceof ApiError && error.isStale ? (
        <StaleNotice
          onReload={async () => {
            await queryClient.invalidateQueries({ queryKey: keys.plan(plan?.id ?? "") });
          }}
          reloadLabel="最新の内容を読み込む（この画面の入力は破棄されます）"
        />
      ) : (
        <ErrorAlert error={error} />
      )}
      <form onSubmit={submit} noValidate>
        <TextField label="計画名" required value={draft.title} onChange={(v) => set("title", v)} error={fe("title")} />
        <TextField
          label="計画の種類"
          required
          hint="例: 地域福祉計画、保健医療福祉計画、実施計画"
          value={draft.kind}
          onChange={(v) => set("kind", v)}
          error={fe("kind")}
        />
        <div className="form-row">
          <SelectField
            label="開始年度"
            required
            value={String(draft.startFiscalYear)}
            onChange={(v) => set("startFiscalYear", Number(v))}
            options={yearOptions}
            error={fe("startFiscalYear")}
          />
          <SelectField
            label="終了年度"
            required
            value={String(draft.endFiscalYear)}
            onChange={(v) => set("endFiscalYear", Number(v))}
            options={yearOptions}
            error={fe("endFiscalYear")}
          />
        </div>

        <fieldset>
          <legend>階層の名前（上から順に）</legend>
          <span className="hint">最後の階層の項目（例: 事業）ごとに評価表を作ります。</span>
          {fe("levelNames") ? <span className="field-error">{fe("levelNames")}</span> : null}
          <ol className="repeat-list">
            {draft.levelNames.map((name, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
              <li key={i}>
                <TextField
                  label={`第${i + 1}階層`}
                  value={name}
                  onChange={(v) =>
                    set(
                      "levelNames",
                      draft.levelNames.map((n, j) => (j === i ? v : n)),
                    )
                  }
                  error={fe(`levelNames.${i}`)}
                />
                <button
                  type="button"
                  className="button secondary small"
                  disabled={draft.levelNames.length <= 1}
                  onClick={() =>
                    set(
                      "levelNames",
                      draft.levelNames.filter((_, j) => j !== i),
                    )
                  }
                >
                  第{i + 1}階層を削除
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button secondary small"
            onClick={() => set("levelNames", [...draft.levelNames, ""])}
          >
            階層を追加
          </button>
        </fieldset>

        <fieldset>
          <legend>評価の段階（よい順に）</legend>
          <span className="hint">初期値は目黒区方式の5段階（AA〜D）です。</span>
          {fe("gradeScale") ? <span className="field-error">{fe("gradeScale")}</span> : null}
          <ol className="repeat-list">
            {draft.gradeScale.map((g, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
              <li key={i}>
                <TextField
                  label={`記号（${i + 1}段階目）`}
                  inputClassName="short"
                  value={g.code}
                  onChange={(v) =>
                    set(
                      "gradeScale",
                      draft.gradeScale.map((x, j) => (j === i ? { ...x, code: v } : x)),
                    )
                  }
                  error={fe(`gradeScale.${i}.code`)}
                />
                <TextField
                  label={`説明（${i + 1}段階目）`}
                  inputClassName="wide"
                  value={g.label}
                  onChange={(v) =>
                    set(
                      "gradeScale",
                      draft.gradeScale.map((x, j) => (j === i ? { ...x, label: v } : x)),
                    )
                  }
                  error={fe(`gradeScale.${i}.label`)}
                />
                <button
                  type="button"
                  className="button secondary small"
                  disabled={draft.gradeScale.length <= 2}
                  onClick={() =>
                    set(
                      "gradeScale",
                      draft.gradeScale.filter((_, j) => j !== i),
                    )
                  }
                >
                  {i + 1}段階目を削除
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button secondary small"
            onClick={() => set("gradeScale", [...draft.gradeScale, { code: "", label: "" }])}
          >
            段階を追加
          </button>
        </fieldset>

        <fieldset>
          <legend>構成計画（任意）</legend>
          <span className="hint">一つの計画が複数の計画を兼ねる場合に登録します（例: 地＝地域福祉計画）。</span>
          {draft.constituentPlans.length ? (
            <ol className="repeat-list">
              {draft.constituentPlans.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
                <li key={i}>
                  <TextField
                    label={`記号（${i + 1}）`}
                    inputClassName="short"
                    value={c.code}
                    onChange={(v) =>
                      set(
                        "constituentPlans",
                        draft.constituentPlans.map((x, j) => (j === i ? { ...x, code: v } : x)),
                      )
                    }
                    error={fe(`constituentPlans.${i}.code`)}
                  />
                  <TextField
                    label={`計画名（${i + 1}）`}
                    inputClassName="wide"
                    value={c.title}
                    onChange={(v) =>
                      set(
                        "constituentPlans",
                        draft.constituentPlans.map((x, j) => (j === i ? { ...x, title: v } : x)),
                      )
                    }
                    error={fe(`constituentPlans.${i}.title`)}
                  />
                  <button
                    type="button"
                    className="button secondary small"
                    onClick={() =>
                      set(
                        "constituentPlans",
                        draft.constituentPlans.filter((_, j) => j !== i),
                      )
                    }
                  >
                    構成計画{i + 1}を削除
                  </button>
                </li>
              ))}
            </ol>
          ) : null}
          <button
            type="button"
            className="button secondary small"
            onClick={() => set("constituentPlans", [...draft.constituentPlans, { code: "", title: "" }])}
          >
            構成計画を追加
          </button>
        </fieldset>

        <div className="page-actions">
          <button type="submit" className="button" disabled={busy}>
            {plan ? "変更を保存" : "計画を作成"}
          </button>
          <Link to={plan ? "/plans/$planId" : "/plans"} params={{ planId: plan?.id ?? "" }}>
            キャンセル
          </Link>
        </div>
      </form>
    </>
  );
}
