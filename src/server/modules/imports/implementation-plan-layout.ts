/**
 * How a parsed 実施計画 becomes rows, decided without the database so that the preview reports exactly what the
 * commit writes: items (基本目標 → 施策 → 重点取組 → 取組内容), their placements, department names, one indicator per
 * activity with one target per fiscal year. A (再掲) initiative or activity is an extra placement of its original,
 * never a copy; whatever cannot be linked that way is imported as its own item and reported.
 */
import { compareKey, hasRelistMark, stripRelistMark } from "../../../domain/import-implementation-plan/plan-text.js";
import type {
  ParsedImplementationPlan,
  PlanActivity,
  PlanInitiative,
  PlanMeasure,
} from "../../../domain/import-implementation-plan/types.js";
import { DEFAULT_LADDER, type MilestoneLadder } from "../../../domain/indicators/milestones.js";
import { parseTarget } from "../../../domain/indicators/target.js";
import {
  type ImplementationPlanLayout,
  type LayoutIndicator,
  type LayoutItem,
  type LayoutPlacement,
  type LayoutTarget,
  type LayoutWarning,
  LEVELS,
} from "./implementation-plan-rows.js";

const CATEGORIES = new Set(["新規", "拡充", "継続"]);

const refOf = (initiativeCode: string, index: number) => `${initiativeCode}#${index + 1}`;

