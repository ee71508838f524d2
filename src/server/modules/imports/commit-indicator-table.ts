/**
 * A basic plan's indicator tables (区政評価指標 / 成果指標) as a plan 政策 → 施策 with one indicator per table row and
 * one target at the target's fiscal year. The layout is decided without the database so the preview reports exactly
 * what the commit writes.
 */
import { MEGURO_SCALE } from "../../../domain/grades.js";
import { splitSourceLines } from "../../../domain/import-evaluation/source-lines.js";
import type { ParsedIndicatorTable } from "../../../domain/import-indicator-table/types.js";
import { DEFAULT_LADDER, type MilestoneLadder } from "../../../domain/indicators/milestones.js";
import { parseTarget, type Target } from "../../../domain/indicators/target.js";
import { toHalfWidth } from "../../../domain/text/normalize.js";
import type { Executor } from "../../db/client.js";
import { indicators, indicatorTargets, planItemPlacements, planItems } from "../../db/schema/index.js";
import type { Actor } from "../../platform/audit.js";
import * as plansRepo from "../plans/repository.js";
import { targetRow } from "./plan-rows.js";

export const INDICATOR_TABLE_LEVELS = ["政策", "施策"];
/** A 基本計画 runs ten years; used when the tables give only the target year. */
const BASIC_PLAN_YEARS = 10;

interface TableItem {
  id: string;
  level: number;
  code: string | null;
  title: string;
  source: { line: number | null; heading: string };
}

export interface IndicatorTableLayout {
  plan: { title: string; startFiscalYear: number; endFiscalYear: number; periodBasis: string };
  items: TableItem[];
  placements: { itemId: string; parentItemId: string | null; position: number }[];
  indicators: {
    id: string;
    itemId: string;
    name: string;
    baselineSource: string;
    baselineFiscalYear: number | null;
    position: number;
    source: Record<string, unknown>;
    target: { fiscalYear: number; target: Target } | null;
  }[];
}

const POLICY = /^政策[\s\u3000]*([0-9０-９]+)[\s\u3000]*(.*)$/;
const MEASURE = /^施策[\s\u3000]*([0-9０-９]+)[\s\u3000]*(.*)$/;

/** "政策1 地域共生社会*の実現の推進" → code "1", title as written after the number. */
function splitHeading(heading: string, pattern: RegExp): { number: string | null; title: string } {
  const m = pattern.exec(heading.trim());
  if (!m || (m[2] ?? "").trim() === "") return { number: null, title: heading.trim() };
  return { number: String(Number(toHalfWidth(m[1] ?? ""))), title: (m[2] ?? "").trim() };
}

/**
 * The plan period: ends at the latest target year; starts the year after the earliest 現状値 year when one is
 * written, otherwise ten years before the end (a 基本計画). Said in `periodBasis` so the plan office can check it.
 */
function periodOf(doc: ParsedIndicatorTable, fallbackFiscalYear: number) {
  const targetYears = doc.indicators.flatMap((i) => (i.target.fiscalYear === null ? [] : [i.target.fiscalYear]));
  const baselineYears = doc.indicators.flatMap((i) => (i.baseline.fiscalYear === null ? [] : [i.baseline.fiscalYear]));
  const end = targetYears.length > 0 ? Math.max(...targetYears) : null;
  const firstBaseline = baselineYears.length > 0 ? Math.min(...baselineYears) : null;
  if (end !== null && firstBaseline !== null && firstBaseline < end) {
    return { start: firstBaseline + 1, end, basis: "現状値の年度の翌年度から計画目標値の年度まで" };
  }
  if (end !== null) {
    return {
      start: end - BASIC_PLAN_YEARS + 1,
      end,
      basis: `計画目標値の年度までの${BASIC_PLAN_YEARS}年間（開始年度は文書に書かれていないため仮定）`,
    };
  }
  const start = firstBaseline !== null ? firstBaseline + 1 : fallbackFiscalYear;
  return {
    start,
    end: start + BASIC_PLAN_YEARS - 1,
    basis: `目標年度が書かれていないため、${firstBaseline !== null ? "現状値の年度の翌年度" : "今年度"}から${BASIC_PLAN_YEARS}年間と仮定`,
  };
}

