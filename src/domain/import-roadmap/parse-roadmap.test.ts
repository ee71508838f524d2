/**
 * The Meguro roadmap (seed 004) and synthetic variants. The expected counts were taken by reading the source text:
 * indicators on lines 51–54, the plan's months on lines 56–67, the progress sheet's on lines 77–88 (an actual in
 * April – January, none in February and March), and the differences between the two sheets month by month.
 */
import { describe, expect, it } from "vitest";
import { seed } from "../../../test/helpers/seeds.js";
import { isRoadmapDocument, parseRoadmap } from "./parse-roadmap";
import { splitStreams } from "./streams";

const seedText = (name: string) => seed(`${name}.txt`).toString("utf8");
const SEED = seedText("004_8d3c3d46cf9e4ae1");
const doc = parseRoadmap(SEED);
const month = (m: string) => doc.months.find((x) => x.month === m);

describe("Meguro roadmap (seed 004)", () => {
  it("is recognised, and the other seeds are not", () => {
    expect(isRoadmapDocument(SEED)).toBe(true);
    for (const other of [
      "000_0609a957ecd4939b",
      "001_654a87ab66aebbaf",
      "002_d34aff6a9cbdb26d",
      "003_85eef98ea598c221",
    ]) {
      expect(isRoadmapDocument(seedText(other))).toBe(false);
    }
  });

  it("reads 令和4年度 as 2022, the title and the municipality", () => {
    expect(doc.fiscalYear).toBe(2022);
    expect(doc.title).toBe("令和4年度 精神障害にも対応した地域包括ケアシステム構築支援事業");
    expect(doc.municipalityName).toBe("目黒区");
  });

  it("reads the 4 indicators with values and the target's time point as written", () => {
    expect(doc.indicators.map((i) => [i.number, i.name, i.current, i.target, i.line])).toEqual([
      [1, "目黒区精神保健医療福祉推進協議会の開催", "開催1回", "開催2回", 51],
      [2, "措置入院者退院後支援", "1件", "申請者数", 52],
      [3, "アウトリーチ支援事業", "実施2件", "実施8件", 53],
      [4, "普及啓発", "実施2回", "実施4回", 54],
    ]);
    expect(doc.indicators.every((i) => i.targetPoint === "令和4年度末")).toBe(true);
    expect(doc.currentPoint).toBe("今年度当初");
    expect(doc.indicators[3]?.effect).toBe("区民・当事者・家族・関係機関向けの講演会を開催");
  });

  it("has the 12 months 令和4年4月 … 令和5年3月 from both sheets, 10 of them with an actual", () => {
    expect(doc.months.map((m) => m.month)).toEqual([
      ...["04", "05", "06", "07", "08", "09", "10", "11", "12"].map((m) => `2022-${m}`),
      ...["01", "02", "03"].map((m) => `2023-${m}`),
    ]);
    expect(doc.months.map((m) => [m.planLine, m.progressLine])).toEqual(
      Array.from({ length: 12 }, (_, i) => [56 + i, 77 + i]),
    );
    expect(doc.months.filter((m) => m.actual.length > 0).map((m) => m.month)).toEqual(
      doc.months.slice(0, 10).map((m) => m.month),
    );
  });

  it("splits each month into streams, untagged text as 全体", () => {
    expect(doc.streams).toEqual(["協議会", "措置入院者退院後支援", "普及啓発", "アウトリーチ支援事業", "全体"]);
    expect(month("2022-09")?.planned).toEqual([{ stream: "全体", text: "令和5年度予算に向けた打ち合わせ" }]);
    expect(month("2022-05")?.actual.map((s) => s.stream)).toEqual(["全体"]);
    expect(month("2022-08")?.actual).toEqual([
      { stream: "アウトリーチ支援事業", text: "・8月22日第1回所内会議を開催。" },
    ]);
  });

  it("reports every difference between the plan and its repetition in the progress sheet, keeping both texts", () => {
    const april = month("2022-04");
    expect(april?.planned.find((s) => s.stream === "協議会")?.text).toContain("第2回協議会");
    expect(april?.progressPlanned?.find((s) => s.stream === "協議会")?.text).toContain("第1回協議会");
    const mismatches = doc.warnings.filter((w) => w.kind === "plan_mismatch");
    expect(
      mismatches.map((w) => `${w.month} ${w.stream} ${w.message.includes("取組内容") ? "取組内容" : "実施方法"}`),
    ).toEqual([
      "2022-04 協議会 取組内容",
      "2022-04 普及啓発 取組内容",
      "2022-06 協議会 実施方法",
      "2022-07 協議会 取組内容",
      "2022-07 協議会 実施方法",
      "2022-08 アウトリーチ支援事業 実施方法",
      "2022-09 全体 実施方法",
      "2022-11 協議会 実施方法",
      "2022-12 協議会 実施方法",
      "2022-12 普及啓発 実施方法",
      "2023-01 協議会 実施方法",
      "2023-02 普及啓発 取組内容",
      "2023-02 協議会 取組内容",
      "2023-02 普及啓発 実施方法",
      "2023-02 協議会 実施方法",
      "2023-03 普及啓発 取組内容",
      "2023-03 普及啓発 実施方法",
    ]);
    expect(mismatches[0]?.message).toContain("令和4年4月");
    expect(mismatches[0]?.message).toContain("令和3年度第2回協議会");
    expect(mismatches[0]?.message).toContain("令和3年度第1回協議会");
    expect(doc.warnings).toHaveLength(mismatches.length);
  });

  it("keeps the 自治体の基礎情報 and 基本情報 blocks as facts, and leaves no line unread", () => {
    expect(doc.unparsed).toEqual([]);
    expect(doc.context[0]).toEqual({
      section: "自治体の基礎情報",
      label: "総人口（令和5年5月1日現在）",
      value: "279,773人",
      line: 5,
    });
    expect(doc.context.find((f) => f.line === 10)?.value).toMatch(/^目黒区は東京23区の南西部/);
    expect(doc.context.find((f) => f.line === 21)).toMatchObject({
      section: "基本情報（自治体情報）",
      label: "入院精神障害者数 （R5年4月時点）",
      value: "3か月未満（％：構成割合） / 70 / 人",
    });
    // lines 5–8, 10, 16–41: every line of the two blocks that is not a heading or blank
    expect(doc.context.map((f) => f.line)).toEqual([5, 6, 7, 8, 10, ...Array.from({ length: 26 }, (_, i) => 16 + i)]);
  });
});