export function layoutImplementationPlan(
  doc: ParsedImplementationPlan,
  ladder: MilestoneLadder = DEFAULT_LADDER,
): ImplementationPlanLayout {
  const items: LayoutItem[] = [];
  const placements: LayoutPlacement[] = [];
  const indicators: LayoutIndicator[] = [];
  const warnings: LayoutWarning[] = [];
  const relistings = { initiatives: 0, activities: 0, throughInitiative: 0, unresolved: 0 };
  const itemById = new Map<string, LayoutItem>();
  const placed = new Set<string>(); // `${itemId}>${parentItemId}`: one placement per item and parent
  const unresolvedLines = new Set(doc.warnings.filter((w) => w.kind === "relist_unresolved").map((w) => w.line));

  const addItem = (item: Omit<LayoutItem, "id">) => {
    const full = { id: crypto.randomUUID(), ...item };
    items.push(full);
    itemById.set(full.id, full);
    return full;
  };
  const place = (itemId: string, parentItemId: string | null, position: number, relisted: boolean) => {
    const key = `${itemId}>${parentItemId}`;
    if (placed.has(key)) return false;
    placed.add(key);
    placements.push({ itemId, parentItemId, position, relisted });
    return true;
  };
  /** Remembers on the original where the plan prints it again (the re-listing has no row of its own). */
  const noteRelisting = (itemId: string, entry: Record<string, unknown>) => {
    const source = itemById.get(itemId)?.source;
    if (!source) return;
    const list = (source.relistedAt as Record<string, unknown>[] | undefined) ?? [];
    list.push(entry);
    source.relistedAt = list;
  };

  // An unresolved (再掲) item is an item of its own: the mark is taken off its name and kept in source.
  const ownTitle = (written: string, unresolved: boolean) => (unresolved ? stripRelistMark(written) : written);
  const relistSource = (written: string, unresolved: boolean) =>
    unresolved ? { writtenTitle: written, relist: { unresolved: true } } : {};

  const addActivity = (a: PlanActivity, ref: string, parentId: string, position: number, extra = {}) => {
    const unresolved = hasRelistMark(a.title);
    if (unresolved) relistings.unresolved++;
    const item = addItem({
      level: LEVELS.activity,
      code: null,
      title: ownTitle(a.title, unresolved),
      summary: null,
      category: null,
      majorMeasure: null,
      constituentPlans: [],
      departments: a.departments,
      source: { line: a.line, ref, ...relistSource(a.title, unresolved), ...extra },
    });
    place(item.id, parentId, position, false);
    itemByRef.set(ref, item.id);
    if (a.indicator !== null) indicators.push(indicatorOf(a, item.id, ladder, warnings));
    return item;
  };

  const addInitiative = (initiative: PlanInitiative, measureId: string, position: number) => {
    const unresolved = hasRelistMark(initiative.title) || unresolvedLines.has(initiative.line);
    if (unresolved) relistings.unresolved++;
    const category = initiative.category !== null && CATEGORIES.has(initiative.category) ? initiative.category : null;
    if (initiative.category !== null && category === null) {
      warnings.push({
        kind: "category_unknown",
        line: initiative.line,
        message: `重点取組${initiative.code}の区分「${initiative.category}」は 新規・拡充・継続 のいずれでもないため、区分なしで取り込みます（記載は元のまま保存します）`,
      });
    }
    const item = addItem({
      level: LEVELS.initiative,
      code: initiative.code,
      title: ownTitle(initiative.title, unresolved),
      summary: initiative.overview,
      category,
      majorMeasure: initiative.majorMeasure,
      constituentPlans: initiative.constituentPlans,
      departments: initiative.departments,
      source: {
        line: initiative.line,
        category: initiative.category,
        constituentPlans: initiative.constituentPlans,
        matrix: doc.matrix.cells
          .filter((c) => c.initiativeCode === initiative.code)
          .map((c) => ({ department: c.department, mark: c.mark, line: c.line })),
        ...relistSource(initiative.title, unresolved),
      },
    });
    place(item.id, measureId, position, false);
    if (!initiativeByCode.has(initiative.code)) initiativeByCode.set(initiative.code, { item, initiative });
    ownerOf.set(initiative, { item, initiative });
    // Resolved (再掲) activities are linked in pass 3, once every original has its item.
    for (const [k, a] of initiative.activities.entries()) {
      if (a.relistOf === null) addActivity(a, refOf(initiative.code, k), item.id, k);
    }
  };

  type Owner = { item: LayoutItem; initiative: PlanInitiative };
  const itemByRef = new Map<string, string>(); // "1-3-3#1" → item id of that activity (or of its original)
  const activityByRef = new Map<string, PlanActivity>();
  const initiativeByCode = new Map<string, Owner>(); // the first sheet of a code
  const ownerOf = new Map<PlanInitiative, Owner>(); // the item a sheet's activities belong to
  const relistedSheets: { initiative: PlanInitiative; measureId: string; position: number }[] = [];

  // Pass 1: goals, measures, initiatives that are not re-listings, and their activities that are not re-listings.
  for (const [gi, goal] of doc.goals.entries()) {
    const g = addItem({
      level: LEVELS.goal,
      code: goal.code,
      title: goal.title,
      summary: null,
      category: null,
      majorMeasure: null,
      constituentPlans: [],
      departments: [],
      source: { line: goal.line },
    });
    place(g.id, null, gi, false);
    for (const [mi, measure] of goal.measures.entries()) {
      const m = addItem({
        level: LEVELS.measure,
        code: measure.code,
        title: measure.title,
        summary: null,
        category: null,
        majorMeasure: null,
        constituentPlans: measureMarks(measure),
        departments: [],
        source: { line: measure.line, constituentPlans: measure.constituentPlans, star: measure.star },
      });
      place(m.id, g.id, mi, false);
      for (const [ii, initiative] of measure.initiatives.entries()) {
        for (const [k, a] of initiative.activities.entries()) activityByRef.set(refOf(initiative.code, k), a);
        if (initiative.relistOf !== null) relistedSheets.push({ initiative, measureId: m.id, position: ii });
        else addInitiative(initiative, m.id, ii);
      }
    }
  }

  // Pass 2: a re-listed initiative is a placement of its original, and its activities are the original's.
  for (const { initiative: i, measureId, position } of relistedSheets) {
    const original = initiativeByCode.get(i.relistOf ?? "");
    if (!original) {
      addInitiative(i, measureId, position); // the parser links only to sheets it read: not expected
      continue;
    }
    ownerOf.set(i, original);
    const code = original.item.code ?? "";
    if (place(original.item.id, measureId, position, true)) relistings.initiatives++;
    else {
      warnings.push({
        kind: "relist_duplicate",
        line: i.line,
        message: `再掲の重点取組${i.code}は原本${code}と同じ施策の下にあるため、重ねては表示しません`,
      });
    }
    noteRelisting(original.item.id, { line: i.line, code: i.code, writtenTitle: i.title });
    const theirs = original.initiative.activities;
    let next = theirs.length;
    for (const [k, a] of i.activities.entries()) {
      if (a.relistOf !== null) continue; // pass 3
      const same = theirs[k];
      const index =
        same && compareKey(same.title) === compareKey(a.title)
          ? k
          : theirs.findIndex((o) => compareKey(o.title) === compareKey(a.title));
      const matchId = index === -1 ? undefined : resolveRef(refOf(code, index));
      if (matchId !== undefined) {
        itemByRef.set(refOf(i.code, k), matchId);
        relistings.throughInitiative++;
        continue;
      }
      warnings.push({
        kind: "relist_extra_activity",
        line: a.line,
        message: `再掲の重点取組${i.code}（原本 ${code}）の事業「${stripRelistMark(a.title)}」は原本にないため、原本${code}の事業として取り込みます`,
      });
      addActivity(a, refOf(i.code, k), original.item.id, next++, { fromRelisting: i.code });
    }
  }

  // Pass 3: a resolved (再掲) activity is a placement of its original under the initiative that re-lists it.
  // Sheets that are not re-listings first, so a re-listed sheet finds what its original already shows.
  const sheets = doc.goals.flatMap((g) => g.measures.flatMap((m) => m.initiatives));
  for (const i of [...sheets.filter((s) => s.relistOf === null), ...sheets.filter((s) => s.relistOf !== null)]) {
    const owner = ownerOf.get(i);
    if (!owner) continue;
    const viaOriginal = owner.initiative !== i;
    for (const [k, a] of i.activities.entries()) {
      if (a.relistOf === null) continue;
      const targetId = resolveRef(a.relistOf);
      if (targetId === undefined) {
        addActivity(a, refOf(i.code, k), owner.item.id, viaOriginal ? owner.initiative.activities.length + k : k);
        continue;
      }
      itemByRef.set(refOf(i.code, k), targetId);
      noteRelisting(targetId, { line: a.line, code: i.code, writtenTitle: a.title });
      const position = viaOriginal ? owner.initiative.activities.length + k : k;
      if (place(targetId, owner.item.id, position, true)) {
        relistings.activities++;
        if (viaOriginal) {
          warnings.push({
            kind: "relist_extra_activity",
            line: a.line,
            message: `再掲の重点取組${i.code}（原本 ${owner.item.code}）の事業「${stripRelistMark(a.title)}」は原本にないため、原本${owner.item.code}の下に再掲として加えます`,
          });
        }
      } else if (viaOriginal) relistings.throughInitiative++;
      else {
        warnings.push({
          kind: "relist_duplicate",
          line: a.line,
          message: `再掲の事業「${stripRelistMark(a.title)}」は原本と同じ重点取組${owner.item.code}の下にあるため、重ねては表示しません`,
        });
      }
    }
  }

  return { items, placements, indicators, warnings, relistings };

  /** The item an activity reference stands for: its own, or (for a re-listing) its original's. */
  function resolveRef(ref: string, depth = 0): string | undefined {
    const known = itemByRef.get(ref);
    if (known !== undefined || depth > 5) return known;
    const a = activityByRef.get(ref);
    return a?.relistOf ? resolveRef(a.relistOf, depth + 1) : undefined;
  }
}

