import { describe, expect, it } from "vitest";
import {
  compactText,
  isCollectiveDepartmentName,
  normalizeDepartmentName,
  splitDepartments,
  stripHtmlTags,
  toHalfWidth,
} from "./normalize";

describe("toHalfWidth", () => {
  it("turns full-width ASCII and the ideographic space into half-width", () => {
    expect(toHalfWidth("令和６年度（２０２４）　ＡＡ～Ｄ！")).toBe("令和6年度(2024) AA~D!");
  });

  it("keeps kana, kanji, half-width katakana and other symbols", () => {
    expect(toHalfWidth("ひらがなカタカナ漢字ｶﾀｶﾅ○・、「」〜")).toBe("ひらがなカタカナ漢字ｶﾀｶﾅ○・、「」〜");
  });
});

describe("normalizeDepartmentName", () => {
  it("ignores width and spacing but not a different character", () => {
    expect(normalizeDepartmentName(" ＤＸ推進課　")).toBe("DX推進課");
    expect(normalizeDepartmentName("DX推進課")).not.toBe(normalizeDepartmentName("DX戦略課"));
  });
});

describe("isCollectiveDepartmentName", () => {
  it("recognises words that stand for several departments", () => {
    for (const word of [
      "各課",
      "関係各課",
      "全課",
      "関係課",
      "関係部署",
      "庁内関係課",
      "全庁",
      "各課等",
      " 関係 各課 ",
    ]) {
      expect(isCollectiveDepartmentName(word), word).toBe(true);
    }
  });

  it("leaves department names alone, a bare unit word included", () => {
    for (const name of ["健康福祉計画課", "各務原市福祉課", "全国連携課", "関係機関", "課", "DX推進課"]) {
      expect(isCollectiveDepartmentName(name), name).toBe(false);
    }
  });
});

describe("splitDepartments", () => {
  it("splits on the separators documents use", () => {
    expect(splitDepartments("高齢福祉課・介護保険課")).toEqual(["高齢福祉課", "介護保険課"]);
    expect(splitDepartments("健康福祉計画課、各課")).toEqual(["健康福祉計画課", "各課"]);
    expect(splitDepartments("障害施策推進課/障害者支援課")).toEqual(["障害施策推進課", "障害者支援課"]);
    expect(splitDepartments("高齢福祉課、 障害施策推進課")).toEqual(["高齢福祉課", "障害施策推進課"]);
    expect(splitDepartments("保育課／子ども若者課，教育支援課")).toEqual(["保育課", "子ども若者課", "教育支援課"]);
  });

  it("returns nothing for an empty cell", () => {
    expect(splitDepartments("  ")).toEqual([]);
  });
});

describe("compactText", () => {
  it("drops HTML tags, spacing and full-width forms", () => {
    expect(stripHtmlTags("<p>今後の課題</p><br>")).toBe("今後の課題");
    expect(compactText("<p>効果又は 評価の理由</p>")).toBe("効果又は評価の理由");
    expect(compactText("計画事業の 実績等 （令和6年度）")).toBe("計画事業の実績等(令和6年度)");
  });
});
