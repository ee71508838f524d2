import { describe, expect, it } from "vitest";
import {
  checkDecisions,
  decideEveryNewName,
  type KnownDepartment,
  type NamedDepartment,
  tableOfNamedDepartments,
} from "./named-departments";

const known: KnownDepartment[] = [
  { id: "policy", name: "福祉政策課", formerNames: ["福祉計画課"], mergedIntoId: null, active: true },
  { id: "elderly", name: "高齢支援課", formerNames: [], mergedIntoId: null, active: true },
  { id: "care", name: "介護予防課", formerNames: [], mergedIntoId: "elderly", active: false },
];

const mention = (name: string, line: number | null = 1) => ({ name, line });

describe("tableOfNamedDepartments", () => {
  const table = tableOfNamedDepartments(
    [
      mention("新設課", 10),
      mention("福祉政策課", 11),
      mention("ＤＸ推進課 ", 12),
      mention("DX推進課", 13),
      mention("福祉計画課", 14),
      mention("介護予防課", 15),
      mention("各課", 16),
      mention("関係各課", 17),
      mention("  ", 18),
    ],
    known,
  );
  const entry = (name: string) => table.find((d) => d.name === name);

  it("lists each name once, in the order first written, spellings that differ only in width or spacing together", () => {
    expect(table.map((d) => d.name)).toEqual([
      "新設課",
      "福祉政策課",
      "ＤＸ推進課",
      "福祉計画課",
      "介護予防課",
      "各課",
      "関係各課",
    ]);
    expect(entry("ＤＸ推進課")).toMatchObject({ status: "new", mentions: 2, firstLine: 12 });
  });

  it("maps a current name, a former name and a merged department's name to the department they stand for", () => {
    expect(entry("福祉政策課")).toMatchObject({
      status: "existing",
      department: { id: "policy", name: "福祉政策課" },
      matchedBy: "name",
    });
    expect(entry("福祉計画課")).toMatchObject({
      status: "existing",
      department: { id: "policy" },
      matchedBy: "former_name",
    });
    expect(entry("介護予防課")).toMatchObject({
      status: "existing",
      department: { id: "elderly", name: "高齢支援課" },
      matchedBy: "merged",
    });
  });

  it("marks collective words, never as departments", () => {
    for (const name of ["各課", "関係各課"]) {
      expect(entry(name)).toMatchObject({ status: "collective", department: null, matchedBy: null });
    }
  });
});

describe("checkDecisions", () => {
  const table: NamedDepartment[] = tableOfNamedDepartments(
    [mention("新設課"), mention("別の課"), mention("福祉政策課"), mention("各課")],
    known,
  );
  const fields = (decisions: Parameters<typeof checkDecisions>[1]) =>
    checkDecisions(table, decisions, known).map((p) => p.field);

  it("asks for a decision for every new name, and for nothing else", () => {
    expect(fields({})).toEqual(["departments.新設課", "departments.別の課"]);
    expect(fields(decideEveryNewName(table, "create"))).toEqual([]);
    expect(fields({ 新設課: { action: "map", departmentId: "policy" }, 別の課: { action: "skip" } })).toEqual([]);
    // a decision written with another spelling of the same name counts
    expect(fields({ "新設 課": { action: "create" }, 別の課: { action: "skip" } })).toEqual([]);
  });

  it("refuses decisions that cannot be carried out", () => {
    const problems = checkDecisions(
      table,
      {
        新設課: { action: "map", departmentId: "care" }, // merged: no longer a department to link to
        別の課: { action: "map", departmentId: "nowhere" },
        福祉政策課: { action: "create" },
        各課: { action: "create" },
        文書にない課: { action: "skip" },
      },
      known,
    );
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ["departments.新設課", expect.stringMatching(/登録済みの課から選んで/)],
      ["departments.別の課", expect.stringMatching(/登録済みの課から選んで/)],
      ["departments.福祉政策課", expect.stringMatching(/登録済みの「福祉政策課」として取り込みます/)],
      ["departments.各課", expect.stringMatching(/課の名前ではない/)],
      ["departments.文書にない課", expect.stringMatching(/この文書に書かれていない/)],
    ]);
    expect(fields({ ...decideEveryNewName(table, "skip"), 各課: { action: "skip" } })).toEqual([]);
  });

  it("refuses to register a name longer than a department name may be", () => {
    const long = "課".repeat(101);
    const t = tableOfNamedDepartments([mention(long)], known);
    expect(checkDecisions(t, { [long]: { action: "create" } }, known)).toHaveLength(1);
    expect(checkDecisions(t, { [long]: { action: "skip" } }, known)).toEqual([]);
  });
});
