import { formatFiscalYear } from "../../domain/fiscal-year.js";
import type { Db } from "../db/client.js";
import { readStats } from "../modules/measures/service.js";
import { fiscalYearOption, operatorFor } from "./operator.js";

/**
 * 重層的支援の統計 for operators: `stats --municipality <code> --fiscal-year <年度> [--json]`. The numbers leave the
 * system (a plan's paper, another program), so small ones are suppressed as for the plan side; a suppressed value is
 * null with `suppressed: true`. Counts only, never a person.
 */
export async function runStats(db: Db, opts: { municipality?: string; fiscalYear?: string }) {
  const operator = await operatorFor(db, opts.municipality);
  const fiscalYear = fiscalYearOption(opts.fiscalYear, "2025、令和7年度、R7");
  const stats = await readStats(db, operator.municipalityId, null, { fiscalYear });
  const measures = stats.measures.map((m) => ({
    key: m.key,
    label: m.label,
    value: m.total?.state === "shown" ? m.total.value : null,
    suppressed: m.total !== null && m.total.state !== "shown",
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
    return [m.label, m.total?.display ?? "", rows].filter(Boolean).join("\t");
  });
  const heading = `${operator.municipalityCode} ${formatFiscalYear(fiscalYear)}: 重層的支援の統計（${stats.threshold}未満は秘匿）`;
  return { json: { fiscalYear, threshold: stats.threshold, measures }, text: [heading, ...lines].join("\n") };
}
