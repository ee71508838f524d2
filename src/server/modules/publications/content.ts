/**
 * What a publication holds: the snapshot taken when the plan office publishes or updates it. Built only from what
 * is frozen (the approved revision in force for a plan; a closed year's report for a year), and only the public
 * fields: the public site and the open-data files read these objects and nothing else, so a later draft, rename or
 * reopened year cannot reach a resident until the office updates the publication.
 */
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { formatTarget } from "../../../domain/indicators/format-target.js";
import { parseTarget } from "../../../domain/indicators/target.js";
import type { PublicSheetField } from "../../../domain/labels/publications.js";
import { treeOrder } from "../../../domain/revisions/snapshot.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { conflict } from "../../platform/errors.js";
import { getYearReport } from "../evaluations/year-report.js";
import { ladderOf, targetOf } from "../indicators/typing.js";
import { getIndicatorView, selectEntries } from "../indicators/view.js";
import { loadPlanOr404 } from "../plans/service.js";
import { resolveStructure } from "../revisions/in-force.js";

export interface PublicItem {
  id: string;
  level: number;
  levelName: string;
  code: string | null;
  title: string;
  summary: string | null;
  category: string | null;
  isNew: boolean;
  isPriority: boolean;
  departmentNames: string[];
  /** the heading it is placed under (its home placement); null at the top */
  parentId: string | null;
  /** the other headings it is listed under (再掲) */
  relistedUnder: string[];
}

export interface PublicIndicator {
  id: string;
  itemId: string | null;
  name: string;
  baseline: { text: string; value: number | null } | null;
  unit: string | null;
  targets: { fiscalYear: number; text: string; value: number | null }[];
}

export interface PlanContent {
  plan: {
    title: string;
    levelNames: string[];
    startFiscalYear: number;
    endFiscalYear: number;
    gradeScale: { code: string; label: string }[];
    revisionLabel: string;
  };
  /** the sheet fields this plan shows for its published years */
  sheetFields: PublicSheetField[];
  items: PublicItem[];
  indicators: PublicIndicator[];
}

/** The plan as its approved revision in force has it: a plan never approved has nothing to publish. */
export async function planContent(
  db: Executor,
  auth: AuthContext,
  planId: string,
  sheetFields: PublicSheetField[],
): Promise<PlanContent> {
  const plan = await loadPlanOr404(db, auth, planId);
  const { frozen } = await resolveStructure(db, auth.municipalityId, planId, "in_force");
  if (!frozen) throw conflict("承認された版がない計画は公開できません。計画を承認してから公開してください");
  const s = frozen.snapshot;
  const ladder = ladderOf(plan);
  const relisted = new Map<string, string[]>();
  const home = new Map<string, string | null>();
  for (const p of s.placements) {
    if (!p.relisted) {
      if (!home.has(p.itemId)) home.set(p.itemId, p.parentItemId);
    } else if (p.parentItemId) relisted.set(p.itemId, [...(relisted.get(p.itemId) ?? []), p.parentItemId]);
  }
  const items = treeOrder(s).map(
    (i): PublicItem => ({
      id: i.id,
      level: i.level,
      levelName: s.plan.levelNames[i.level] ?? "",
      code: i.code,
      title: i.title,
      summary: i.summary,
      category: i.category,
      isNew: i.isNew,
      isPriority: i.isPriority,
      departmentNames: i.departmentNames,
      parentId: home.get(i.id) ?? null,
      relistedUnder: relisted.get(i.id) ?? [],
    }),
  );
  const indicators = s.indicators.map((ind): PublicIndicator => {
    const baseline = ind.baselineSource ? parseTarget(ind.baselineSource, ladder) : null;
    const targets = s.targets
      .filter((t) => t.indicatorId === ind.id)
      .sort((a, b) => a.fiscalYear - b.fiscalYear)
      .map((t) => {
        const target = targetOf(t, ladder);
        return {
          fiscalYear: t.fiscalYear,
          text: formatTarget(target),
          value: target.kind === "numeric" ? target.value : null,
          unit: target.kind === "numeric" ? target.unit : null,
        };
      });
    return {
      id: ind.id,
      itemId: ind.itemId,
      name: ind.name,
      baseline: ind.baselineSource
        ? { text: ind.baselineSource, value: baseline?.kind === "numeric" ? baseline.value : null }
        : null,
      unit: targets.find((t) => t.unit)?.unit ?? null,
      targets: targets.map(({ unit: _unit, ...t }) => t),
    };
  });
  return {
    plan: {
      title: s.plan.title,
      levelNames: s.plan.levelNames,
      startFiscalYear: s.plan.startFiscalYear,
      endFiscalYear: s.plan.endFiscalYear,
      gradeScale: s.plan.gradeScale,
      revisionLabel: frozen.label,
    },
    sheetFields,
    items,
    indicators,
  };
}

