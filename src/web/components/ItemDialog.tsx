import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api";
import { useSubmit } from "../forms/useSubmit";
import { planUrl } from "../planQueries";
import { keys } from "../queries";
import type { Department, ItemInput, ItemPatch, Plan, PlanItem } from "../types";
import { Dialog, DialogActions } from "./Dialog";
import { Checkbox, CheckboxGroup, SelectField, TextAreaField, TextField } from "./FormField";
import { KeptText, SubmitFailure } from "./StaleNotice";

interface ItemValues {
  code: string;
  title: string;
  summary: string;
  isNew: boolean;
  isPriority: boolean;
  category: "" | NonNullable<ItemInput["category"]>;
  planPage: string;
  constituentPlans: string[];
  departmentIds: string[];
}

function valuesOf(item: PlanItem | undefined): ItemValues {
  return {
    code: item?.code ?? "",
    title: item?.title ?? "",
    summary: item?.summary ?? "",
    isNew: item?.isNew ?? false,
    isPriority: item?.isPriority ?? false,
    // stored through the same schema, so a stored category is one the schema names
    category: (item?.category ?? "") as ItemValues["category"],
    planPage: item?.planPage ?? "",
    constituentPlans: item?.constituentPlans ?? [],
    departmentIds: item?.departmentIds ?? [],
  };
}

const TEXT_LABELS: [keyof ItemValues, string][] = [
  ["code", "番号"],
  ["title", "名称"],
  ["summary", "事業概要"],
  ["planPage", "計画書頁"],
];

/** Add a child item (or a top-level one) or edit an item of the plan tree. */
export function ItemDialog({
  plan,
  parent,
  item,
  departments,
  onClose,
  onDone,
}: {
  plan: Plan;
  parent?: PlanItem | null;
  item?: PlanItem;
  departments: Department[];
  onClose: () => void;
  onDone: (title: string) => void;
}) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ItemValues>(() => valuesOf(item));
  const [version, setVersion] = useState(item?.version);
  const [kept, setKept] = useState<{ label: string; value: string }[]>([]);
  const level = item ? item.level : parent ? parent.level + 1 : 0;
  const levelName = plan.levelNames[level] ?? "項目";
  const isLeaf = level === plan.levelNames.length - 1;
  const set = <K extends keyof ItemValues>(k: K, v: ItemValues[K]) => setValues((s) => ({ ...s, [k]: v }));

  const deptOptions = departments
    .filter((d) => d.active || values.departmentIds.includes(d.id))
    .map((d) => ({ value: d.id, label: d.active ? d.name : `${d.name}（廃止）` }));

  const body = () => ({
    code: values.code,
    title: values.title,
    ...(isLeaf
      ? {
          summary: values.summary,
          isNew: values.isNew,
          isPriority: values.isPriority,
          category: values.category === "" ? null : values.category,
          planPage: values.planPage,
          constituentPlans: values.constituentPlans,
          departmentIds: values.departmentIds,
        }
      : {}),
  });

  const save = useSubmit({
    send: () =>
      item
        ? api(planUrl(plan.id, `/items/${item.id}`), { method: "PATCH", body: body() satisfies ItemPatch, version })
        : api(planUrl(plan.id, "/items"), {
            method: "POST",
            body: { parentItemId: parent?.id ?? null, ...body() } satisfies ItemInput,
          }),
    onDone: () => onDone(values.title),
  });
  const fields = save.fields;

  const reload = async () => {
    if (!item) return;
    const fresh = await queryClient.fetchQuery({
      queryKey: keys.plan(plan.id),
      queryFn: () => api<{ plan: Plan; items: PlanItem[] }>(`/api/plans/${plan.id}`),
      staleTime: 0,
    });
    const latest = fresh.items.find((i) => i.id === item.id);
    const latestValues = valuesOf(latest);
    setKept(
      TEXT_LABELS.filter(([k]) => values[k] !== latestValues[k] && String(values[k]).trim() !== "").map(
        ([k, label]) => ({
          label,
          value: String(values[k]),
        }),
      ),
    );
    setValues(latestValues);
    setVersion(latest?.version);
    save.clear();
  };

  const title = item ? `${levelName}を編集` : parent ? `「${parent.title}」に${levelName}を追加` : `${levelName}を追加`;
  return (
    <Dialog open title={title} onClose={onClose}>
      <SubmitFailure save={save} onReload={reload} />
      <KeptText entries={kept} onDismiss={() => setKept([])} />
      <form onSubmit={save.onSubmit()} noValidate>
        <TextField
          label="番号"
          hint="例: 1-2-3"
          inputClassName="short"
          value={values.code}
          onChange={(v) => set("code", v)}
          error={fields.code}
        />
        <TextField label="名称" required value={values.title} onChange={(v) => set("title", v)} error={fields.title} />
        {isLeaf ? (
          <>
            <TextAreaField
              label="事業概要"
              value={values.summary}
              onChange={(v) => set("summary", v)}
              error={fields.summary}
            />
            <fieldset>
              <legend>種別</legend>
              <div className="choices-inline">
                <Checkbox
                  label="新（新たに計画に掲載する事業）"
                  checked={values.isNew}
                  onChange={(v) => set("isNew", v)}
                />
                <Checkbox
                  label="重（重点的に取り組む事業）"
                  checked={values.isPriority}
                  onChange={(v) => set("isPriority", v)}
                />
              </div>
            </fieldset>
            <div className="form-row">
              <SelectField
                label="区分"
                value={values.category}
                onChange={(v) => set("category", v as ItemValues["category"])}
                error={fields.category}
                options={[
                  { value: "", label: "（なし）" },
                  { value: "新規", label: "新規" },
                  { value: "拡充", label: "拡充" },
                  { value: "継続", label: "継続" },
                ]}
              />
              <TextField
                label="計画書頁"
                inputClassName="short"
                value={values.planPage}
                onChange={(v) => set("planPage", v)}
                error={fields.planPage}
              />
            </div>
            {plan.constituentPlans.length ? (
              <CheckboxGroup
                legend="構成計画"
                options={plan.constituentPlans.map((c) => ({ value: c.code, label: `${c.code}（${c.title}）` }))}
                values={values.constituentPlans}
                onChange={(v) => set("constituentPlans", v)}
                error={fields.constituentPlans}
              />
            ) : null}
            <CheckboxGroup
              legend="担当課"
              options={deptOptions}
              values={values.departmentIds}
              onChange={(v) => set("departmentIds", v)}
              error={fields.departmentIds}
            />
          </>
        ) : null}
        <DialogActions onCancel={onClose} action={item ? "保存" : "追加"} disabled={save.busy} />
      </form>
    </Dialog>
  );
}
