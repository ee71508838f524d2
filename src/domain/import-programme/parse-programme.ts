/**
 * Reads the programme registry out of a 重層的支援体制整備事業 実施計画 (text extracted from the PDF, cells separated
 * by tabs): the table "法対象事業 | 区該当事業 | 所管課" gives the categories, the numbered projects and their
 * departments; the tables "（法対象事業 |）区該当事業 | 内容 | 所管課" give each project's content, by number; the
 * table under 一体的連携事業 marks the projects run together with the programme. Every other line is reported as
 * unparsed. Pure: text in, data out; never throws.
 */
import { cellValue, isBlankLine, LineBook, splitCells } from "../import-evaluation/source-lines";
import { compactText } from "../text/normalize";
import type { ParsedProgramme, ProgrammeCategory, ProgrammeProject, ProgrammeWarning } from "./types";

const cellsOf = (line: string) => splitCells(line).map((_, i, all) => cellValue(all, i));

/** The registry table's header: the law's column, the city's column and the departments, but no 内容. */
function isRegistryHeader(cells: string[]) {
  return (
    cells[0] === "法対象事業" && cells.includes("区該当事業") && cells.includes("所管課") && !cells.includes("内容")
  );
}

function isContentHeader(cells: string[]) {
  return cells.includes("区該当事業") && cells.includes("内容") && cells.includes("所管課");
}

/** The 一体的連携事業 table names its projects in a 事業名 column. */
function isIntegratedHeader(cells: string[]) {
  return cells[0] === "事業名" && cells.includes("内容") && cells.includes("所管課");
}

export function isProgrammeDocument(text: string): boolean {
  return text.split(/\r\n|\r|\n/).some((line) => isRegistryHeader(cellsOf(line)));
}

// A PDF wraps a cell by inserting a space ("センタ ーJOBOTA"); between two Japanese characters it is never meant.
const joinWrapped = (s: string) => s.replace(/(?<=[^\x20-\x7e])[ \u3000]+(?=[^\x20-\x7e])/g, "");

/** "9 10 地域介護予防活動支援事業…" → [9, 10] and the rest; numbers alone when the cell is only numbers. */
function leadingNumbers(cell: string): { numbers: number[]; rest: string } {
  const m = /^((?:\d{1,3}[ \u3000]+)*\d{1,3})(?:[ \u3000]+(.*))?$/.exec(cell);
  if (!m?.[1]) return { numbers: [], rest: cell };
  return { numbers: m[1].split(/[ \u3000]+/).map(Number), rest: m[2] ?? "" };
}

const departmentsOf = (cell: string) => [...new Set(cell.split(/[\s\u3000、，,・]+/).filter((n) => n !== ""))];

/** The rows of a table: the lines after its header up to the first blank line. */
function rowsAfter(book: LineBook, header: number) {
  const rows: number[] = [];
  for (let n = header + 1; n <= book.count && !isBlankLine(book.line(n)); n++) rows.push(n);
  return rows;
}

export function parseProgramme(text: string): ParsedProgramme {
  const book = new LineBook(text);
  const categories: ProgrammeCategory[] = [];
  const projects: ProgrammeProject[] = [];
  const warnings: ProgrammeWarning[] = [];
  const works = new Map<number, { work: string; content: string; line: number }[]>();
  const warn = (kind: ProgrammeWarning["kind"], line: number, message: string) =>
    warnings.push({ kind, line, message });
  const addCategory = (name: string, parent: string | null, line: number) => {
    if (!categories.some((c) => c.name === name)) categories.push({ name, parent, line });
  };

  for (let n = 1; n <= book.count; n++) {
    const cells = cellsOf(book.line(n));
    if (isRegistryHeader(cells)) {
      book.use(n, "column_header");
      let top: string | null = null;
      for (const row of rowsAfter(book, n)) {
        const rowCells = cellsOf(book.line(row));
        const at = rowCells.findIndex((c) => leadingNumbers(c).numbers.length === 1 && leadingNumbers(c).rest !== "");
        if (at < 0) continue; // not a project row: stays unparsed
        const { numbers, rest } = leadingNumbers(rowCells[at] ?? "");
        const number = numbers[0] ?? 0;
        const [law = "", sub = ""] = rowCells.slice(0, at);
        if (law) top = law;
        if (!top) {
          warn("no_category", row, `${number} ${rest}: 法対象事業が書かれていない行です`);
          continue;
        }
        addCategory(top, null, row);
        if (sub) addCategory(sub, top, row);
        book.use(row, "programme_row");
        if (projects.some((p) => p.number === number)) {
          warn("duplicate_project", row, `事業番号 ${number} が二度あります（後の行は取り込みません）`);
          continue;
        }
        projects.push({
          number,
          name: rest,
          categories: [sub || top],
          departments: departmentsOf(rowCells.slice(at + 1).join(" ")),
          content: "",
          integrated: false,
          line: row,
        });
      }
    } else if (isContentHeader(cells)) {
      book.use(n, "column_header");
      const withLaw = cells[0] === "法対象事業";
      let numbers: number[] = [];
      for (const row of rowsAfter(book, n)) {
        const rowCells = cellsOf(book.line(row));
        const first = leadingNumbers(rowCells[0] ?? "");
        if (first.numbers.length > 0) numbers = first.numbers;
        else if (rowCells[0] !== "" || numbers.length === 0) continue; // neither numbered nor a continuation
        const work = withLaw ? rowCells[1] : rowCells[0] === "" ? rowCells[1] : first.rest;
        const content = withLaw || rowCells[0] === "" ? rowCells[2] : rowCells[1];
        if (!work || !content) continue;
        book.use(row, "programme_content");
        for (const number of numbers) {
          works.set(number, [
            ...(works.get(number) ?? []),
            { work: joinWrapped(work), content: joinWrapped(content), line: row },
          ]);
        }
      }
    }
  }

  const byName = new Map(projects.map((p) => [compactText(p.name), p]));
  for (let n = 1; n <= book.count; n++) {
    if (compactText(book.line(n)) !== "一体的連携事業") continue;
    book.use(n, "heading");
    let header = n + 1;
    while (header <= book.count && !isIntegratedHeader(cellsOf(book.line(header))) && header < n + 8) header++;
    if (!isIntegratedHeader(cellsOf(book.line(header)))) continue;
    book.use(header, "column_header");
    for (const row of rowsAfter(book, header)) {
      const name = cellsOf(book.line(row))[0] ?? "";
      const project = byName.get(compactText(name));
      book.use(row, "programme_row");
      if (project) project.integrated = true;
      else warn("unknown_project", row, `一体的連携事業「${name}」に当たる事業が表にありません`);
    }
  }

  for (const [number, list] of works) {
    const project = projects.find((p) => p.number === number);
    if (!project) {
      warn("unknown_project", list[0]?.line ?? 0, `内容の表の事業番号 ${number} は事業の表にありません`);
      continue;
    }
    const single = list.length === 1 && list[0] && compactText(list[0].work) === compactText(project.name);
    project.content = single ? (list[0]?.content ?? "") : list.map((w) => `${w.work}：${w.content}`).join("\n");
  }
  for (const p of projects) {
    if (!p.content) warn("no_content", p.line, `事業 ${p.number}「${p.name}」の内容の表が見つかりません`);
  }

  const { unparsed } = book.finish(projects.length > 0);
  warnings.sort((a, b) => a.line - b.line);
  return { kind: "programme", categories, projects, warnings, unparsed };
}
