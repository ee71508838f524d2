import { formatPercentage } from "../../domain/summary.js";
import type { Db } from "../db/client.js";
import { getSummary } from "../modules/summaries/service.js";
import { fiscalYearOption, operatorForPlan } from "./operator.js";

/** Prints the 総括表 computed by the same service as the screen and the API. */
export async function runSummary(db: Db, opts: { plan?: string; fiscalYear?: string }) {
  const operator = await operatorForPlan(db, opts.plan, "summary --plan <計画ID> --fiscal-year <年度> [--json]");
  const fy = fiscalYearOption(opts.fiscalYear, "2024、令和6年度");
  const summary = await getSummary(db, operator, opts.plan as string, {
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