describe("variants", () => {
  const lines = SEED.split("\n");
  const edit = (change: (lines: string[]) => void) => {
    const copy = [...lines];
    change(copy);
    return parseRoadmap(copy.join("\n"));
  };

  it("reports a missing month of the plan sheet", () => {
    const d = edit((l) => l.splice(60, 1)); // line 61: 令和4年9月 of the plan
    expect(d.warnings.filter((w) => w.kind === "missing_month")).toEqual([
      expect.objectContaining({ month: "2022-09", message: "年間ロードマップに令和4年9月の行がありません" }),
    ]);
    expect(d.months.find((m) => m.month === "2022-09")).toMatchObject({ planLine: null, planned: [] });
  });

  it("reports a tag of the progress sheet the plan never uses, and keeps its text as a stream", () => {
    const d = edit((l) => {
      l[80] = `${l[80]} <ピアサポート> ・勉強会の講師を探す`; // line 81, 令和4年8月's actual
    });
    expect(d.streams).toContain("ピアサポート");
    expect(d.warnings.filter((w) => w.kind === "unknown_stream")).toEqual([
      expect.objectContaining({ line: 81, month: "2022-08", stream: "ピアサポート" }),
    ]);
    expect(d.months.find((m) => m.month === "2022-08")?.actual).toContainEqual({
      stream: "ピアサポート",
      text: "・勉強会の講師を探す",
    });
  });

  it("reports an extra column with its text", () => {
    const d = edit((l) => {
      l[56] = `${l[56]}\t担当: 保健予防課`; // line 57, 令和4年5月 of the plan
    });
    expect(d.warnings.filter((w) => w.kind === "extra_column")).toEqual([
      expect.objectContaining({ line: 57, month: "2022-05", message: expect.stringContaining("担当: 保健予防課") }),
    ]);
  });

  it("reports a line it cannot read instead of dropping it", () => {
    const d = edit((l) => l.splice(55, 0, "※ 月ごとの記載は担当者が更新")); // a note between header and months
    expect(d.unparsed).toEqual([{ line: 56, text: "※ 月ごとの記載は担当者が更新" }]);
  });

  it("splits tags and keeps untagged text as 全体", () => {
    expect(splitStreams("前置き <A> ・一 <B> ・二 <A> ・三")).toEqual([
      { stream: "A", text: "・一 ・三" },
      { stream: "B", text: "・二" },
      { stream: "全体", text: "前置き" },
    ]);
  });
});
