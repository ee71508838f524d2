import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useEffect, useId, useState } from "react";
import { ApiError, api } from "../api";
import { ErrorAlert } from "../components/ErrorAlert";
import { TextField } from "../components/FormField";
import { PageHeading } from "../components/PageHeading";
import { KeptText, StaleNotice } from "../components/StaleNotice";
import { Loading, QueryError } from "../components/Status";
import { useSubmit } from "../forms/useSubmit";
import { useMilestoneLadder } from "../indicatorQueries";
import { planUrl } from "../planQueries";
import { isPlanOffice, keys, usePlans, useSession } from "../queries";
import type { LadderInput, LadderSaved, MilestoneLadder, MilestoneStep } from "../types";

const route = getRouteApi("/indicators/ladder");

interface StepRow {
  key: number;
  label: string;
  rank: string;
  aliases: string;
}

let nextKey = 1;
function rowsOf(steps: MilestoneStep[]): StepRow[] {
  return steps.map((s) => ({
    key: nextKey++,
    label: s.label,
    rank: String(s.rank),
    aliases: (s.aliases ?? []).join("、"),
  }));
}

/** "検討, 調整中、協議" → ["検討", "調整中", "協議"]: commas (half- or full-width) and 「、」 separate. */
function splitAliases(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((a) => a.trim())
    .filter((a) => a !== "");
}

function rowsText(rows: StepRow[]): string {
  return rows.map((r) => `${r.label}（順位 ${r.rank}）${r.aliases ? ` 別名: ${r.aliases}` : ""}`).join("\n");
}

/**
 * 段階（マイルストーン）の設定 (plan office): the stages a target or an actual may name ("検討" < "試行実施" < "実施"),
 * with their rank and other spellings. Saving reads every target of the plan again with the new ladder.
 */
export function MilestoneLadderPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const session = useSession();
  const plans = usePlans();
  const planId = search.planId ?? plans.data?.[0]?.id;
  const plan = plans.data?.find((p) => p.id === planId);
  const ladder = useMilestoneLadder(planId);

  useEffect(() => {
    if (!search.planId && planId) navigate({ search: { planId }, replace: true });
  }, [search.planId, planId, navigate]);

  return (
    <>
      <PageHeading title="段階（マイルストーン）の設定">
        「検討」「試行実施」「実施」のように、段階で書かれた目標と実績を比べるための段階の一覧です。
        {plan ? `（${plan.title}）` : null}
      </PageHeading>
      {planId ? (
        <p className="no-print">
          <Link to="/indicators" search={{ planId }}>
            指標の一覧へ戻る
          </Link>
        </p>
      ) : null}
      {!isPlanOffice(session.data) ? (
        <p>段階の設定は、計画担当（企画課）が行います。</p>
      ) : plans.isPending || (ladder.isPending && ladder.fetchStatus !== "idle") ? (
        <Loading />
      ) : plans.error ? (
        <QueryError error={plans.error} />
      ) : ladder.error ? (
        <QueryError error={ladder.error} />
      ) : ladder.data && planId ? (
        <LadderForm planId={planId} ladder={ladder.data} />
      ) : null}
    </>
  );
}