export function layoutIndicatorTable(
  doc: ParsedIndicatorTable,
  text: string,
  fallbackFiscalYear: number,
  ladder: MilestoneLadder = DEFAULT_LADDER,
): IndicatorTableLayout {
  const lines = splitSourceLines(text);
  /** The heading's own line: the last line written exactly so above the first row under it. */
  const headingLine = (heading: string, before: number) => {
    for (let n = Math.min(before - 1, lines.length); n >= 1; n--) if (lines[n - 1]?.trim() === heading) return n;
    return null;
  };
  const items: TableItem[] = [];
  const placements: IndicatorTableLayout["placements"] = [];
  const policies = new Map<string, TableItem>();
  const measures = new Map<string, TableItem>();
  const childCount = new Map<string | null, number>();
  const add = (
    level: number,
    code: string | null,
    title: string,
    heading: string,
    line: number,
    parent: string | null,
  ) => {
    const item: TableItem = {
      id: crypto.randomUUID(),
      level,
      code,
      title,
      source: { line: headingLine(heading, line), heading },
    };
    items.push(item);
    const position = childCount.get(parent) ?? 0;
    childCount.set(parent, position + 1);
    placements.push({ itemId: item.id, parentItemId: parent, position });
    return item;
  };
  const policyItem = (heading: string, line: number) => {
    let p = policies.get(heading);
    if (!p) {
      const { number, title } = splitHeading(heading, POLICY);
      p = add(0, number, title, heading, line, null);
      policies.set(heading, p);
    }
    return p;
  };

  const out: IndicatorTableLayout["indicators"] = [];
  const perItem = new Map<string, number>();
  for (const ind of doc.indicators) {
    let owner: TableItem;
    if (ind.parentPolicy === null) owner = policyItem(ind.policy, ind.line);
    else {
      const parent = policyItem(ind.parentPolicy, ind.line);
      const key = `${ind.parentPolicy}\n${ind.policy}`;
      let m = measures.get(key);
      if (!m) {
        const { number, title } = splitHeading(ind.policy, MEASURE);
        const code = number !== null && parent.code !== null ? `${parent.code}-${number}` : number;
        m = add(1, code, title, ind.policy, ind.line, parent.id);
        measures.set(key, m);
      }
      owner = m;
    }
    const position = perItem.get(owner.id) ?? 0;
    perItem.set(owner.id, position + 1);
    out.push({
      id: crypto.randomUUID(),
      itemId: owner.id,
      name: ind.name,
      baselineSource: ind.baseline.source,
      baselineFiscalYear: ind.baseline.fiscalYear,
      position,
      source: { line: ind.line, indicatorType: ind.indicatorType, policy: ind.policy, target: ind.target },
      target:
        ind.target.fiscalYear === null || ind.target.source.trim() === ""
          ? null
          : { fiscalYear: ind.target.fiscalYear, target: parseTarget(ind.target.source, ladder) },
    });
  }
  const period = periodOf(doc, fallbackFiscalYear);
  return {
    plan: { title: doc.title, startFiscalYear: period.start, endFiscalYear: period.end, periodBasis: period.basis },
    items,
    placements,
    indicators: out,
  };
}

/** Writes the layout in the caller's transaction: the plan (政策 get the yearly sheets), items, indicators, targets. */
export async function commitIndicatorTable(tx: Executor, auth: Actor, layout: IndicatorTableLayout) {
  const m = auth.municipalityId;
  const plan = await plansRepo.insertPlan(tx, m, {
    title: layout.plan.title || "基本計画",
    kind: "基本計画",
    startFiscalYear: layout.plan.startFiscalYear,
    endFiscalYear: layout.plan.endFiscalYear,
    levelNames: INDICATOR_TABLE_LEVELS,
    gradeScale: MEGURO_SCALE,
    constituentPlans: [],
    evaluationLevel: 1,
    milestoneLadder: null,
  });
  if (layout.items.length > 0) {
    await tx.insert(planItems).values(layout.items.map((i) => ({ ...i, municipalityId: m, planId: plan.id })));
    await tx
      .insert(planItemPlacements)
      .values(layout.placements.map((p) => ({ ...p, municipalityId: m, planId: plan.id, relisted: false })));
  }
  if (layout.indicators.length > 0) {
    await tx.insert(indicators).values(
      layout.indicators.map(({ target: _target, ...i }) => ({
        ...i,
        municipalityId: m,
        planId: plan.id,
        kind: "policy",
      })),
    );
  }
  const targets = layout.indicators.flatMap((i) =>
    i.target ? [targetRow(m, i.id, i.target.fiscalYear, i.target.target)] : [],
  );
  if (targets.length > 0) await tx.insert(indicatorTargets).values(targets);
  return { planId: plan.id };
}
