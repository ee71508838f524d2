import { type FormEvent, useState } from "react";
import { api } from "../api";
import type { Plan, PlanItem, RelistInput } from "../types";
import { Dialog } from "./Dialog";
import { ErrorAlert, fieldErrorMap } from "./ErrorAlert";
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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const parentLevelName = plan.levelNames[item.level - 1] ?? "親項目";
  const fields = fieldErrorMap(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/api/plans/${plan.id}/items/${item.id}/relistings`, {
        method: "POST",
        body: { parentItemId: parentId } satisfies RelistInput,
      });
      onDone(candidates.find((c) => c.id === parentId)?.title ?? "");
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open title={`「${item.title}」を再掲`} onClose={onClose}>
      <p>同じ項目を別の{parentLevelName}の下にも表示します。実績や評価は一つで、どの場所にも同じ内容が表示されます。</p>
      <ErrorAlert error={error} />
      {candidates.length === 0 ? (
        <p>再掲できる{parentLevelName}がありません。</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <SelectField
            label={`再掲先の${parentLevelName}`}
            required
            value={parentId}
            onChange={setParentId}
            error={fields.parentItemId}
            options={[
              { value: "", label: "選んでください" },
              ...candidates.map((c) => ({ value: c.id, label: `${c.code ?? ""} ${c.title}`.trim() })),
            ]}
          />
          <div className="dialog-actions">
            <button type="button" className="button secondary" onClick={onClose}>
              キャンセル
            </button>
            <button type="submit" className="button" disabled={busy || !parentId}>
              再掲する
            </button>
          </div>
        </form>
      )}
      {candidates.length === 0 ? (
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            閉じる
          </button>
        </div>
      ) : null}
    </Dialog>
  );
}
