import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FOUR_STEP_SCALE, type GradeScale, MEGURO_SCALE, parseGrade, SABC_SCALE, validateGradeScale } from "./grades";

describe("built-in scales", () => {
  it("MEGURO_SCALE is AA–D best first", () => {
    expect(MEGURO_SCALE).toEqual([
      { code: "AA", label: "目標を上回り達成した" },
      { code: "A", label: "達成した・おおむね達成した" },
      { code: "B", label: "ある程度達成した" },
      { code: "C", label: "少し達成した" },
      { code: "D", label: "達成していない" },
    ]);
  });

  it("FOUR_STEP_SCALE is A–D and SABC_SCALE is S–C", () => {
    expect(FOUR_STEP_SCALE.map((g) => g.code)).toEqual(["A", "B", "C", "D"]);
    expect(SABC_SCALE.map((g) => g.code)).toEqual(["S", "A", "B", "C"]);
  });

  it.each([
    ["MEGURO", MEGURO_SCALE],
    ["FOUR_STEP", FOUR_STEP_SCALE],
    ["SABC", SABC_SCALE],
  ])("%s passes validation", (_name, scale) => {
    expect(validateGradeScale(scale)).toEqual([]);
  });

  it("cannot be changed by a caller", () => {
    expect(() => (MEGURO_SCALE as GradeScale).push({ code: "E", label: "x" })).toThrow(TypeError);
    expect(() => {
      (MEGURO_SCALE[0] as { code: string }).code = "Z";
    }).toThrow(TypeError);
    expect(MEGURO_SCALE[0]?.code).toBe("AA");
  });
});

describe("parseGrade", () => {
  it.each([
    ["AA", "AA"],
    ["A", "A"],
    ["B", "B"],
    ["B ある程度達成した", "B"],
    ["B　ある程度達成した", "B"],
    ["Bある程度達成した", "B"],
    ["B：ある程度達成した", "B"],
    ["B（ある程度達成した）", "B"],
    ["Ｂ", "B"],
    [" b ", "B"],
    ["aa", "AA"],
    ["ＡＡ", "AA"],
    ["AA 目標を上回り達成した", "AA"],
    ["A 達成した・おおむね達成した", "A"],
    ["A 達成した", "A"],
    ["ある程度達成した", "B"],
    ["目標を上回り達成した", "AA"],
    ["達成した・おおむね達成した", "A"],
    ["おおむね達成した", "A"],
    ["達成していない", "D"],
    ["D\n達成していない", "D"],
    ["C 評価", "C"], // trailing text that is not a label is commentary
  ])("MEGURO %j → %s", (text, expected) => {
    expect(parseGrade(text, MEGURO_SCALE)).toBe(expected);
  });

  it.each([
    "",
    "  ",
    "E",
    "AAA",
    "AB",
    "A+",
    "A1",
    "BB",
    "達成",
    "まあまあ",
    "A 達成していない", // code and label disagree
    "AA ある程度達成した",
  ])("MEGURO %j → null", (text) => {
    expect(parseGrade(text, MEGURO_SCALE)).toBeNull();
  });

  it("never reads AA as A", () => {
    expect(parseGrade("AA", FOUR_STEP_SCALE)).toBeNull();
    expect(parseGrade("AA 目標を上回り達成した", FOUR_STEP_SCALE)).toBeNull();
    expect(parseGrade("AA", MEGURO_SCALE)).toBe("AA");
  });

  it("reads labels of other scales", () => {
    expect(parseGrade("おおむね達成した", FOUR_STEP_SCALE)).toBe("B");
    expect(parseGrade("達成した", FOUR_STEP_SCALE)).toBe("A");
    expect(parseGrade("S", SABC_SCALE)).toBe("S");
    expect(parseGrade("s 目標を上回り達成した", SABC_SCALE)).toBe("S");
  });

  it.each<[string, GradeScale, [string, string | null][]]>([
    [
      "returns the scale's own spelling of the code",
      [
        { code: "◎", label: "十分" },
        { code: "a1", label: "ふつう" },
      ],
      [
        ["A1", "a1"],
        ["◎ 十分", "◎"],
        ["ふつう", "a1"],
      ],
    ],
    [
      "does not guess when a label fragment belongs to several grades",
      [
        { code: "A", label: "達成した・よくできた" },
        { code: "B", label: "達成した・ふつう" },
      ],
      [
        ["達成した", null],
        ["よくできた", "A"],
      ],
    ],
  ])("%s", (_, scale, readings) => {
    for (const [text, code] of readings) expect(parseGrade(text, scale), text).toBe(code);
  });

  it("reads every code and every label of a scale back, with or without decoration", () => {
    const scales = [MEGURO_SCALE, FOUR_STEP_SCALE, SABC_SCALE];
    fc.assert(
      fc.property(
        fc.constantFrom(...scales).chain((scale) => fc.tuple(fc.constant(scale), fc.constantFrom(...scale))),
        fc.constantFrom("", " ", "　", "\t"),
        fc.constantFrom(" ", "　", "：", ""),
        fc.boolean(),
        ([scale, grade], pad, sep, lower) => {
          const code = lower ? grade.code.toLowerCase() : grade.code;
          expect(parseGrade(`${pad}${code}${pad}`, scale)).toBe(grade.code);
          expect(parseGrade(`${pad}${code}${sep}${grade.label}${pad}`, scale)).toBe(grade.code);
          expect(parseGrade(grade.label, scale)).toBe(grade.code);
        },
      ),
    );
  });
});

describe("validateGradeScale", () => {
  it.each<[string, GradeScale, string[]]>([
    ["reports an empty scale", [], ["評価区分が1つもありません。"]],
    [
      "reports duplicate codes, also when they differ only in width or case",
      [
        { code: "A", label: "よい" },
        { code: "B", label: "ふつう" },
        { code: "ａ", label: "わるい" },
      ],
      ["評価区分の記号「ａ」が重複しています（1番目と3番目）。"],
    ],
    [
      "reports blank codes and labels",
      [
        { code: " ", label: "よい" },
        { code: "B", label: "" },
        { code: "C", label: "　" },
      ],
      ["1番目の評価区分の記号が空です。", "評価区分「B」の説明が空です。", "評価区分「C」の説明が空です。"],
    ],
    [
      "reports duplicate labels, codes with spaces, and the reserved code",
      [
        { code: "A", label: "よい" },
        { code: "B", label: "よい" },
        { code: "C D", label: "わるい" },
        { code: "ungraded", label: "未評価" },
      ],
      [
        "評価区分の説明「よい」が重複しています（1番目と2番目）。",
        "評価区分の記号「C D」に空白を含めることはできません。",
        "評価区分の記号「ungraded」は予約されているため使えません。",
      ],
    ],
  ])("%s", (_, scale, errors) => {
    expect(validateGradeScale(scale)).toEqual(errors);
  });
});
