/**
 * Applies an edited evaluation workbook (see read-evaluation-workbook.ts) to the database, in one transaction.
 * Only sheets whose cells were actually edited are written (version + 1, one audit record each); a sheet edited
 * both in the file and in tsunagu since the export is reported as a conflict and left as it is in tsunagu.
 */
import { createHash } from "node:crypto";
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import type { Db } from "../../db/client.js";
import { type Actor, type AuditEntry, actorOf, recordAuditBatch } from "../../platform/audit.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { AppError, notFound } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as departmentsRepo from "../departments/repository.js";
import * as evaluationsRepo from "../evaluations/repository.js";
import { SHEET_FIELD_LABELS, SHEET_FIELDS } from "../evaluations/schema.js";
import { assertYearOpen } from "../evaluations/year-lock.js";
import { yearStructure } from "../evaluations/year-structure.js";
import * as importsRepo from "../imports/repository.js";
import * as plansRepo from "../plans/repository.js";
import { diffSheet } from "./diff-sheet.js";
import { readEvaluationWorkbook } from "./read-evaluation-workbook.js";
import type { ReadWorkbook, SheetFieldValues, WorkbookImportResult, WorkbookProblem } from "./schema.js";

export const IMPORT_KIND = "evaluation-xlsx";

/** The caller's role, or null for an operator command (the CLI acts with the operator's full rights). */
const callerOf = (actor: Actor) => ("role" in actor ? (actor as AuthContext) : null);

function unreadable(problems: WorkbookProblem[]) {
  const lines = problems
    .slice(0, 10)
    .map((p) => `・${p.worksheet ? `シート「${p.worksheet}」` : ""}${p.cell ? `${p.cell}` : ""}: ${p.message}`);
  if (problems.length > 10) lines.push(`ほか${problems.length - 10}件`);
  return new AppError(
    400,
    "unreadable_file",
    `Excelファイルに読み取れない箇所が${problems.length}件あります。直してから、もう一度取り込んでください。何も取り込んでいません。\n${lines.join("\n")}`,
    { problems },
  );
}