function LadderForm({ planId, ladder }: { planId: string; ladder: MilestoneLadder }) {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(ladder.version);
  const [isDefault, setIsDefault] = useState(ladder.isDefault);
  const [rows, setRows] = useState<StepRow[]>(() => rowsOf(ladder.ladder.steps));
  const [kept, setKept] = useState<{ label: string; value: string }[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const titleId = useId();

  const set = (key: number, patch: Partial<StepRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const save = useSubmit({
    send: (steps: MilestoneStep[] | null) => {
      setDone(null);
      return api<LadderSaved>(planUrl(planId, "/milestone-ladder"), {
        method: "PUT",
        body: { steps } satisfies LadderInput,
        version,
      });
    },
    // the ladder retypes the plan's targets: the indicators and the plan are read again
    invalidates: [["indicators"], ["plans"], ["plan", planId]],
    onDone: (result) => {
      setVersion(result.version);
      setIsDefault(result.isDefault);
      setRows(rowsOf(result.ladder.steps));
      setDone(
        `段階を保存しました。${result.retypedTargets}件の目標を読み直しました（文章のままの目標: ${result.unclassifiedTargets}件）。`,
      );
      queryClient.setQueryData(keys.ladder(planId), {
        ladder: result.ladder,
        isDefault: result.isDefault,
        version: result.version,
      });
    },
  });
  const { error, busy, stale, fields } = save;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(
      rows.map((r) => ({
        label: r.label,
        // a blank or non-numeric rank is sent as null: the server names the field
        rank: r.rank.trim() === "" || !Number.isFinite(Number(r.rank)) ? (null as unknown as number) : Number(r.rank),
        aliases: splitAliases(r.aliases),
      })),
    );
  };

  const reloadLatest = async () => {
    const fresh = await queryClient.fetchQuery({
      queryKey: keys.ladder(planId),
      queryFn: () => api<MilestoneLadder>(planUrl(planId, "/milestone-ladder")),
      staleTime: 0,
    });
    setKept([{ label: "段階（保存されていない入力）", value: rowsText(rows) }]);
    setVersion(fresh.version);
    setIsDefault(fresh.isDefault);
    setRows(rowsOf(fresh.ladder.steps));
    save.clear();
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={titleId} className="ladder-form">
      <h2 id={titleId}>段階の一覧</h2>
      <p>
        {isDefault ? "既定の段階を使っています。" : "この計画独自の段階を使っています。"}
        順位は数値で、大きいほど進んだ段階です。別名はカンマ（,）または「、」で区切ります（例: 試行、試行的実施）。
      </p>
      {stale ? (
        <StaleNotice onReload={reloadLatest} />
      ) : (
        <ErrorAlert error={error} title={error instanceof ApiError ? "段階を保存できませんでした" : undefined} />
      )}
      <KeptText entries={kept} onDismiss={() => setKept([])} />
      <div aria-live="polite">{done ? <p className="notice success">{done}</p> : null}</div>
      {fields.steps ? <p className="field-error">{fields.steps}</p> : null}
      <ol className="ladder-steps">
        {rows.map((r, i) => {
          const stepError = fields[`steps.${i}`];
          return (
            <li key={r.key}>
              <fieldset
                aria-invalid={stepError ? true : undefined}
                aria-describedby={stepError ? `${titleId}-step-${r.key}` : undefined}
              >
                <legend>
                  {i + 1}番目の段階{r.label.trim() ? `「${r.label.trim()}」` : ""}
                </legend>
                {stepError ? (
                  <p className="field-error" id={`${titleId}-step-${r.key}`}>
                    {stepError}
                  </p>
                ) : null}
                <div className="form-row">
                  <TextField
                    label="名称"
                    required
                    value={r.label}
                    onChange={(v) => set(r.key, { label: v })}
                    error={fields[`steps.${i}.label`]}
                    autoComplete="off"
                  />
                  <TextField
                    label="順位"
                    required
                    value={r.rank}
                    onChange={(v) => set(r.key, { rank: v })}
                    error={fields[`steps.${i}.rank`]}
                    autoComplete="off"
                    inputClassName="short"
                  />
                  <TextField
                    label="別名（カンマ区切り・任意）"
                    value={r.aliases}
                    onChange={(v) => set(r.key, { aliases: v })}
                    error={
                      fields[`steps.${i}.aliases`] ??
                      Object.entries(fields).find(([k]) => k.startsWith(`steps.${i}.aliases.`))?.[1]
                    }
                    autoComplete="off"
                    inputClassName="medium"
                  />
                  <button
                    type="button"
                    className="button secondary small"
                    onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                  >
                    削除<span className="visually-hidden">：{i + 1}番目の段階</span>
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="page-actions">
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            const top = rows.reduce((m, r) => Math.max(m, Number(r.rank) || 0), 0);
            setRows((rs) => [...rs, { key: nextKey++, label: "", rank: String(top + 1), aliases: "" }]);
          }}
        >
          段階を追加
        </button>
      </div>
      <div className="page-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "保存しています…" : "段階を保存"}
        </button>
        {!isDefault ? (
          <button type="button" className="button secondary" disabled={busy} onClick={() => void save.run(null)}>
            既定の段階に戻す
          </button>
        ) : null}
      </div>
    </form>
  );
}
