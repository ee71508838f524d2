/**
 * The 実施計画 as a workbook, laid out like the plan's own sheets (狛江市 実施計画, seeds/002): one block per
 * initiative (the items at the evaluation level): 取組No. / name, 担当課 / 大施策, 区分, 事業概要, then one row per
 * indicator of the initiative and of each activity below it, with the activity's 担当課, the indicator and one column
 * per fiscal year of the plan holding the target exactly as written. A4 landscape, wrapped text, fixed widths,
 * plain strings only (no formulas), the same fonts and fills as the evaluation workbook.
 */
import ExcelJS from "exceljs";
import { formatFiscalYear, formatFiscalYearRange } from "../../../domain/fiscal-year.js";
import { evaluationLevelOf } from "../../../domain/plan-items.js";
import { printMetaLine } from "../../../domain/print-meta.js";
import { plainTextOf } from "../../../domain/text/text-blocks.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { policies } from "../../platform/policies.js";
import {
  BORDER,
  FONT_NAME,
  fill,
  HEADING_FILL,
  LABEL_FILL,
  rowHeightFor,
  setA4Landscape,
} from "../exports/workbook-layout.js";
import { loadPlanOr404 } from "../plans/service.js";
import { findCurrentRevision } from "../revisions/repository.js";
import type * as repo from "./plan-data-repository.js";
import { PlanStructure } from "./structure.js";
import { loadScopedPlanData } from "./view.js";

export const IMPLEMENTATION_SHEET = "実施計画";
/** A 事業(取組)内容, B 担当課, C 成果(活動)指標, then one column per fiscal year */
export const FIXED_WIDTHS = [34, 16, 26] as const;
export const YEAR_WIDTH = 14;
const GOAL_FILL = fill("FFBDD7EE");

/** The plan's state for the printed copy: the revision in force that is exported, or a plan never approved. */
function implementationPlanStatus(current: { number: number; label: string } | null) {
  return current
    ? `施行中の版: 第${current.number}版 ${current.label}（作業中の改定案は含みません）`
    : "策定中（承認済みの版はまだありません）";
}

