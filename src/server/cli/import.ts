import { readFile } from "node:fs/promises";
import path from "node:path";
import { decideEveryNewName, type NamedDepartment } from "../../domain/departments/named-departments.js";
import { formatFiscalYear } from "../../domain/fiscal-year.js";
import { TARGET_KIND_LABELS } from "../../domain/labels/indicators.js";
import type { Db } from "../db/client.js";
import { commitImport } from "../modules/imports/service.js";
import { AppError, ValidationError } from "../platform/errors.js";
import { operatorFor } from "./operator.js";
import { roadmapOwnerOption } from "./roadmap-owner.js";

/** The kinds of target counted on the import's summary line, in the order people check them. */
const TARGET_KINDS_SHOWN = ["numeric", "milestone", "asNeeded", "text"] as const;

type Report = Record<string, unknown> & {
  kind?: string;
  warnings?: unknown[];
  unparsed?: unknown[];
  items?: number;
  goals?: number;
  measures?: number;
  activities?: number;
  indicators?: number;
  targets?: Record<string, number>;
  plan?: { title?: string };
  departments?: NamedDepartment[];
  /** the programme registry's counts (programme-report.ts) */
  projects?: number;
  categories?: number;
  topCategories?: number;
  integrated?: number;
  registry?: unknown;
  /** the roadmap's (roadmap-report.ts) */
  fiscalYear?: number;
  streams?: string[];
  months?: number;
  progressMonths?: number;
};

/**
 * `--new-departments create|skip`: what to do with every department name of the document that is not registered yet
 * (the dry run lists them). Without it such a document is refused, so no department is ever registered unasked.
 */
function decisionsOf(newDepartments: string | undefined) {
  if (newDepartments === undefined) return {};
  if (newDepartments !== "create" && newDepartments !== "skip") {
    throw new AppError(2, "usage", "--new-departments には create（登録する）か skip（登録しない）を指定してください");
  }
  return (table: readonly NamedDepartment[]) => decideEveryNewName(table, newDepartments);
}

export async function runImport(
  db: Db,
  opts: {
    file?: string;
    municipality?: string;
    dryRun: boolean;
    newDepartments?: string;
    item?: string;
    plan?: string;
    project?: string;
  },
) {
  if (!opts.file) throw new AppError(2, "usage", "取り込むファイルを指定してください");
  const operator = await operatorFor(db, opts.municipality);
  let bytes: Buffer;
  try {
    bytes = await readFile(opts.file);
  } catch {
    throw new AppError(2, "not_found", `ファイル ${opts.file} を読めません`);
  }
  const departments = decisionsOf(opts.newDepartments);
  const roadmapOwner = (await roadmapOwnerOption(db, operator.municipalityId, opts)) ?? undefined;
  let result: Awaited<ReturnType<typeof commitImport>>;
  try {
    result = await commitImport(db, operator, new Uint8Array(bytes), path.basename(opts.file), {
      dryRun: opts.dryRun,
      departments,
      roadmapOwner,
    });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const names = error.fields.map((f) => f.field.replace(/^departments\./, ""));
    throw new AppError(
      2,
      "new_departments",
      `文書に未登録の課があります（${names.join("、")}）。--new-departments create（登録する）か skip（登録しない）を指定してください。何も取り込んでいません。`,
      error.fields,
    );
  }
  const r = result.report as Report;
  const created = "created" in result ? result.created : false;
  const status = `${opts.dryRun ? "［確認のみ］" : ""}${created ? "取り込みました" : r.alreadyImported ? "取込済みの文書です（変更なし）" : "取り込める内容です"}`;
  const warnings = r.warnings ?? [];
  const unparsed = r.unparsed ?? [];
  const footer = `警告 ${warnings.length} 件、読み取れなかった行 ${unparsed.length} 行`;
  const named = r.departments ?? [];
  const newNames = named.filter((d) => d.status === "new").map((d) => d.name);
  const departmentLine = `課: 登録済み ${named.filter((d) => d.status === "existing").length} / 未登録 ${newNames.length}${newNames.length ? `（${newNames.join("、")}）` : ""} / 課でない語 ${named.filter((d) => d.status === "collective").length}`;
  const planLine = `計画: ${r.plan?.title ?? ""} (${result.planId ?? "-"})`;
  // what every kind of document answers after its own counts
  const outcome = {
    created,
    alreadyImported: r.alreadyImported,
    dryRun: opts.dryRun,
    departments: named,
    warnings,
    unparsed,
  };

  if (r.kind === "roadmap") {
    const json = {
      kind: r.kind,
      fiscalYear: r.fiscalYear,
      indicators: r.indicators,
      streams: r.streams,
      months: r.months,
      progressMonths: r.progressMonths,
      warnings,
      unparsed,
      attachedTo: roadmapOwner ?? null,
      created,
      alreadyImported: r.alreadyImported,
      dryRun: opts.dryRun,
    };
    const counts = `${formatFiscalYear(r.fiscalYear ?? 0)} / 指標 ${r.indicators} / 月 ${r.months}（実績の記載 ${r.progressMonths}） / 取組 ${(r.streams ?? []).join("・")}`;
    return { json, text: [status, counts, footer].join("\n") };
  }

  if (r.kind === "programme") {
    const json = {
      kind: r.kind,
      projects: r.projects,
      categories: r.categories,
      integrated: r.integrated,
      registry: r.registry,
      ...outcome,
    };
    const counts = `法対象事業 ${r.categories}（うち事業区分 ${r.topCategories}） / 事業 ${r.projects} / 一体的連携事業 ${r.integrated}`;
    return { json, text: [status, counts, departmentLine, footer].join("\n") };
  }

  if (r.kind === "implementation-plan" || r.kind === "indicator-table") {
    const targets = r.targets ?? {};
    const json = {
      kind: r.kind,
      plan: { id: result.planId, ...r.plan },
      items: r.items,
      activities: r.activities ?? 0,
      indicators: r.indicators,
      targets,
      ...outcome,
    };
    const counts =
      r.kind === "implementation-plan"
        ? `基本目標 ${r.goals} / 施策 ${r.measures} / 重点取組 ${r.items} / 取組内容 ${r.activities} / 指標 ${r.indicators}`
        : `政策・施策 ${r.items} / 指標 ${r.indicators}`;
    const targetLine = `目標: ${TARGET_KINDS_SHOWN.map((k) => `${TARGET_KIND_LABELS[k]} ${targets[k] ?? 0}`).join(" / ")} / 空欄 ${targets.blank ?? 0}`;
    return { json, text: [status, planLine, counts, targetLine, departmentLine, footer].join("\n") };
  }

  const json = {
    plan: { id: result.planId, ...(r.plan as object) },
    items: r.items,
    goals: r.goals,
    measures: r.measures,
    sheets: r.sheets,
    gradeCounts: r.gradeCounts,
    fiscalYear: r.fiscalYear,
    ...outcome,
  };
  const text = [
    status,
    planLine,
    `基本目標 ${json.goals} / 施策 ${json.measures} / 事業 ${json.items} / 評価表 ${json.sheets}`,
    departmentLine,
    footer,
  ].join("\n");
  return { json, text };
}
