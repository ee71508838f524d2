import { formatFiscalYear } from "../../domain/fiscal-year.js";
import type { Db } from "../db/client.js";
import { filterChoices } from "../modules/measures/repository.js";
import { readStats } from "../modules/measures/service.js";
import { AppError } from "../platform/errors.js";
import { fiscalYearOption, operatorFor } from "./operator.js";

/**
 * The registry project `--project` names: its id, its number or its name as the registry writes it. A name two
 * projects share is refused rather than one of them picked.
 */
export async function projectOption(db: Db, municipalityId: string, given: string | undefined) {
  if (given === undefined) return undefined;
  const { projects } = await filterChoices(db, municipalityId);
  const byKey = projects.filter((p) => p.id === given || String(p.number) === given);
  const matches = byKey.length > 0 ? byKey : projects.filter((p) => p.name === given.trim());
  if (matches.length === 1) return matches[0];
  const reason =
    matches.length === 0
      ? `事業が見つかりません: ${given}（事業のID、番号または名称を指定してください）`
      : `同じ名称の事業が複数あります: ${given}（番号 ${matches.map((p) => p.number).join("、")} のどれかを指定してください）`;
  throw new AppError(2, "project", reason);
}

/**
 * 重層的支援の統計 for operators: `stats --municipality <code> --fiscal-year <年度> [--project <事業>] [--json]`.
 * The numbers leave the system (a plan's paper, another program), so small ones are suppressed as for the plan side;
 * a suppressed value is null with `suppressed: true`. Counts only, never a person. With `--project` the counts are the project's (over its
 * agencies) and a measure that cannot be attributed to one is null with `notApplicable` saying why.
 */
export async function runStats(db: Db, opts: { municipality?: string; fiscalYear?: string; project?: string }) {
  const operator = await operatorFor(db, opts.municipality);
  const fiscalYear = fiscalYearOption(opts.fiscalYear, "2025、令和7年度、R7");
  const project = await projectOption(db, operator.municipalityId, opts.project);
  const stats = await readStats(db, operator.municipalityId, null, { fiscalYear, projectId: project?.id });
  const measures = stats.measures.map((m) => ({
    key: m.key,
    label: m.label,
    value: m.total?.state === "shown" ? m.total.value : null,
    suppressed: m.total !== null && m.total.state !== "shown" && m.total.state !== "not_applicable",
    ...(m.notApplicable && { notApplicable: m.notApplicable }),
    ...(m.rows.length > 0 && {
      rows: m.rows.map((r) => ({
        key: r.key,
        label: r.label,
        value: r.state === "shown" ? r.value : null,
        suppressed: r.state !== "shown",
      })),
    }),
  }));
  const lines = stats.measures.map((m) => {
    const rows = m.rows.map((r) => `${r.label} ${r.display}`).join("、");
    return [m.label, m.notApplicable ?? m.total?.display ?? "", rows].filter(Boolean).join("\t");
  });
  const scope = project ? ` 事業 ${project.number} ${project.name}` : "";
  const heading = `${operator.municipalityCode} ${formatFiscalYear(fiscalYear)}${scope}: 重層的支援の統計（${stats.threshold}未満は秘匿）`;
  const json = {
    fiscalYear,
    ...(project && { project: { id: project.id, number: project.number, name: project.name } }),
    threshold: stats.threshold,
    measures,
  };
  return { json, text: [heading, ...lines].join("\n") };
}
