import { describe, expect, it } from "vitest";
import { municipalityCodeCheckDigit, readMunicipalityCode } from "./municipality-code.js";

describe("団体コード", () => {
  it.each([
    ["131016", "千代田区"],
    ["011002", "札幌市"],
    ["271004", "大阪市"],
    ["130001", "東京都"],
    // the remainder 1 (11 - 1 = 10, last digit 0) and 0 (11, last digit 1) cases
    ["281000", "神戸市"],
    ["131041", "新宿区"],
  ])("accepts %s (%s)", (code) => {
    expect(readMunicipalityCode(code)).toEqual({ ok: true, code });
    expect(municipalityCodeCheckDigit(code.slice(0, 5))).toBe(Number(code[5]));
  });

  it("accepts full-width digits and spaces around them", () => {
    expect(readMunicipalityCode(" １３１０１６ ")).toEqual({ ok: true, code: "131016" });
  });

  it("refuses a wrong check digit, saying which digit is expected", () => {
    expect(readMunicipalityCode("131017")).toEqual({
      ok: false,
      message: "団体コード 131017 の検査数字（6桁目）が正しくありません（13101 なら 6）。番号を確かめてください",
    });
  });

  it.each(["13101", "1310160", "13101a", "", "13-101"])("refuses %j as not six digits", (typed) => {
    expect(readMunicipalityCode(typed)).toEqual({
      ok: false,
      message: "団体コードは6桁の数字で入力してください（例: 千代田区は 131016）",
    });
  });
});
