/**
 * 評価結果報告書: the result of a closed year in one document, the 総括表, the sheets and the indicators with their
 * attainment, as the year was closed (its revision, the department names written on the sheets). The page and the
 * xlsx both draw this object, so they cannot disagree. Readers see what they may see elsewhere: the whole 総括表,
 * and the sheets and indicators of their own departments when they are a department editor. The committees'
 * opinions and the city's answers follow (committees/readable.ts says who reads which).
 */
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { SHEET_STATUS_LABELS, type SheetStatus } from "../../../domain/labels/evaluation.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { conflict, notFound } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { readableOpinions } from "../committees/readable.js";
import * as committeesRepo from "../committees/repository.js";
import { getIndicatorView, selectEntries, tallyOf } from "../indicators/view.js";
import { loadPlanOr404 } from "../plans/service.js";
import { getSummary } from "../summaries/service.js";
import * as repo from "./repository.js";
import { roundWithNames } from "./rounds.js";
import { yearStructure } from "./year-structure.js";

export async function getYearReport(db: Executor, auth: AuthContext, planId: string, fiscalYear: number) {
  policies.readPlans(auth);
  const plan = await loadPlanOr404(db, auth, planId);
  const round = await repo.findRound(db, auth.municipalityId, planId, fiscalYear);
  if (!round) throw notFound(`${formatFiscalYear(fiscalYear)}の評価`);
  if (round.status !== "closed") {
    throw conflict(`評価結果報告書は締め切った年度だけ作成できます（${formatFiscalYear(fiscalYear)}は評価中です）`);
  }
  const summary = await getSummary(db, auth, planId, {
    fiscalYear,
    isNew: undefined,
    isPriority: undefined,
    include: "rows",
  });
  const structure = await yearStructure(db, auth.municipalityId, planId, fiscalYear);
  const sheetRows = await repo.listSheetsOfPlanYear(db, auth.municipalityId, planId, fiscalYear);
  // the year's settings (title, grades) are those of its revision: the summary already reads them
  const view = await getIndicatorView(db, { ...plan, ...summary.plan }, fiscalYear);
  const entries = selectEntries(view, auth);

  // sheets in the 総括表's order (each project once, at its home placement)
  const order = new Map<string, number>();
  for (const line of summary.lines) {
    if (line.kind === "project" && !line.relisted && !order.has(line.itemId)) order.set(line.itemId, order.size);
  }
  const sheets = sheetRows
    .filter((s) => order.has(s.itemId) && policies.canSeeSheet(auth, structure.departmentsOf(s.itemId)))
    .sort((a, b) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0))
    .map((s) => {
      const item = structure.itemOf(s.itemId);
      const own = entries.filter((e) => e.itemId !== null && view.structure.isWithin(e.itemId, s.itemId));
      return {
        id: s.id,
        itemId: s.itemId,
        code: item?.code ?? null,
        title: item?.title ?? "",
        departmentNames: s.departmentNames,
        status: s.status,
        statusLabel: SHEET_STATUS_LABELS[s.status as SheetStatus] ?? s.status,
        grade: s.status === "accepted" ? s.grade : null,
        previousStatus: s.previousStatus,
        targetFirst: s.targetFirst,
        targetSecond: s.targetSecond,
        results: s.results,
        reason: s.reason,
        issues: s.issues,
        notEvaluatedReason: s.notEvaluatedReason,
        indicatorIds: own.map((e) => e.id),
      };
    });

  return {
    plan: { id: plan.id, title: summary.plan.title },
    fiscalYear,
    fiscalYearLabel: formatFiscalYear(fiscalYear),
    round: await roundWithNames(db, auth.municipalityId, round),
    /** the 総括表 exactly as GET /api/plans/:planId/summary?include=rows answers it for the year */
    summary,
    sheets,
    indicators: entries.map((e) => ({
      id: e.id,
      itemCode: e.dto.item?.code ?? null,
      itemTitle: e.dto.item?.title ?? "",
      name: e.dto.name,
      kindLabel: e.dto.kindLabel,
      target: e.dto.target?.formatted ?? null,
      actual: e.dto.actual?.display ?? null,
      attainment: e.dto.attainment,
    })),
    attainment: tallyOf(entries),
    /** the committees' submitted opinions on the year with the city's answers, as far as the reader may see them */
    committees: await readableOpinions(db, auth, {
      planId,
      opinions: await committeesRepo.listOpinionsOfYear(db, auth.municipalityId, planId, fiscalYear),
      departmentsOf: (itemId) => structure.departmentsOf(itemId),
      itemOf: (itemId) => {
        const item = structure.itemOf(itemId);
        return item && { code: item.code, title: item.title };
      },
    }),
  };
}
export type YearReport = Awaited<ReturnType<typeof getYearReport>>;