export async function exportImplementationPlan(db: Executor, auth: AuthContext, planId: string) {
  policies.readPlans(auth);
  // the plan in force: a revision being drafted is not exported
  const { data, plan } = await loadScopedPlanData(db, await loadPlanOr404(db, auth, planId), "in_force", {
    fiscalYear: null,
    itemDetails: true,
    actuals: false,
  });
  const structure = new PlanStructure(data.items, data.placements, data.itemDepartments);
  const deptName = new Map(data.departments.map((d) => [d.id, d.name]));
  const deptText = (itemId: string) =>
    structure
      .departmentsOf(itemId)
      .map((id) => deptName.get(id) ?? "")
      .join("・");
  const visible = (itemId: string) => policies.canSeeIndicator(auth, structure.ownersOf(itemId));
  const indicatorsOf = new Map<string, repo.PlanDataIndicator[]>();
  for (const i of data.indicators) {
    if (!i.itemId || !visible(i.itemId)) continue;
    indicatorsOf.set(i.itemId, [...(indicatorsOf.get(i.itemId) ?? []), i]);
  }
  const targetOf = new Map(data.targets.map((t) => [`${t.indicatorId}:${t.fiscalYear}`, t.source]));
  const years: number[] = [];
  for (let fy = plan.startFiscalYear; fy <= plan.endFiscalYear; fy++) years.push(fy);
  const lastCol = FIXED_WIDTHS.length + years.length;
  const level = evaluationLevelOf(plan);
  const levelName = plan.levelNames[level] ?? "取組";

  const current = await findCurrentRevision(db, auth.municipalityId, planId);
  const wb = new ExcelJS.Workbook();
  wb.creator = "tsunagu";
  wb.created = new Date();
  wb.title = `${plan.title} 実施計画`;
  const ws = wb.addWorksheet(IMPLEMENTATION_SHEET);
  ws.columns = [...FIXED_WIDTHS, ...years.map(() => YEAR_WIDTH)].map((width) => ({ width }));
  setA4Landscape(ws, "1:1");
  const widthOf = (from: number, to: number) =>
    (ws.columns.slice(from - 1, to) as { width?: number }[]).reduce((n, c) => n + (c.width ?? 10), 0);

  const font = { name: FONT_NAME, size: 10 };
  const put = (
    r: number,
    c: number,
    value: string | null | undefined,
    opts: { label?: boolean; bold?: boolean; fill?: ExcelJS.Fill; center?: boolean } = {},
  ) => {
    const cell = ws.getCell(r, c);
    // imported lists and paragraphs one per line, as the row heights below count them
    cell.value = plainTextOf(value ?? "");
    cell.font = { ...font, bold: opts.label || opts.bold };
    cell.alignment = {
      vertical: opts.label ? "middle" : "top",
      horizontal: opts.label || opts.center ? "center" : "left",
      wrapText: true,
    };
    const f = opts.fill ?? (opts.label ? LABEL_FILL : undefined);
    if (f) cell.fill = f;
    return cell;
  };
  const border = (r: number) => {
    for (let c = 1; c <= lastCol; c++) ws.getCell(r, c).border = BORDER;
  };

  let r = 1;
  put(r, 1, `${plan.title} 実施計画（${formatFiscalYearRange(plan.startFiscalYear, plan.endFiscalYear)}）`, {
    bold: true,
  }).font = { ...font, size: 12, bold: true };
  ws.mergeCells(r, 1, r, lastCol);
  ws.getRow(r).height = 24;
  // row 2: when this copy was made, and which approved version the plan's content follows
  put(r + 1, 1, printMetaLine({ createdAt: wb.created, status: implementationPlanStatus(current) })).font = {
    ...font,
    size: 9,
  };
  ws.mergeCells(r + 1, 1, r + 1, lastCol);
  r += 3;

  const initiatives = structure.ordered.filter(
    (i) => i.level === level && (visible(i.id) || structure.descendants(i.id).some((d) => visible(d.id))),
  );
  let lastGoal: string | null = null;
  let lastParent: string | null = null;
  let blocks = 0;
  for (const initiative of initiatives) {
    const chain = structure.chain(initiative.id).map((id) => structure.item(id));
    // headings for the levels above (基本目標, 施策 …) when they change
    for (const above of [...chain].reverse()) {
      if (!above || above.id === initiative.id) continue;
      const isGoal = above.level === 0;
      if (isGoal ? above.id === lastGoal : above.id === lastParent) continue;
      if (isGoal) lastGoal = above.id;
      else lastParent = above.id;
      const text = `${plan.levelNames[above.level] ?? ""}${above.code ? ` ${above.code}` : ""}　${above.title}`;
      put(r, 1, text, { bold: true, fill: isGoal ? GOAL_FILL : HEADING_FILL });
      ws.mergeCells(r, 1, r, lastCol);
      ws.getRow(r).height = rowHeightFor(text, widthOf(1, lastCol), 1);
      border(r);
      r++;
    }

    // block header
    put(r, 1, "取組No.", { label: true });
    put(r, 2, initiative.code, { bold: true, center: true });
    put(r, 3, levelName, { label: true });
    put(r, 4, initiative.title, { bold: true });
    ws.mergeCells(r, 4, r, lastCol);
    ws.getRow(r).height = rowHeightFor(initiative.title, widthOf(4, lastCol), 1);
    border(r);
    r++;

    const departments = deptText(initiative.id);
    put(r, 1, "担当課", { label: true });
    put(r, 2, departments);
    put(r, 3, "大施策", { label: true });
    put(r, 4, initiative.majorMeasure);
    ws.mergeCells(r, 4, r, lastCol);
    ws.getRow(r).height = Math.max(
      rowHeightFor(departments, widthOf(2, 2), 1),
      rowHeightFor(plainTextOf(initiative.majorMeasure), widthOf(4, lastCol), 1),
    );
    border(r);
    r++;

    const marks = [initiative.isNew ? "新" : null, initiative.isPriority ? "重" : null].filter(Boolean).join("・");
    put(r, 1, "区分", { label: true });
    put(r, 2, initiative.category, { center: true });
    put(r, 3, "新・重", { label: true });
    put(r, 4, marks);
    ws.mergeCells(r, 4, r, lastCol);
    border(r);
    r++;

    put(r, 1, "事業概要", { label: true });
    ws.mergeCells(r, 1, r, lastCol);
    border(r);
    r++;
    put(r, 1, initiative.summary);
    ws.mergeCells(r, 1, r, lastCol);
    ws.getRow(r).height = rowHeightFor(plainTextOf(initiative.summary), widthOf(1, lastCol), 2);
    border(r);
    r++;

    // indicator table
    put(r, 1, "事業(取組)内容", { label: true });
    put(r, 2, "担当課", { label: true });
    put(r, 3, "成果(活動)指標", { label: true });
    years.forEach((fy, i) => {
      put(r, 4 + i, formatFiscalYear(fy), { label: true });
    });
    border(r);
    r++;
    const activities = [initiative, ...structure.descendants(initiative.id)];
    for (const activity of activities) {
      const own = indicatorsOf.get(activity.id) ?? [];
      // the initiative's own row only when it has indicators; an activity always gets a row (its 担当課 at least)
      if (activity.id === initiative.id && own.length === 0) continue;
      if (activity.id !== initiative.id && !visible(activity.id)) continue;
      const name = `${activity.id !== initiative.id && activity.code ? `${activity.code} ` : ""}${activity.title}`;
      const depts = deptText(activity.id);
      const rows = own.length ? own : [null];
      rows.forEach((indicator, k) => {
        put(r, 1, k === 0 ? name : "");
        put(r, 2, k === 0 ? depts : "");
        put(r, 3, indicator?.name ?? "");
        years.forEach((fy, i) => {
          put(r, 4 + i, indicator ? (targetOf.get(`${indicator.id}:${fy}`) ?? "") : "");
        });
        const texts = [
          rowHeightFor(k === 0 ? name : "", widthOf(1, 1), 1),
          rowHeightFor(k === 0 ? depts : "", widthOf(2, 2), 1),
          rowHeightFor(indicator?.name ?? "", widthOf(3, 3), 1),
          ...years.map((fy) =>
            rowHeightFor(indicator ? plainTextOf(targetOf.get(`${indicator.id}:${fy}`)) : "", YEAR_WIDTH, 1),
          ),
        ];
        ws.getRow(r).height = Math.max(...texts);
        border(r);
        r++;
      });
    }
    blocks++;
    r++; // a blank row between blocks
  }
  if (blocks === 0) put(r, 1, "表示できる取組がありません");

  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const safeTitle = plan.title.replace(/[\\/:*?"<>|\r\n\t]/g, "_").slice(0, 120);
  return { buffer, fileName: `実施計画_${safeTitle}.xlsx`, blocks };
}
