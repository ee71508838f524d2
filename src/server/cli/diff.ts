import { DIFF_TABLE_HEADERS, diffTableRows } from "../../domain/revisions/diff-table.js";
import type { Db } from "../db/client.js";
import { getDiff } from "../modules/revisions/diff.js";
import { diffQuery } from "../modules/revisions/schema.js";
import { AppError, ValidationError } from "../platform/errors.js";
import { operatorForPlan } from "./operator.js";

const USAGE = "diff --plan <計画ID> --from <版番号> --to <版番号|draft> [--json]";

/** Prints what changed between two revisions of a plan, computed by the same service as the API and the exports. */
export async function runDiff(db: Db, opts: { plan?: string; from?: string; to?: string }) {
  const operator = await operatorForPlan(db, opts.plan, USAGE);
  const parsed = diffQuery.safeParse({ from: opts.from, to: opts.to });
  if (!parsed.success) {
    throw new AppError(2, "usage", `--from / --to には版番号か draft を指定してください（${USAGE}）`);
  }
  let diff: Awaited<ReturnType<typeof getDiff>>;
  try {
    diff = await getDiff(db, operator, opts.plan as string, parsed.data);
  } catch (e) {
    if (e instanceof ValidationError) throw new AppError(2, "usage", e.message, e.fields);
    throw e;
  }
  const side = (s: typeof diff.from) =>
    s.status === "live" ? `現在の内容${s.number ? `（第${s.number}版 改定案）` : ""}` : `第${s.number}版 ${s.label}`;
  const s = diff.summary;
  const text = [
    `${diff.plan.title} 新旧対照: ${side(diff.from)} → ${side(diff.to)}`,
    `追加 ${s.added} / 削除 ${s.removed} / 移動 ${s.moved} / 名称変更 ${s.renamed} / 変更 ${s.changed} / 目標値変更 ${s.targetsChanged}`,
    DIFF_TABLE_HEADERS.join("\t"),
    ...diffTableRows(diff.changes, diff.plan.levelNames).map((r) =>
      r.map((c) => c.replace(/[\t\r\n]+/g, " ")).join("\t"),
    ),
  ];
  return { json: diff, text: text.join("\n") };
}
