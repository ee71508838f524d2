import type { DepartmentMention } from "../../../domain/departments/named-departments.js";
import type { ParsedProgramme } from "../../../domain/import-programme/types.js";

/** Every department name a project of the programme is linked to, with the line of the project's row. */
export function programmeDepartmentMentions(doc: ParsedProgramme): DepartmentMention[] {
  return doc.projects.flatMap((p) => p.departments.map((name) => ({ name, line: p.line })));
}

/** What the preview shows and the CLI prints for a programme document: counts, the registry as read, findings. */
export function programmeReport(doc: ParsedProgramme, encoding: string) {
  return {
    kind: "programme" as const,
    encoding,
    /** the law's categories written: top categories and their sub-kinds */
    categories: doc.categories.length,
    topCategories: doc.categories.filter((c) => c.parent === null).length,
    projects: doc.projects.length,
    integrated: doc.projects.filter((p) => p.integrated).length,
    registry: {
      categories: doc.categories.map(({ name, parent }) => ({ name, parent })),
      projects: doc.projects.map(({ number, name, categories, departments, integrated, line }) => ({
        number,
        name,
        categories,
        departments,
        integrated,
        line,
      })),
    },
    warnings: doc.warnings,
    unparsed: doc.unparsed,
  };
}
export type ProgrammeReport = ReturnType<typeof programmeReport>;