export type PublicSummaryLine =
  | { kind: "heading"; nodeId: string; level: number; levelName: string; code: string | null; title: string }
  | {
      kind: "project";
      itemId: string;
      level: number;
      code: string | null;
      title: string;
      isNew: boolean;
      isPriority: boolean;
      relisted: boolean;
      grade: string | null;
      departmentNames: string[];
    }
  | { kind: "subtotal"; nodeId: string; level: number; label: string };

export interface PublicSheet {
  itemId: string;
  code: string | null;
  title: string;
  departmentNames: string[];
  /** only the fields the plan made public, in the sheet's order */
  fields: { field: PublicSheetField; value: string | null }[];
}

export interface PublicYearIndicator {
  id: string;
  itemId: string | null;
  itemCode: string | null;
  itemTitle: string;
  name: string;
  target: string | null;
  actual: string | null;
  actualValue: number | null;
  attainment: string;
}

export interface YearContent {
  fiscalYear: number;
  fiscalYearLabel: string;
  title: string;
  gradeScale: { code: string; label: string }[];
  groups: {
    nodeId: string;
    level: number;
    levelName: string;
    code: string | null;
    title: string;
    counts: Record<string, number>;
    ungraded: number;
    graded: number;
    projects: number;
    percentages: Record<string, number>;
  }[];
  total: {
    counts: Record<string, number>;
    ungraded: number;
    graded: number;
    projects: number;
    percentages: Record<string, number>;
  };
  lines: PublicSummaryLine[];
  sheets: PublicSheet[];
  indicators: PublicYearIndicator[];
}

/** A closed year's results as its 評価結果報告書 holds them, cut to the public fields (409 while the year is open). */
export async function yearContent(
  db: Executor,
  auth: AuthContext,
  planId: string,
  fiscalYear: number,
  sheetFields: readonly PublicSheetField[],
): Promise<YearContent> {
  const report = await getYearReport(db, auth, planId, fiscalYear);
  const { summary } = report;
  const plan = await loadPlanOr404(db, auth, planId);
  const view = await getIndicatorView(db, { ...plan, ...summary.plan }, fiscalYear);
  const lines = summary.lines.map((l): PublicSummaryLine => {
    if (l.kind !== "project") return l;
    const { submittedGrade: _s, status: _st, ...shown } = l;
    return shown;
  });
  return {
    fiscalYear,
    fiscalYearLabel: formatFiscalYear(fiscalYear),
    title: summary.plan.title,
    gradeScale: summary.plan.gradeScale,
    groups: summary.groups,
    total: summary.total,
    lines,
    sheets: report.sheets.map((s) => ({
      itemId: s.itemId,
      code: s.code,
      title: s.title,
      departmentNames: s.departmentNames,
      fields: sheetFields.map((field) => ({ field, value: s[field] ?? null })),
    })),
    indicators: selectEntries(view, auth).map((e) => ({
      id: e.id,
      itemId: e.itemId,
      itemCode: e.dto.item?.code ?? null,
      itemTitle: e.dto.item?.title ?? "",
      name: e.dto.name,
      target: e.dto.target?.formatted ?? null,
      actual: e.dto.actual?.display ?? null,
      actualValue: e.dto.actual?.value ?? null,
      attainment: e.dto.attainment.statusLabel,
    })),
  };
}
