import { eq } from "drizzle-orm";
import { parseFiscalYear } from "../../domain/fiscal-year.js";
import { formatPercentage } from "../../domain/summary.js";
import type { Db } from "../db/client.js";
import { municipalities, plans } from "../db/schema/index.js";
import { getSummary } from "../modules/summaries/service.js";
import { AppError } from "../platform/errors.js";
import { operatorIn } from "./operator.js";

/** Prints the 総括表 computed by the same service as the screen and the API. */
export async function runSummary(db: Db, opts: { plan?: string; fiscalYear?: string }) {
  const fy = opts.fiscalYear
    ? /^\d{4}$/.test(opts.fiscalYear)
      ? Number(opts.fiscalYear)
      : parseFiscalYear(opts.fiscalYear)
    : null;
  if (!opts.plan || !/^[0-9a-f-]{36}$/i.test(opts.plan))
    throw new AppError(2, "usage", "--plan <計画ID> を指定してください");
  if (!fy) throw new AppError(2, "usage", "--fiscal-year <年度> を指定してください（例: 2024、令和6年度）");
  const [row] = await db
    .select({ m: municipalities })
    .from(plans)
    .innerJoin(municipalities, eq(municipalities.id, plans.municipalityId))
    .where(eq(plans.id, opts.plan));
  if (!row) throw new AppError(2, "not_found", "計画が見つかりません");
  const summary = await getSummary(db, operatorIn(row.m), opts.plan, {
    fiscalYear: fy,
    isNew: undefined,
    isPriority: undefined,
  });
  const json = {
    plan: { id: summary.plan.id, title: summary.plan.title },
    fiscalYear: summary.fiscalYear,
    groups: summary.groups.map((g) => ({
      level: g.levelName,
      code: g.code,
      title: g.title,
      counts: g.counts,
      ungraded: g.ungraded,
    })),
    total: {
      counts: summary.total.counts,
      ungraded: summary.total.ungraded,
      graded: summary.total.graded,
      percentages: summary.total.percentages,
    },
  };
  const codes = summary.plan.gradeScale.map((g) => g.code);
  const lines = [
    `${summary.plan.title} ${summary.fiscalYearLabel} 総括表（承認済みの評価のみ）`,
    ["区分", ...codes, "未評価"].join("\t"),
    ...summary.groups.map((g) =>
      [
        `${"  ".repeat(g.level)}${g.levelName}${g.code ?? ""} ${g.title}`,
        ...codes.map((c) => g.counts[c]),
        g.ungraded,
      ].join("\t"),
    ),
    ["総合計", ...codes.map((c) => summary.total.counts[c]), summary.total.ungraded].join("\t"),
    ["割合", ...codes.map((c) => formatPercentage(summary.total.percentages[c] ?? 0)), ""].join("\t"),
  ];
  return { json, text: lines.join("\n") };
}
