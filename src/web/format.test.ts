import { describe, expect, it } from "vitest";
import { formatEraDate, fyLabel, joinNames, previousDay } from "./format";

describe("web formatting", () => {
  it("shows fiscal years in 和暦", () => {
    expect(fyLabel(2025)).toBe("令和7年度");
    expect(fyLabel(2019)).toBe("令和元年度");
    expect(fyLabel(null)).toBe("－");
  });
  it("shows ISO dates in 和暦 and finds the previous day", () => {
    expect(formatEraDate("2025-04-01")).toBe("令和7年4月1日");
    expect(previousDay("2025-04-01")).toBe("2025-03-31");
    expect(previousDay("2024-03-01")).toBe("2024-02-29");
  });
  it("joins department names with 、", () => {
    expect(joinNames(["高齢支援課", "", "介護保険課"])).toBe("高齢支援課、介護保険課");
  });
});
