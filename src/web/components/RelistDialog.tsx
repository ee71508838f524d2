import { useState } from "react";
import { api } from "../api";
import { useSubmit } from "../forms/useSubmit";
import type { Plan, PlanItem, RelistInput } from "../types";
import { Dialog, DialogActions } from "./Dialog";
import { ErrorAlert } from "./ErrorAlert";
import { SelectField } from "./FormField";

/** 再掲: show the same item under another parent of the level above (it stays one item). */
export function RelistDialog({
  plan,
  item,
  items,
  onClose,
  onDone,
}: {
  plan: Plan;
  item: PlanItem;
  items: PlanItem[];
  onClose: () => void;
  onDone: (parentTitle: string) => void;
}) {
  const current = new Set(item.placements.map((p) => p.parentItemId));
  const candidates = items
    .filter((i) => i.level === item.level - 1 && !current.has(i.id))
    .sort((a, b) => (a.code ?? "").localeCompare(b.code ?? "", "ja", { numeric: true }));
  const [parentId, setParentId] = useState("");
  const parentLevelName = plan.levelNames[item.level - 1] ?? "親項目";
  const save = useSubmit({
    send: () =>
      api(`/api/plans/${plan.id}/items/${item.id}/relistings`, {
        method: "POST",
        body: { parentItemId: parentId } satisfies RelistInput,
      }),
    onDone: () => onDone(candidates.find((c) => c.id === parentId)?.title ?? ""),
  });

  return (
    <Dialog open title={`「${item.title}」を再掲`} onClose={onClose}>
      <p>同じ項目を別の{parentLevelName}の下にも表示します。実績や評価は一つで、どの場所にも同じ内容が表示されます。</p>
      <ErrorAlert error={save.error} />
      {candidates.length === 0 ? (
        <p>再掲できる{parentLevelName}がありません。</p>
      ) : (
        <form onSubmit={save.onSubmit()} noValidate>
          <SelectField
            label={`再掲先の${parentLevelName}`}
            required
            value={parentId}
            onChange={setParentId}
            error={save.fields.parentItemId}
            choose
            options={candidates.map((c) => ({ value: c.id, label: `${c.code ?? ""} ${c.title}`.trim() }))}
          />
          <DialogActions onCancel={onClose} action="再掲する" disabled={save.busy || !parentId} />
        </form>
      )}
      {candidates.length === 0 ? <DialogActions onCancel={onClose} cancelLabel="閉じる" /> : null}
    </Dialog>
  );
}