/** The import entry point for xlsx bytes: preview (dryRun) or apply. Throws 400 before writing anything unreadable. */
export async function importEvaluationWorkbook(
  db: Db,
  actor: Actor,
  bytes: Uint8Array,
  opts: { dryRun?: boolean; fileName?: string | null } = {},
) {
  const read = await readEvaluationWorkbook(bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const result = await applyEvaluationWorkbook(db, actor, read, { ...opts, sha256 });
  // `report` is what the import page shows for every kind of import; `created` keeps the text path's shape
  return { ...result, report: result, created: false };
}

export async function applyEvaluationWorkbook(
  db: Db,
  actor: Actor,
  read: ReadWorkbook,
  opts: { dryRun?: boolean; fileName?: string | null; sha256?: string } = {},
): Promise<WorkbookImportResult> {
  if (read.problems.some((p) => p.kind === "unreadable")) throw unreadable(read.problems);
  const m = actor.municipalityId;
  const auth = callerOf(actor);
  const dryRun = opts.dryRun ?? false;

  return db.transaction(async (tx) => {
    const plan = await plansRepo.findPlan(tx, m, read.planId);
    if (!plan) throw notFound("書き出し元の計画");
    if (!(await evaluationsRepo.findRound(tx, m, plan.id, read.fiscalYear))) {
      throw notFound(`${formatFiscalYear(read.fiscalYear)}の評価`);
    }
    // a closed year takes nothing from a workbook, not even the sheets that did not change
    await assertYearOpen(tx, m, plan.id, read.fiscalYear);
    // The scale may have changed since the export: a grade the plan no longer has cannot be stored.
    const codes = new Set(plan.gradeScale.map((g) => g.code));
    const badGrades: WorkbookProblem[] = read.sheets
      .filter((s) => s.fields.grade !== null && !codes.has(s.fields.grade))
      .map((s) => ({
        kind: "unreadable",
        worksheet: s.worksheetName,
        cell: null,
        message: `評価「${s.fields.grade}」はこの計画の評価区分（${[...codes].join("・")}）にありません`,
      }));
    if (badGrades.length) throw unreadable([...read.problems, ...badGrades]);

    // one after the other: inside a transaction they share one connection
    const current = await evaluationsRepo.listSheetsOfPlanYear(tx, m, plan.id, read.fiscalYear);
    // each sheet is owned as in the revision its year is evaluated under, as when saved on screen
    const structure = await yearStructure(tx, m, plan.id, read.fiscalYear);
    const departments = await departmentsRepo.listDepartments(tx, m);
    const sheetById = new Map(current.map((s) => [s.id, s]));
    const deptName = new Map(departments.map((d) => [d.id, d.name]));

    const result: WorkbookImportResult = {
      kind: IMPORT_KIND,
      planId: plan.id,
      fiscalYear: read.fiscalYear,
      fiscalYearLabel: formatFiscalYear(read.fiscalYear),
      dryRun,
      changed: [],
      unchanged: 0,
      conflicts: [],
      problems: [...read.problems],
    };
    const problem = (kind: WorkbookProblem["kind"], worksheet: string, message: string) =>
      result.problems.push({ kind, worksheet, cell: null, message });
    const audits: AuditEntry[] = [];

    for (const s of read.sheets) {
      const cur = sheetById.get(s.sheetId);
      const item = cur ? structure.itemOf(cur.itemId) : null;
      if (!cur || !item || cur.itemId !== s.itemId) {
        problem("not_found", s.worksheetName, "評価表が見つかりません（削除されたか、別の計画・年度のものです）");
        continue;
      }
      const depts = structure.departmentsOf(cur.itemId);
      const values = Object.fromEntries(SHEET_FIELDS.map((f) => [f, cur[f]])) as SheetFieldValues;
      const diff = diffSheet(s.fields, values, s.exportedHashes, cur.version !== s.exportedVersion);
      // A sheet the caller may not see is judged by the file alone, so nothing about its current content leaks.
      if (auth && !policies.canSeeSheet(auth, depts)) {
        if (diff.editedInFile)
          problem("permission", s.worksheetName, "権限がありません（担当課の評価表ではありません）");
        continue;
      }
      if (!diff.changes.length && !diff.conflicts.length) {
        result.unchanged++;
        continue;
      }
      // a refusal is one sheet's problem, not the whole import's
      if (auth && !policies.canEditSheet(auth, depts)) {
        problem("permission", s.worksheetName, "権限がありません");
        continue;
      }
      // submitted or accepted: out of the department's hands, as on screen
      if (auth && !policies.canEditSheetIn(auth, cur.status)) {
        problem(
          "locked",
          s.worksheetName,
          "提出済みの評価表は編集できません。計画所管課に差し戻しを依頼してください。",
        );
        continue;
      }
      const brief = { sheetId: cur.id, code: item.code, title: item.title, worksheet: s.worksheetName };
      if (diff.conflicts.length) {
        result.conflicts.push({
          ...brief,
          exportedVersion: s.exportedVersion,
          currentVersion: cur.version,
          message: "書き出した後に、tsunaguで同じ欄が更新されています。この評価表は取り込んでいません。",
          fields: diff.conflicts.map((c) => ({ ...c, label: SHEET_FIELD_LABELS[c.field] })),
        });
        continue;
      }
      result.changed.push({
        ...brief,
        fields: diff.changes.map((c) => ({ ...c, label: SHEET_FIELD_LABELS[c.field] })),
      });
      if (dryRun) continue;

      const patch: Partial<evaluationsRepo.SheetRow> = {};
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const c of diff.changes) {
        patch[c.field] = c.after;
        before[c.field] = c.before;
        after[c.field] = c.after;
      }
      // as when saving on screen: a first write starts the sheet, and the department names are refreshed
      if (cur.status === "not_started") {
        patch.status = "draft";
        before.status = cur.status;
        after.status = "draft";
      }
      patch.departmentNames = depts.map((id) => deptName.get(id) ?? "");
      patch.updatedBy = actor.userId;
      const updated = await evaluationsRepo.updateSheet(tx, m, cur.id, cur.version, patch);
      if (!updated)
        throw new AppError(409, "conflict", "取込中に他の人が評価表を更新しました。もう一度取り込んでください。");
      audits.push({
        ...actorOf(actor),
        action: "import_xlsx",
        entityType: "evaluation_sheet",
        entityId: cur.id,
        before,
        after,
      });
    }

    if (!dryRun && audits.length) {
      await recordAuditBatch(tx, audits);
      await plansRepo.touchPlan(tx, m, plan.id);
      // The same bytes applied twice change nothing the second time; one record of the file is enough.
      if (opts.sha256 && !(await importsRepo.findImportBySha(tx, m, IMPORT_KIND, opts.sha256))) {
        await importsRepo.insertImport(tx, {
          municipalityId: m,
          kind: IMPORT_KIND,
          sha256: opts.sha256,
          fileName: opts.fileName ?? null,
          planId: plan.id,
          report: result,
          importedBy: actor.userId,
        });
      }
    }
    return result;
  });
}
