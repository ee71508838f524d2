import { describe, expect, it } from "vitest";
import { formatDateTime, formatEraDate, fyLabel, joinNames, personName, previousDay } from "./format";

describe("web formatting", () => {
  it("shows fiscal years in 和暦", () => {
    expect(fyLabel(2025)).toBe("令和7年度");
    expect(fyLabel(2019)).toBe("令和元年度");
    expect(fyLabel(null)).toBe("－");
  });
  it("shows ISO dates in 和暦 and finds the previous day", () => {
    expect(formatEraDate("2025-04-01")).toBe("令和7年4月1日");
    // times in Japan, in the same 和暦 style
    expect(formatDateTime("2026-12-06T16:23:00Z")).toBe("令和8年12月7日 1:23");
    expect(previousDay("2025-04-01")).toBe("2025-03-31");
    expect(previousDay("2024-03-01")).toBe("2024-02-29");
  });
  it("joins department names with 、", () => {
    expect(joinNames(["高齢支援課", "", "介護保険課"])).toBe("高齢支援課、介護保険課");
  });
});

describe("personName", () => {
  it("shows people by name, an operator command and the system by what they are", () => {
    expect(personName("計画 太郎", "keikaku")).toBe("計画 太郎");
    expect(personName(null, "cli:root")).toBe("運用コマンド（root）");
    expect(personName(null, "system")).toBe("システム");
    expect(personName(null, null)).toBe("－");
  });
});
