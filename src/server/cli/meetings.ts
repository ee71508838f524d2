import { fiscalYearRange, formatFiscalYear } from "../../domain/fiscal-year.js";
import { formatJapaneseDate } from "../../domain/japanese-date.js";
import type { Db } from "../db/client.js";
import { countMeetingsAsOperator } from "../modules/meetings/operator.js";
import { fiscalYearOption, operatorFor } from "./operator.js";

/**
 * 支援会議・重層的支援会議 for operators: `meetings --municipality <code> [--fiscal-year <年度>] [--json]`. Counts only:
 * no person's or member's name is printed. The listing is a "read" record in the municipality's audit trail.
 */
export async function runMeetings(db: Db, opts: { municipality?: string; fiscalYear?: string }) {
  const operator = await operatorFor(db, opts.municipality);
  const fy = opts.fiscalYear === undefined ? null : fiscalYearOption(opts.fiscalYear, "2026、令和8年度");
  const range = fy === null ? null : fiscalYearRange(fy);
  const meetings = await countMeetingsAsOperator(db, operator, range && { from: range.start, to: range.end });
  const heading = `${operator.municipalityCode}${fy === null ? "" : ` ${formatFiscalYear(fy)}`}: 会議 ${meetings.length}件`;
  const lines = meetings.map((m) =>
    [
      m.id,
      m.kindName,
      formatJapaneseDate(m.heldOn),
      m.district ?? "地区なし",
      `構成員 ${m.members}人（誓約 ${m.pledged}人）`,
      `議題 ${m.subjects}件`,
      `決定 ${m.decisions}件`,
    ].join("\t"),
  );
  return { json: { meetings }, text: [heading, ...lines].join("\n") };
}
