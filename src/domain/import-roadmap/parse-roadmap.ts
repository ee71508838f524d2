/**
 * Reads a monthly roadmap document (text extracted from the PDF, cells separated by tabs): the municipality's basic
 * figures before it, the plan sheet (年間ロードマップ: indicators, then per month 取組内容 and 実施方法) and the
 * progress sheet (月間進捗シート: the same two columns repeated, then 実際の取組状況・成果等). Every line is used or
 * reported; where the progress sheet repeats the plan differently, both texts are kept and each difference is a
 * warning naming the month and the stream. Pure: text in, data out; never throws.
 */

import { fiscalYearOf } from "../fiscal-year";
import { isBlankLine, LineBook } from "../import-evaluation/source-lines";
import { formatJapaneseMonth } from "../japanese-date";
import { shiftMonth } from "../japanese-month";
import { cellsOf, isRoadmapMarker, readSheet, type Sheet } from "./sheets";
import { disagreeingStreams, textOf } from "./streams";
import {
  type ParsedRoadmap,
  type RoadmapFact,
  type RoadmapMonth,
  type RoadmapWarning,
  type StreamText,
  WHOLE_STREAM,
} from "./types";

export function isRoadmapDocument(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  return lines.some(isRoadmapMarker) && lines.some((l) => l.includes("取組内容") && l.includes("実施方法"));
}

/** The lines before the first sheet: section headings, label / value rows and their continuation rows. */
function readContext(book: LineBook, end: number): RoadmapFact[] {
  const facts: RoadmapFact[] = [];
  let section = "";
  let label = "";
  for (let n = 1; n < end; n++) {
    const text = book.line(n);
    if (isBlankLine(text)) continue;
    const cells = cellsOf(text);
    const filled = cells.filter((c) => c !== "");
    if (filled.length === 1 && cells.length === 1 && (filled[0] ?? "").length <= 30) {
      section = (filled[0] ?? "").replace(/^\d{1,2}[ \u3000]+/, "");
      label = "";
      book.use(n, "heading");
      continue;
    }
    book.use(n, "roadmap_fact");
    if (cells.length === 1) {
      facts.push({ section, label: "", value: filled[0] ?? "", line: n });
      continue;
    }
    if ((cells[0] ?? "") !== "") label = cells[0] ?? "";
    const rest = (cells[0] ?? "") !== "" ? cells.slice(1) : cells;
    facts.push({ section, label, value: rest.filter((c) => c !== "").join(" / "), line: n });
  }
  return facts;
}

const SHEET_FIELDS = { planned: "取組内容", method: "実施方法" } as const;

/** How a warning names a stream: its tag as written, or 全体 for the untagged text. */
const streamName = (stream: string) => (stream === WHOLE_STREAM ? `${WHOLE_STREAM}（分類なし）` : `<${stream}>`);

function compareSheets(plan: Sheet, progress: Sheet, warn: (w: RoadmapWarning) => void) {
  for (const p of progress.months) {
    const planned = plan.months.find((m) => m.month === p.month);
    if (!planned) continue;
    for (const field of ["planned", "method"] as const) {
      for (const stream of disagreeingStreams(planned[field], p[field])) {
        const a = textOf(planned[field], stream) || "（記載なし）";
        const b = textOf(p[field], stream) || "（記載なし）";
        warn({
          kind: "plan_mismatch",
          line: p.line,
          month: p.month,
          stream,
          message: `${formatJapaneseMonth(p.month)} ${streamName(stream)} の${SHEET_FIELDS[field]}が年間ロードマップ（${planned.line}行目）「${a}」と月間進捗シート「${b}」で異なります（両方を残します）`,
        });
      }
    }
  }
}

/** Streams in the order the plan writes them; progress-only streams after them, each reported; 全体 last. */
function streamsOf(plan: Sheet | undefined, progress: Sheet | undefined, warn: (w: RoadmapWarning) => void) {
  const order: string[] = [];
  const add = (list: readonly StreamText[] | null) => {
    for (const s of list ?? []) if (!order.includes(s.stream)) order.push(s.stream);
  };
  for (const m of plan?.months ?? []) add([...m.planned, ...m.method]);
  const planned = new Set(order);
  for (const m of progress?.months ?? []) {
    for (const s of [...m.planned, ...m.method, ...(m.actual ?? [])]) {
      if (order.includes(s.stream)) continue;
      order.push(s.stream);
      if (plan && s.stream !== WHOLE_STREAM && !planned.has(s.stream)) {
        warn({
          kind: "unknown_stream",
          line: m.line,
          month: m.month,
          stream: s.stream,
          message: `月間進捗シート ${formatJapaneseMonth(m.month)} の <${s.stream}> は年間ロードマップにない取組です（そのまま取り込みます）`,
        });
      }
    }
  }
  return [...order.filter((s) => s !== WHOLE_STREAM), ...order.filter((s) => s === WHOLE_STREAM)];
}

