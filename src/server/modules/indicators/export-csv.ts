/**
 * The indicators of one fiscal year as CSV (RFC 4180: CRLF, fields quoted when they hold a comma, a quote or a line
 * break, quotes doubled). UTF-8 with a BOM by default, so that Excel opens it as UTF-8; Shift_JIS (cp932, the
 * Windows variant Excel writes) on request for older tools. Characters cp932 cannot hold become "?" there.
 */
import iconv from "iconv-lite";
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { ATTAINMENT_LABELS } from "../../../domain/labels/indicators.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { visibleEntries } from "./service.js";
import type { IndicatorView, ViewEntry } from "./view.js";

export type CsvEncoding = "utf-8" | "shift_jis";

export function csvHeaders(fiscalYear: number) {
  return [
    "基本目標",
    "施策",
    "取組",
    "指標",
    `目標（${formatFiscalYear(fiscalYear)}）`,
    "実績",
    "達成状況",
    "達成率",
    "コメント",
  ];
}

/**
 * A spreadsheet would run a cell starting with = + - @ (or a tab / CR) as a formula ("CSV injection"); such a cell
 * gets a leading apostrophe, which Excel shows as text. Plain numbers ("-5", "+1.5%") are left alone.
 */
function neutralise(value: string) {
  if (/^[=@\t\r]/.test(value)) return `'${value}`;
  if (/^[+-]/.test(value) && !/^[+-][\d.,%\s]*$/.test(value)) return `'${value}`;
  return value;
}

export function csvField(value: string) {
  const v = neutralise(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(rows: string[][]) {
  return rows.map((r) => `${r.map(csvField).join(",")}\r\n`).join("");
}

const label = (item: { code: string | null; title: string } | null) =>
  item ? `${item.code ? `${item.code} ` : ""}${item.title}` : "";

function rowOf(view: IndicatorView, e: ViewEntry): string[] {
  const { structure } = view;
  const chain = e.itemId ? [...structure.chain(e.itemId)].reverse() : []; // goal first
  const items = chain.map((id) => structure.item(id));
  const goal = items.find((i) => i?.level === 0) ?? null;
  const measure = items.find((i) => i?.level === 1) ?? null;
  const below = items.filter((i) => i !== null && i.level >= 2);
  const { dto } = e;
  return [
    label(goal),
    label(measure),
    below.map(label).join(" ／ "),
    dto.name,
    dto.target?.source ?? "",
    dto.actual?.display ?? "",
    ATTAINMENT_LABELS[dto.attainment.status],
    dto.attainment.rate === null ? "" : `${(dto.attainment.rate * 100).toFixed(1)}%`,
    dto.actual?.comment ?? "",
  ];
}

export async function exportIndicatorsCsv(
  db: Executor,
  auth: AuthContext,
  planId: string,
  fiscalYear: number,
  encoding: CsvEncoding,
) {
  const { plan, view, entries } = await visibleEntries(db, auth, planId, fiscalYear);
  const text = toCsv([csvHeaders(fiscalYear), ...entries.map((e) => rowOf(view, e))]);
  const buffer =
    encoding === "shift_jis" ? iconv.encode(text, "cp932") : Buffer.concat([Buffer.from("\ufeff"), Buffer.from(text)]);
  const safeTitle = plan.title.replace(/[\\/:*?"<>|\r\n\t]/g, "_").slice(0, 120);
  return {
    buffer,
    contentType: `text/csv; charset=${encoding === "shift_jis" ? "Shift_JIS" : "utf-8"}`,
    fileName: `${formatFiscalYear(fiscalYear)}_指標_${safeTitle}.csv`,
    asciiFileName: `indicators_${fiscalYear}.csv`,
    rows: entries.length,
  };
}
