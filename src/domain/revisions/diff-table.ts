/**
 * A diff as a table of Japanese text (新旧対照): what the xlsx and csv exports and the CLI print. Pure.
 */
import { formatFiscalYear, formatFiscalYearRange } from "../fiscal-year.js";
import { INDICATOR_KIND_LABELS, TARGET_KIND_LABELS } from "../labels/indicators.js";
import type {
  Change,
  ChangeField,
  ChangeType,
  DepartmentsValue,
  DiffSummary,
  IndicatorValue,
  ItemRef,
  ItemValue,
  PlacementValue,
  TargetValue,
} from "./diff-types.js";

export const DIFF_TABLE_HEADERS = ["種別", "番号", "名称", "項目", "変更前", "変更後"] as const;

export const CHANGE_TYPE_LABELS: Record<ChangeType, string> = {
  planChanged: "計画の変更",
  added: "追加",
  removed: "削除",
  moved: "移動",
  renamed: "名称変更",
  changed: "変更",
  indicatorAdded: "指標追加",
  indicatorRemoved: "指標削除",
  indicatorRenamed: "指標名変更",
  indicatorChanged: "指標変更",
  targetChanged: "目標値変更",
};

export const CHANGE_FIELD_LABELS: Record<ChangeField, string> = {
  "plan.title": "計画名",
  "plan.levelNames": "階層",
  "plan.gradeScale": "評価区分",
  "plan.period": "計画期間",
  item: "項目",
  code: "番号",
  title: "名称",
  placement: "掲載位置",
  relisting: "再掲",
  level: "階層",
  departments: "担当課",
  category: "区分",
  isNew: "新規（新）",
  isPriority: "重点（重）",
  majorMeasure: "大施策",
  constituentPlans: "構成計画",
  summary: "事業概要",
  indicator: "指標",
  "indicator.name": "指標名",
  "indicator.kind": "指標の種類",
  "indicator.baselineSource": "現状値",
  "indicator.item": "指標の対象",
  target: "目標値",
};

/** The counts above a diff, in the words of the 種別 column of its rows (a count says how many rows follow). */
export const DIFF_SUMMARY_LABELS: Record<keyof DiffSummary, string> = {
  added: CHANGE_TYPE_LABELS.added,
  removed: CHANGE_TYPE_LABELS.removed,
  moved: CHANGE_TYPE_LABELS.moved,
  renamed: CHANGE_TYPE_LABELS.renamed,
  changed: CHANGE_TYPE_LABELS.changed,
  targetsChanged: CHANGE_TYPE_LABELS.targetChanged,
  indicatorsAdded: CHANGE_TYPE_LABELS.indicatorAdded,
  indicatorsRemoved: CHANGE_TYPE_LABELS.indicatorRemoved,
  indicatorsRenamed: CHANGE_TYPE_LABELS.indicatorRenamed,
  indicatorsChanged: CHANGE_TYPE_LABELS.indicatorChanged,
  planChanged: CHANGE_TYPE_LABELS.planChanged,
};

const kindLabel = (table: Readonly<Record<string, string>>, code: string) => table[code] ?? code;

export type DiffTableRow = [string, string, string, string, string, string];

export function diffTableRows(changes: Change[], levelNames: string[] = []): DiffTableRow[] {
  return changes.map((c) => [
    CHANGE_TYPE_LABELS[c.type],
    c.code ?? "",
    c.title ?? (c.type === "planChanged" ? "（計画全体）" : c.itemId === null ? "（計画全体の指標）" : ""),
    fieldText(c),
    valueText(c, "before", levelNames),
    valueText(c, "after", levelNames),
  ]);
}

function fieldText(c: Change): string {
  const label = CHANGE_FIELD_LABELS[c.field];
  if (c.indicatorName === undefined) return label;
  if (c.field === "target" && c.fiscalYear !== undefined) {
    return `指標「${c.indicatorName}」${formatFiscalYear(c.fiscalYear)}の目標値`;
  }
  if (c.field === "indicator") return `指標「${c.indicatorName}」`;
  return `指標「${c.indicatorName}」の${label.replace(/^指標の?/, "") || label}`;
}

