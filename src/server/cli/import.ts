import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db/client.js";
import { commitImport } from "../modules/imports/service.js";
import { AppError } from "../platform/errors.js";
import { operatorFor } from "./operator.js";

export async function runImport(db: Db, opts: { file?: string; municipality?: string; dryRun: boolean }) {
  if (!opts.file) throw new AppError(2, "usage", "取り込むファイルを指定してください");
  const operator = await operatorFor(db, opts.municipality);
  let bytes: Buffer;
  try {
    bytes = await readFile(opts.file);
  } catch {
    throw new AppError(2, "not_found", `ファイル ${opts.file} を読めません`);
  }
  const result = await commitImport(db, operator, null, new Uint8Array(bytes), path.basename(opts.file), {
    dryRun: opts.dryRun,
  });
  const r = result.report as Record<string, unknown> & {
    warnings?: unknown[];
    unparsed?: unknown[];
    items?: number;
    goals?: number;
  };
  const json = {
    plan: { id: result.planId, ...(r.plan as object) },
    items: r.items,
    goals: r.goals,
    measures: r.measures,
    sheets: r.sheets,
    gradeCounts: r.gradeCounts,
    fiscalYear: r.fiscalYear,
    created: "created" in result ? result.created : false,
    alreadyImported: r.alreadyImported,
    dryRun: opts.dryRun,
    warnings: r.warnings ?? [],
    unparsed: r.unparsed ?? [],
  };
  const text = [
    `${opts.dryRun ? "［確認のみ］" : ""}${json.created ? "取り込みました" : json.alreadyImported ? "取込済みの文書です（変更なし）" : "取り込める内容です"}`,
    `計画: ${(r.plan as { title?: string })?.title ?? ""} (${result.planId ?? "-"})`,
    `基本目標 ${json.goals} / 施策 ${json.measures} / 事業 ${json.items} / 評価表 ${json.sheets}`,
    `警告 ${json.warnings.length} 件、読み取れなかった行 ${json.unparsed.length} 行`,
  ].join("\n");
  return { json, text };
}
