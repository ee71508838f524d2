import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { type PlanInput, planInputSchema } from "../../../server/modules/plans/schema";
import { ApiError, api } from "../../api";
import { ErrorAlert, fieldErrorMap } from "../../components/ErrorAlert";
import { SelectField, TextField } from "../../components/FormField";
import { StaleNotice } from "../../components/StaleNotice";
import { currentFiscalYear, fyLabel } from "../../format";
import { useSubmit } from "../../forms/useSubmit";
import { keys } from "../../queries";
import type { Plan } from "../../types";
import { defaultDraft, draftOf, type PlanDraft } from "./planDraft";
import { CodeAndText, RepeatList } from "./RepeatList";

/** The schema's complaints as the server would send them, so they show the same way. */
function localValidationError(issues: { path: PropertyKey[]; message: string }[]): ApiError {
  const list = issues.map((i) => ({
    field: i.path.length ? i.path.map(String).join(".") : "(body)",
    message: i.message,
  }));
  return new ApiError(400, "validation_failed", "入力内容に誤りがあります", list);
}

export function PlanForm({ plan }: { plan?: Plan }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<PlanDraft>(() => (plan ? draftOf(plan) : defaultDraft()));
  // checked here before sending; the server's answer replaces it once sent
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const save = useSubmit({
    send: (input: PlanInput) =>
      plan
        ? api<{ plan: Plan }>(`/api/plans/${plan.id}`, { method: "PUT", body: input, version: plan.version })
        : api<{ plan: Plan }>("/api/plans", { method: "POST", body: input }),
    invalidates: (r) => [keys.plans, keys.plan(r.plan.id)],
    onDone: (r) => navigate({ to: "/plans/$planId", params: { planId: r.plan.id } }),
  });
  const error = localError ?? save.error;
  const fieldErrors = fieldErrorMap(error);
  const fe = (name: string) => fieldErrors[name];

  const set = <K extends keyof PlanDraft>(k: K, v: PlanDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const yearOptions = (() => {
    const from = Math.min(2019, draft.startFiscalYear, draft.endFiscalYear);
    const to = Math.max(currentFiscalYear() + 12, draft.startFiscalYear, draft.endFiscalYear);
    const out = [];
    for (let y = from; y <= to; y++) out.push({ value: String(y), label: `${fyLabel(y)}（${y}）` });
    return out;
  })();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = planInputSchema.safeParse(draft);
    if (!parsed.success) {
      save.clear();
      setLocalError(localValidationError(parsed.error.issues));
      return;
    }
    setLocalError(null);
    void save.run(parsed.data);
  };

  const title = plan ? "計画の設定を変更" : "計画の作成";
  return (
    <>
      <h1>{title}</h1>
      {save.stale && !localError ? (
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

        <RepeatList
          legend="階層の名前（上から順に）"
          hint="最後の階層の項目（例: 事業）ごとに評価表を作ります。"
          error={fe("levelNames")}
          rows={draft.levelNames}
          onChange={(rows) => set("levelNames", rows)}
          newRow={() => ""}
          addLabel="階層を追加"
          removeLabel={(i) => `第${i + 1}階層を削除`}
          minRows={1}
        >
          {(name, i, setRow) => (
            <TextField label={`第${i + 1}階層`} value={name} onChange={setRow} error={fe(`levelNames.${i}`)} />
          )}
        </RepeatList>

        <RepeatList
          legend="評価の段階（よい順に）"
          hint="初期値は目黒区方式の5段階（AA〜D）です。"
          error={fe("gradeScale")}
          rows={draft.gradeScale}
          onChange={(rows) => set("gradeScale", rows)}
          newRow={() => ({ code: "", label: "" })}
          addLabel="段階を追加"
          removeLabel={(i) => `${i + 1}段階目を削除`}
          minRows={2}
        >
          {(grade, i, setRow) => (
            <CodeAndText
              row={grade}
              textKey="label"
              codeLabel={`記号（${i + 1}段階目）`}
              textLabel={`説明（${i + 1}段階目）`}
              onChange={setRow}
              errorOf={(field) => fe(`gradeScale.${i}.${field}`)}
            />
          )}
        </RepeatList>

        <RepeatList
          legend="構成計画（任意）"
          hint="一つの計画が複数の計画を兼ねる場合に登録します（例: 地＝地域福祉計画）。"
          rows={draft.constituentPlans}
          onChange={(rows) => set("constituentPlans", rows)}
          newRow={() => ({ code: "", title: "" })}
          addLabel="構成計画を追加"
          removeLabel={(i) => `構成計画${i + 1}を削除`}
          hideWhenEmpty
        >
          {(constituent, i, setRow) => (
            <CodeAndText
              row={constituent}
              textKey="title"
              codeLabel={`記号（${i + 1}）`}
              textLabel={`計画名（${i + 1}）`}
              onChange={setRow}
              errorOf={(field) => fe(`constituentPlans.${i}.${field}`)}
            />
          )}
        </RepeatList>

        <div className="page-actions">
          <button type="submit" className="button" disabled={save.busy}>
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
