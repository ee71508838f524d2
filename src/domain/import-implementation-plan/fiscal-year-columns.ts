/**
 * The fiscal-year columns of a 実施計画's activity tables. One document plans one period, so its tables should all be
 * headed by the same years. The heading most tables carry (the first of them on a tie) is the document's; a table
 * headed otherwise (R6 R7 R8 in a plan whose other tables say R7 R8 R9) is reported on its header line, naming both
 * headings. Its years neither widen the plan's period nor receive its targets, and its targets are not moved to the
 * document's years either: whether the heading or the cells are wrong cannot be told from the text. They are kept as
 * written in `unfiledTargets`, for the plan office to check and enter.
 */
import { formatFiscalYear } from "../fiscal-year";
import type { YearHeading } from "./parse-sheets";
import type { PlanWarning } from "./types";

const keyOf = (years: readonly number[]) => years.join(",");
const headingText = (years: readonly number[]) => years.map((y) => formatFiscalYear(y, "short")).join(" ");

/**
 * The document's fiscal years (ascending) and a warning per disagreeing table. Moves the targets of each such table's
 * activities to `unfiledTargets`; the activities are the parser's own, fresh objects.
 */
export function settleFiscalYears(headings: readonly YearHeading[]): {
  fiscalYears: number[];
  warnings: PlanWarning[];
} {
  // A header without year columns is not a disagreement about years (its rows report target_count_mismatch).
  const dated = headings.filter((h) => h.years.length > 0);
  const tally = new Map<string, { years: number[]; tables: number }>();
  for (const h of dated) {
    const entry = tally.get(keyOf(h.years)) ?? { years: h.years, tables: 0 };
    entry.tables++;
    tally.set(keyOf(h.years), entry);
  }
  let chosen: { years: number[]; tables: number } | null = null;
  for (const entry of tally.values()) if (!chosen || entry.tables > chosen.tables) chosen = entry;
  if (!chosen) return { fiscalYears: [], warnings: [] };

  const documentYears = chosen.years;
  const warnings: PlanWarning[] = [];
  for (const h of dated) {
    if (keyOf(h.years) === keyOf(documentYears)) continue;
    const targets = h.activities.reduce((n, a) => n + a.targets.length, 0);
    for (const a of h.activities) {
      a.unfiledTargets = a.targets;
      a.targets = [];
    }
    warnings.push({
      kind: "fiscal_year_mismatch",
      line: h.line,
      message: `重点取組${h.initiativeCode}の事業の表（${h.line}行目）の年度の列「${headingText(h.years)}」が、文書のほかの表（${chosen.tables}表）の「${headingText(documentYears)}」と異なります。この表の目標（${targets}件）はどの年度にも割り当てず、原文のまま保存します。年度を確かめて入力してください`,
    });
  }
  return { fiscalYears: [...documentYears].sort((a, b) => a - b), warnings };
}
