import { describe, expect, it } from "vitest";
import { parseJapaneseDate } from "./dates.js";

describe("dates typed in Japanese form", () => {
  it("reads western and era dates, full-width too, and refuses days that do not exist", () => {
    expect(parseJapaneseDate("2025-04-01")).toBe("2025-04-01");
    expect(parseJapaneseDate("2025/4/1")).toBe("2025-04-01");
    expect(parseJapaneseDate("2025年4月1日")).toBe("2025-04-01");
    expect(parseJapaneseDate("令和7年4月1日")).toBe("2025-04-01");
    expect(parseJapaneseDate("令和７年４月１日")).toBe("2025-04-01");
    expect(parseJapaneseDate(" R7.4.1 ")).toBe("2025-04-01");
    expect(parseJapaneseDate("r7/12/31")).toBe("2025-12-31");
    expect(parseJapaneseDate("令和元年5月1日")).toBe("2019-05-01");
    expect(parseJapaneseDate("平成31年4月30日")).toBe("2019-04-30");
    expect(parseJapaneseDate("H30.2.28")).toBe("2018-02-28");
    expect(parseJapaneseDate("令和6年2月29日")).toBe("2024-02-29");
    for (const bad of ["令和7年2月29日", "令和元年4月30日", "平成31年5月1日", "2025-13-01", "7年4月1日", "", "昨日"]) {
      expect(parseJapaneseDate(bad), bad).toBeNull();
    }
  });
});