function missingMonths(sheet: Sheet, fiscalYear: number, warn: (w: RoadmapWarning) => void) {
  const name = sheet.progress ? "月間進捗シート" : "年間ロードマップ";
  for (let i = 0; i < 12; i++) {
    const month = shiftMonth(`${fiscalYear}-04`, i);
    if (sheet.months.some((m) => m.month === month)) continue;
    warn({
      kind: sheet.progress ? "missing_progress_month" : "missing_month",
      line: sheet.monthHeader,
      month,
      message: `${name}に${formatJapaneseMonth(month)}の行がありません`,
    });
  }
  const outside = sheet.months.filter((m) => fiscalYearOf(`${m.month}-01`) !== fiscalYear);
  for (const m of outside) {
    warn({
      kind: "outside_year",
      line: m.line,
      month: m.month,
      message: `${name}の${formatJapaneseMonth(m.month)}はこの年度の月ではありません（取り込みません）`,
    });
  }
  sheet.months = sheet.months.filter((m) => !outside.includes(m));
}

export function parseRoadmap(text: string): ParsedRoadmap {
  const book = new LineBook(text);
  const warnings: RoadmapWarning[] = [];
  const warn = (w: RoadmapWarning) => warnings.push(w);
  const markers: number[] = [];
  for (let n = 1; n <= book.count; n++) if (isRoadmapMarker(book.line(n))) markers.push(n);
  // a sheet's title is the line above its marker: the context ends before the first title
  let contextEnd = markers[0] ?? book.count + 1;
  if (markers.length > 0) {
    contextEnd--;
    while (contextEnd > 1 && isBlankLine(book.line(contextEnd))) contextEnd--;
  }
  const context = readContext(book, contextEnd);
  const sheets = markers.map((marker, i) => {
    let end = markers[i + 1] ?? book.count + 1;
    if (i + 1 < markers.length) {
      end--; // the next sheet's title
      while (end > marker && isBlankLine(book.line(end - 1))) end--;
    }
    return readSheet(book, marker, end, warn);
  });
  const plan = sheets.find((s) => !s.progress);
  const progress = sheets.find((s) => s.progress);
  const fiscalYear = plan?.fiscalYear ?? progress?.fiscalYear ?? null;
  const municipalityName = plan?.municipalityName ?? progress?.municipalityName ?? null;
  if (plan && progress) {
    if (progress.fiscalYear !== plan.fiscalYear || progress.municipalityName !== plan.municipalityName) {
      warn({
        kind: "sheet_mismatch",
        line: progress.line,
        message: `月間進捗シートの年度・自治体名（${progress.title} ${progress.municipalityName ?? ""}）が年間ロードマップ（${plan.title} ${plan.municipalityName ?? ""}）と異なります`,
      });
    }
    compareSheets(plan, progress, warn);
  }
  if (fiscalYear !== null) for (const s of sheets) missingMonths(s, fiscalYear, warn);
  const streams = streamsOf(plan, progress, warn);

  const monthKeys = [...new Set(sheets.flatMap((s) => s.months.map((m) => m.month)))].sort();
  const months: RoadmapMonth[] = monthKeys.map((month) => {
    const p = plan?.months.find((m) => m.month === month);
    const q = progress?.months.find((m) => m.month === month);
    return {
      month,
      planned: p?.planned ?? [],
      method: p?.method ?? [],
      progressPlanned: q?.planned ?? null,
      progressMethod: q?.method ?? null,
      actual: q?.actual ?? [],
      planLine: p?.line ?? null,
      progressLine: q?.line ?? null,
    };
  });

  const { unparsed } = book.finish(sheets.length > 0);
  warnings.sort((a, b) => a.line - b.line);
  return {
    kind: "roadmap",
    fiscalYear,
    title: plan?.title ?? progress?.title ?? "",
    municipalityName,
    currentPoint: plan?.currentPoint ?? null,
    indicators: plan?.indicators ?? [],
    streams,
    months,
    context,
    warnings,
    unparsed,
  };
}
