import { describe, expect, it } from "vitest";
import type { StatsAnswer } from "../../../types";
import { statsCsv } from "./statsCsv";

const cell = (value: number | null, state: string, display: string) => ({ value, state, display });

describe("the statistics as CSV", () => {
  it("writes each published number as shown, with a BOM, and never a suppressed count", () => {
    const stats = {
      fiscalYear: 2025,
      measures: [
        {
          key: "contacts",
          label: "支援経過の延べ件数",
          definition: "記録日が年度内の支援経過",
          unit: "件",
          group: "consultations",
          total: cell(8, "shown", "8"),
          rows: [
            { key: "面談", label: "面談", ...cell(null, "hidden", "秘匿") },
            { key: "電話", label: "電話", ...cell(null, "small", "5未満") },
          ],
          share: null,
          notApplicable: null,
        },
        {
          key: "registered_providers",
          label: "登録事業者数（年度末）",
          definition: "年度末までに登録された登録事業者",
          unit: "事業者",
          group: "providers",
          total: cell(null, "not_applicable", "—"),
          rows: [],
          share: null,
          notApplicable: "機関では絞り込めない指標です",
        },
      ],
    } as unknown as StatsAnswer;
    const csv = statsCsv(stats, "令和7年度");
    expect(csv.startsWith("\uFEFF年度・条件,分類,指標,内訳,値,単位,定義\r\n")).toBe(true);
    const lines = csv.slice(1).trim().split("\r\n");
    expect(lines.slice(1)).toEqual([
      "令和7年度,相談と支援経過,支援経過の延べ件数,合計,8,件,記録日が年度内の支援経過",
      "令和7年度,相談と支援経過,支援経過の延べ件数,面談,秘匿,件,記録日が年度内の支援経過",
      "令和7年度,相談と支援経過,支援経過の延べ件数,電話,5未満,件,記録日が年度内の支援経過",
      "令和7年度,登録事業者,登録事業者数（年度末）,合計,機関では絞り込めない指標です,事業者,年度末までに登録された登録事業者",
    ]);
  });
});
