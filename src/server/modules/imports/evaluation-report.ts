import type { DepartmentMention } from "../../../domain/departments/named-departments.js";
import type { ParsedEvaluationDocument, ParsedProject } from "../../../domain/import-evaluation/types.js";
import { splitDepartments } from "../../../domain/text/normalize.js";

/** All projects of a parsed document in document order. */
export function projectsOf(doc: ParsedEvaluationDocument): ParsedProject[] {
  return doc.goals.flatMap((g) => g.measures.flatMap((m) => m.projects));
}

/** The departments a project names: its sheet's (the authoritative record of who evaluated), else its summary row's. */
export function writtenDepartmentsOf(p: ParsedProject): string[] {
  return p.sheet?.departments.length ? p.sheet.departments : p.summaryDepartments;
}

/** Every department name the document links an item to, with the line of the sheet (or summary row) naming it. */
export function evaluationDepartmentMentions(doc: ParsedEvaluationDocument): DepartmentMention[] {
  return projectsOf(doc).flatMap((p) =>
    writtenDepartmentsOf(p)
      .flatMap((n) => splitDepartments(n))
      .map((name) => ({ name, line: p.sheet?.line ?? p.line })),
  );
}

/** What the preview shows and the CLI prints: counts read from the document, every warning, every unused line. */
export function evaluationReport(doc: ParsedEvaluationDocument, encoding: string) {
  const projects = projectsOf(doc);
  const sheetCounts: Record<string, number> = Object.fromEntries(doc.gradeScale.map((g) => [g.code, 0]));
  const summaryCounts: Record<string, number> = Object.fromEntries(doc.gradeScale.map((g) => [g.code, 0]));
  let ungraded = 0;
  for (const p of projects) {
    const g = p.sheet?.grade ?? null;
    if (g && g in sheetCounts) sheetCounts[g] = (sheetCounts[g] ?? 0) + 1;
    else ungraded++;
    if (p.summaryGrade && p.summaryGrade in summaryCounts)
      summaryCounts[p.summaryGrade] = (summaryCounts[p.summaryGrade] ?? 0) + 1;
  }
  return {
    kind: "evaluation" as const,
    encoding,
    documentTitle: doc.documentTitle,
    plan: { title: doc.planTitle, startFiscalYear: doc.startFiscalYear, endFiscalYear: doc.endFiscalYear },
    fiscalYear: doc.fiscalYear,
    gradeScale: doc.gradeScale,
    goals: doc.goals.length,
    measures: doc.goals.reduce((n, g) => n + g.measures.length, 0),
    items: projects.length,
    sheets: projects.filter((p) => p.sheet).length,
    gradeCounts: { counts: sheetCounts, ungraded },
    summaryTableGradeCounts: summaryCounts,
    warnings: doc.warnings,
    unparsed: doc.unparsed,
  };
}
export type EvaluationReport = ReturnType<typeof evaluationReport>;