/** 構成計画 marks of a 施策, with "★" when it is one of the 障害者差別解消法 measures. */
function measureMarks(m: PlanMeasure): string[] {
  return m.star ? [...m.constituentPlans, "★"] : [...m.constituentPlans];
}

function indicatorOf(a: PlanActivity, itemId: string, ladder: MilestoneLadder, warnings: LayoutWarning[]) {
  const targets: LayoutTarget[] = [];
  for (const t of a.targets) {
    if (targets.some((x) => x.fiscalYear === t.fiscalYear)) {
      warnings.push({
        kind: "duplicate_target_year",
        line: a.line,
        message: `「${a.title}」の目標に同じ年度が2回あります（${t.fiscalYear}年度「${t.source}」は取り込みません）`,
      });
      continue;
    }
    targets.push({ fiscalYear: t.fiscalYear, target: parseTarget(t.source, ladder) });
  }
  return {
    id: crypto.randomUUID(),
    itemId,
    name: a.indicator ?? "",
    source: {
      line: a.line,
      indicator: a.indicator,
      targets: a.targets,
      // a table headed by other years than the document's: its targets are kept here, filed under no year
      ...(a.unfiledTargets.length > 0 ? { unfiledTargets: a.unfiledTargets } : {}),
    },
    targets,
  };
}
