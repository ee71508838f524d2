/**
 * (再掲) items are re-listings: the plan prints an initiative or activity again under another 施策. They are linked to
 * their original (never copied from it). The document gives no code for the original, so it is found by name:
 * exact, then ignoring punctuation, then (initiatives) by an identical 事業概要, then (activities of a re-listed
 * initiative) by position in the original initiative. Whatever still differs from the original is reported.
 */
import { formatFiscalYear } from "../fiscal-year";
import type { Sheet, SheetActivity } from "./parse-sheets";
import {
  compareKey,
  editDistance,
  hasRelistMark,
  joinDepartments,
  looseKey,
  sameDepartments,
  sameText,
  stripRelistMark,
} from "./plan-text";
import type { PlanWarning } from "./types";

interface ActivityRef {
  sheet: Sheet;
  index: number;
  activity: SheetActivity;
}

const refOf = (r: ActivityRef) => `${r.sheet.code}#${r.index + 1}`;

function findByName<T>(items: T[], name: string, nameOf: (t: T) => string): T | undefined {
  return (
    items.find((t) => compareKey(nameOf(t)) === compareKey(name)) ??
    items.find((t) => looseKey(nameOf(t)) === looseKey(name))
  );
}

function mismatch(line: number, what: string, field: string, written: string, original: string): PlanWarning {
  return {
    kind: "relist_mismatch",
    line,
    message: `再掲の${what}の${field}が原本と異なります: 再掲「${written}」、原本「${original}」`,
  };
}

function targetsText(a: SheetActivity): string {
  return a.targets.map((t) => `${formatFiscalYear(t.fiscalYear, "short")} ${t.source}`).join("／");
}

function compareActivity(a: SheetActivity, original: ActivityRef, warnings: PlanWarning[]): void {
  const o = original.activity;
  const what = `事業（原本 ${refOf(original)}）`;
  if (!sameText(a.title, o.title)) {
    warnings.push(mismatch(a.line, what, "名称", stripRelistMark(a.title), stripRelistMark(o.title)));
  }
  if (!sameDepartments(a.departments, o.departments)) {
    warnings.push(mismatch(a.line, what, "担当課", joinDepartments(a.departments), joinDepartments(o.departments)));
  }
  if (compareKey(a.indicator ?? "") !== compareKey(o.indicator ?? "")) {
    warnings.push(mismatch(a.line, what, "成果(活動)指標", a.indicator ?? "", o.indicator ?? ""));
  }
  if (compareKey(targetsText(a)) !== compareKey(targetsText(o))) {
    warnings.push(mismatch(a.line, what, "目標値", targetsText(a), targetsText(o)));
  }
}

function compareSheet(s: Sheet, o: Sheet, warnings: PlanWarning[]): void {
  const what = `重点取組${s.code}（原本 ${o.code}）`;
  if (!sameText(s.title, o.title)) {
    warnings.push(mismatch(s.line, what, "名称", stripRelistMark(s.title), stripRelistMark(o.title)));
  }
  if (!sameDepartments(s.departments, o.departments)) {
    const line = s.departmentsLine ?? s.line;
    warnings.push(mismatch(line, what, "担当課", joinDepartments(s.departments), joinDepartments(o.departments)));
  }
  if (compareKey(s.category ?? "") !== compareKey(o.category ?? "")) {
    warnings.push(mismatch(s.line, what, "区分", s.category ?? "", o.category ?? ""));
  }
  if (compareKey(s.overview ?? "") !== compareKey(o.overview ?? "")) {
    warnings.push(mismatch(s.line, what, "事業概要", s.overview ?? "", o.overview ?? ""));
  }
}

/**
 * Links every re-listed sheet and activity to its original. `relisted` holds the codes of sheets marked (再掲) on
 * the sheet or in the matrix. Returns the original code by re-listed sheet code; activities get `relistOf` set.
 */
export function resolveRelists(
  sheets: Sheet[],
  relisted: Set<string>,
): { sheetOriginals: Map<string, string>; warnings: PlanWarning[] } {
  const warnings: PlanWarning[] = [];
  const sheetOriginals = new Map<string, string>();
  const originals = sheets.filter((s) => !relisted.has(s.code));

  for (const s of sheets.filter((x) => relisted.has(x.code))) {
    const byOverview = originals.filter((o) => s.overview !== null && sameText(o.overview ?? "", s.overview));
    const original =
      findByName(originals, s.title, (o) => o.title) ?? (byOverview.length === 1 ? byOverview[0] : undefined);
    if (!original) {
      warnings.push({
        kind: "relist_unresolved",
        line: s.line,
        message: `再掲の重点取組${s.code}「${stripRelistMark(s.title)}」の原本が見つかりません`,
      });
      continue;
    }
    sheetOriginals.set(s.code, original.code);
    compareSheet(s, original, warnings);
  }

  // Originals in sheets that are not re-listings come first, so a copy inside a re-listed sheet is never chosen
  // while the first printing exists.
  const all: ActivityRef[] = sheets.flatMap((sheet) =>
    sheet.activities.map((activity, index) => ({ sheet, index, activity })),
  );
  const unmarked = all.filter((r) => !hasRelistMark(r.activity.title));
  const candidates = [
    ...unmarked.filter((r) => !relisted.has(r.sheet.code)),
    ...unmarked.filter((r) => relisted.has(r.sheet.code)),
  ];
  const sheetByCode = new Map(sheets.map((s) => [s.code, s]));

  for (const r of all.filter((x) => hasRelistMark(x.activity.title))) {
    const a = r.activity;
    let original = findByName(candidates, a.title, (c) => c.activity.title);
    if (!original) {
      // A re-listed sheet repeats its original's activities in order, even when a name was later reworded.
      const parent = sheetByCode.get(sheetOriginals.get(r.sheet.code) ?? "");
      const same = parent?.activities[r.index];
      if (parent && same && parent.activities.length === r.sheet.activities.length && !hasRelistMark(same.title)) {
        original = { sheet: parent, index: r.index, activity: same };
      }
    }
    if (!original) {
      const near = candidates
        .map((c) => ({ c, d: editDistance(compareKey(c.activity.title), compareKey(a.title), 3) }))
        .filter((x) => x.d <= 3)
        .sort((x, y) => x.d - y.d)[0];
      const hint = near ? `（近い名称: ${refOf(near.c)}「${near.c.activity.title}」）` : "";
      warnings.push({
        kind: "relist_unresolved",
        line: a.line,
        message: `再掲の事業「${stripRelistMark(a.title)}」（重点取組${r.sheet.code}）の原本が見つかりません${hint}`,
      });
      continue;
    }
    a.relistOf = refOf(original);
    compareActivity(a, original, warnings);
  }
  return { sheetOriginals, warnings };
}