const yesNo = (v: boolean) => (v ? "あり" : "なし");

function placementText(p: PlacementValue | null, relisting: boolean): string {
  if (!p) return "";
  const parent = p.parentItemId === null ? "最上位" : [p.parentCode, p.parentTitle].filter(Boolean).join(" ");
  return relisting ? `${parent}（再掲）` : `${parent}の${p.ordinal}番目`;
}

function targetText(t: TargetValue | null, withTyped: boolean): string {
  if (!t) return "";
  if (!withTyped) return t.source;
  const typed = [
    kindLabel(TARGET_KIND_LABELS, t.kind),
    t.comparator,
    t.value === null ? null : String(t.value),
    t.unit,
    t.step,
    t.rank === null ? null : `段階${t.rank}`,
  ].filter((x) => x !== null && x !== "");
  return `${t.source}［${typed.join(" ")}］`;
}

function valueText(c: Change, side: "before" | "after", levelNames: string[]): string {
  const v = c[side];
  if (v === null || v === undefined) return "";
  switch (c.field) {
    case "item": {
      const item = v as ItemValue;
      const parts = [`${levelNames[item.level] ?? `第${item.level + 1}階層`}`, placementText(item.placement, false)];
      if (item.departmentNames.length) parts.push(`担当: ${item.departmentNames.join("、")}`);
      return parts.filter(Boolean).join("／");
    }
    case "placement":
      return placementText(v as PlacementValue, false);
    case "relisting":
      return placementText(v as PlacementValue, true);
    case "departments":
      return (v as DepartmentsValue).departmentNames.join("、");
    case "isNew":
    case "isPriority":
      return yesNo(v as boolean);
    case "level":
      return levelNames[v as number] ?? `第${(v as number) + 1}階層`;
    case "constituentPlans":
    case "plan.levelNames":
      return (v as string[]).join(c.field === "plan.levelNames" ? " → " : "、");
    case "plan.gradeScale":
      return (v as { code: string; label: string }[]).map((g) => `${g.code} ${g.label}`).join("、");
    case "plan.period": {
      const p = v as { startFiscalYear: number; endFiscalYear: number };
      return formatFiscalYearRange(p.startFiscalYear, p.endFiscalYear);
    }
    case "indicator": {
      const ind = v as IndicatorValue;
      const targets = ind.targets.map((t) => `${formatFiscalYear(t.fiscalYear, "short")} ${t.source}`).join("、");
      const kind = kindLabel(INDICATOR_KIND_LABELS, ind.kind);
      return `${kind}「${ind.name}」${targets ? `（目標: ${targets}）` : ""}`;
    }
    case "indicator.kind":
      return kindLabel(INDICATOR_KIND_LABELS, String(v));
    case "indicator.item": {
      const ref = v as ItemRef;
      return ref.itemId === null ? "計画全体" : [ref.code, ref.title].filter(Boolean).join(" ");
    }
    case "target": {
      // the typed reading is shown only when the text alone does not show the difference
      const before = c.before as TargetValue | null;
      const after = c.after as TargetValue | null;
      return targetText(v as TargetValue, before !== null && after !== null && before.source === after.source);
    }
    default:
      return String(v);
  }
}

/**
 * RFC 4180 CSV with a UTF-8 BOM and CRLF (what Excel opens as UTF-8). A cell that Excel would read as a formula
 * (=, +, @, or - not followed by a digit) is prefixed with an apostrophe, so an item title cannot run anything.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const guard = (s: string) => (/^(?:[=+@\t\r]|-(?!\d))/.test(s) ? `'${s}` : s);
  const cell = (raw: string) => {
    const s = guard(raw);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
