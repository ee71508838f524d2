/**
 * The Ota 重層的支援体制整備事業 実施計画 (seed 003) and small synthetic texts. The expected projects, categories and
 * departments were read from the source text (lines 179–193, 199–221), not copied from the parser's output.
 */
import { describe, expect, it } from "vitest";
import { seed } from "../../../test/helpers/seeds.js";
import { isProgrammeDocument, parseProgramme } from "./parse-programme";

const seedText = (name: string) => seed(`${name}.txt`).toString("utf8");
const SEED = seedText("003_85eef98ea598c221");
const doc = parseProgramme(SEED);
const project = (n: number) => doc.projects.find((p) => p.number === n);

describe("Ota programme registry (seed 003)", () => {
  it("is recognised, and the other seeds are not", () => {
    expect(isProgrammeDocument(SEED)).toBe(true);
    for (const other of ["000_0609a957ecd4939b", "001_654a87ab66aebbaf", "002_d34aff6a9cbdb26d"]) {
      expect(isProgrammeDocument(seedText(other))).toBe(false);
    }
  });

  it("reads the 13 numbered projects of the table on lines 181–193", () => {
    expect(doc.projects.map((p) => [p.number, p.line])).toEqual(Array.from({ length: 13 }, (_, i) => [i + 1, 181 + i]));
  });

  it("reads the 5 categories of the law and their 9 sub-kinds, each once", () => {
    expect(doc.categories.filter((c) => c.parent === null).map((c) => c.name)).toEqual([
      "包括的相談支援事業",
      "多機関協働事業",
      "アウトリーチ等を通じた継続的支援事業",
      "参加支援事業",
      "地域づくり支援事業",
    ]);
    expect(doc.categories.filter((c) => c.parent === "地域づくり支援事業").map((c) => c.name)).toEqual([
      "地域介護予防活動支援事業",
      "生活支援体制整備事業",
      "地域活動支援センター機能強化事業",
      "地域子育て支援拠点事業",
      "生活困窮者支援等のための地域づくり事業",
    ]);
    expect(doc.categories.filter((c) => c.parent === "包括的相談支援事業")).toHaveLength(4);
  });

  it("project 3 keeps its three works and four departments (line 183, content lines 207–209)", () => {
    const p3 = project(3);
    expect(p3?.categories).toEqual(["利用者支援事業"]);
    expect(p3?.departments).toEqual(["健康づくり課", "地域健康課", "子育て支援課", "保育サービス課"]);
    expect(p3?.content.split("\n").map((l) => l.split("：")[0])).toEqual([
      "妊婦面接・新生児等訪問",
      "児童館の子育て相談",
      "保育サービスアドバイザーによる相談",
    ]);
  });

  it("project 8 sits under 参加支援事業 with its top category carried down, and is the 一体的連携事業", () => {
    expect(project(8)).toMatchObject({
      name: "大田区若者サポートセンターフラットおおた",
      categories: ["参加支援事業"],
      departments: ["地域力推進課"],
      integrated: true,
    });
    expect(doc.projects.filter((p) => p.integrated).map((p) => p.number)).toEqual([8]);
  });

  it("projects 9 and 10 share the 地域福祉コーディネート事業 row written for both (line 276)", () => {
    for (const n of [9, 10]) {
      expect(project(n)?.content).toContain("地域福祉コーディネート事業：個別課題を地域課題として分析し");
      expect(project(n)?.departments).toEqual(["高齢福祉課", "福祉管理課"]);
    }
    expect(project(9)?.categories).toEqual(["地域介護予防活動支援事業"]);
    expect(project(10)?.categories).toEqual(["生活支援体制整備事業"]);
  });

  it("joins the PDF's wrapped cells of project 4 and reports project 5, which has no content table", () => {
    expect(project(4)?.content).toBe(
      "生活・仕事・住まいなどについての悩みを抱え、経済的に困っている方に対して、専門の支援員が一人ひとりに合ったサポートを行います。",
    );
    expect(doc.warnings).toEqual([expect.objectContaining({ kind: "no_content", line: 185 })]);
  });

  it("lists the prose around the tables as unparsed, and no line of the tables", () => {
    const unparsed = new Set(doc.unparsed.map((u) => u.line));
    for (let n = 179; n <= 193; n++) expect(unparsed.has(n)).toBe(false);
    expect(unparsed.has(195)).toBe(true); // the ※ note under the table
    expect(doc.unparsed.find((u) => u.line === 197)?.text).toBe("(2) 区該当事業の内容");
  });
});

describe("synthetic programme texts", () => {
  const lines = [
    "法対象事業\t\t区該当事業\t所管課",
    "参加支援事業\t\t1 居場所づくり\t福祉課 存在しない課",
    "\t\t2 就労体験\t福祉課",
    "\t\t2 就労体験（重複）\t福祉課",
    "",
    "区該当事業\t内容\t所管課",
    "1 居場所づくり\t集まれる場を開きます。\t福祉課",
    "7 どこにもない事業\t説明\t福祉課",
    "",
    "一体的連携事業",
    "事業名\t内容\t所管課",
    "別の事業\t説明\t福祉課",
  ];
  const parsed = parseProgramme(lines.join("\n"));

  it("reads the rows and warns of a repeated number, an unknown number and an unknown 一体的連携事業", () => {
    expect(parsed.projects.map((p) => [p.number, p.name, p.departments])).toEqual([
      [1, "居場所づくり", ["福祉課", "存在しない課"]],
      [2, "就労体験", ["福祉課"]],
    ]);
    expect(parsed.projects[0]?.content).toBe("集まれる場を開きます。");
    expect(parsed.warnings.map((w) => [w.kind, w.line])).toEqual([
      ["no_content", 3],
      ["duplicate_project", 4],
      ["unknown_project", 8],
      ["unknown_project", 12],
    ]);
  });

  it("is not a programme document without the registry table, and never throws on other text", () => {
    expect(isProgrammeDocument("区該当事業\t内容\t所管課\n1 a\tb\tc")).toBe(false);
    const other = parseProgramme("ただの文章\n\n1 これも\t文章");
    expect(other.projects).toEqual([]);
    expect(other.unparsed.map((u) => u.line)).toEqual([1, 3]);
  });
});
