import type { SheetStatus } from "../types";

export function ItemMarks({ isNew, isPriority }: { isNew: boolean; isPriority: boolean }) {
  return (
    <>
      {isNew ? (
        <span className="badge new" title="新たに計画に掲載する事業">
          新
        </span>
      ) : null}{" "}
      {isPriority ? (
        <span className="badge priority" title="重点的に取り組む事業">
          重
        </span>
      ) : null}
    </>
  );
}

export function StatusBadge({ status, label }: { status: SheetStatus | string; label: string }) {
  return <span className={`status status-${status}`}>{label}</span>;
}
