import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_LADDER, findStep, type MilestoneLadder, matchMilestone, validateLadder } from "./milestones";

function rankOf(text: string): number | undefined {
  return findStep(text, DEFAULT_LADDER)?.rank;
}

describe("DEFAULT_LADDER", () => {
  it("is valid", () => {
    expect(validateLadder(DEFAULT_LADDER)).toEqual([]);
  });

  it("orders 調査・研究 < 検討 < 調整 < 試行実施 < 実施 = 本格実施 < 継続実施 < 拡充", () => {
    const order = ["調査・研究", "検討", "調整", "試行実施", "実施", "継続実施", "拡充"].map(rankOf);
    for (let i = 1; i < order.length; i++) {
      expect(order[i]).toBeGreaterThan(order[i - 1] as number);
    }
    expect(rankOf("本格実施")).toBe(rankOf("実施"));
  });

  it.each([
    ["調査研究", "調査・研究"],
    ["調査・検討", "調査・研究"],
    ["検討・調整", "調整"],
    ["検討及び調整", "調整"],
    ["試行", "試行実施"],
    ["試験導入", "試行実施"],
    ["一部実施", "試行実施"],
    ["開催", "実施"],
    ["導入", "実施"],
    ["継続", "継続実施"],
  ])("alias %s is %s", (alias, label) => {
    expect(findStep(alias, DEFAULT_LADDER)?.label).toBe(label);
  });

  it("cannot be changed by a caller", () => {
    expect(() => DEFAULT_LADDER.steps.push({ label: "x", rank: 9 })).toThrow(TypeError);
    expect(() => {
      (DEFAULT_LADDER.steps[0] as { rank: number }).rank = 99;
    }).toThrow(TypeError);
  });
});

describe("findStep", () => {
  it.each([
    "調査・研究",
    "調査 ・ 研究",
    " 調査・研究\u3000",
    "調査･研究", // half-width katakana middle dot
    "調査·研究",
    "<p>調査・研究</p>",
  ])("tolerates spelling noise: %j", (text) => {
    expect(findStep(text, DEFAULT_LADDER)?.label).toBe("調査・研究");
  });

  it("folds full-width letters in a custom ladder", () => {
    const ladder: MilestoneLadder = { steps: [{ label: "DX化", rank: 1 }] };
    expect(findStep("ＤＸ化", ladder)?.label).toBe("DX化");
  });

  it.each(["", "  ", "全件実施", "併用実施", "再検討", "支援の実施", "未実施"])("is exact: %j → null", (text) => {
    expect(findStep(text, DEFAULT_LADDER)).toBeNull();
  });
});

describe("matchMilestone", () => {
  it.each([
    ["支援の試行実施", "試行実施", "支援の"],
    ["関係機関・団体との調整", "調整", "関係機関・団体との"],
    ["推進会議での検討", "検討", "推進会議での"],
    ["基本理念②③の事業 検討", "検討", "基本理念②③の事業 "],
    ["LTE機器の試験導入", "試行実施", "LTE機器の"],
    ["ＬＴＥ機器の本格実施", "本格実施", "LTE機器の"],
    ["試行実施", "試行実施", ""],
  ])("%s → %s", (text, label, prefix) => {
    const m = matchMilestone(text, DEFAULT_LADDER);
    expect(m?.step.label).toBe(label);
    expect(m?.prefix).toBe(prefix);
  });

  it.each([
    "全件実施", // a condition (every case), not just "実施"
    "併用実施",
    "養成講座開催",
    "講座見直し・開催",
    "継続実施 継続実施", // two merged cells
    "の実施",
    "試行実施結果による見直し及び再検討",
    "講演会等の検討 本人ガイドの普及",
  ])("leaves %j to a person", (text) => {
    expect(matchMilestone(text, DEFAULT_LADDER)).toBeNull();
  });
});

describe("validateLadder", () => {
  it("accepts equal ranks", () => {
    expect(
      validateLadder({
        steps: [
          { label: "実施", rank: 1 },
          { label: "本格実施", rank: 1 },
        ],
      }),
    ).toEqual([]);
  });

  it("reports an empty ladder", () => {
    expect(validateLadder({ steps: [] })).toEqual(["段階が1つも定義されていません"]);
  });

  it("reports empty names, bad ranks and spellings used twice", () => {
    const errors = validateLadder({
      steps: [
        { label: "", rank: 1 },
        { label: "検討", rank: Number.NaN, aliases: ["協議", " "] },
        { label: "調整", rank: 3, aliases: ["ｹﾝﾄｳ", "協議", "調整"] },
        { label: "けんとう", rank: 4, aliases: ["検 討"] },
      ],
    });
    expect(errors).toEqual([
      "1番目の段階の名称が空です",
      "段階「検討」の順位が数値ではありません",
      "段階「検討」に空の別名があります",
      "「協議」が段階「検討」と段階「調整」の両方に登録されています",
      "段階「調整」に「調整」が重複して登録されています",
      "「検 討」が段階「検討」と段階「けんとう」の両方に登録されています",
    ]);
  });

  it("never throws and returns strings for arbitrary ladders", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            label: fc.string({ maxLength: 6 }),
            rank: fc.oneof(fc.integer(), fc.double()),
            aliases: fc.option(fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }), { nil: undefined }),
          }),
          { maxLength: 6 },
        ),
        (steps) => {
          const errors = validateLadder({ steps });
          expect(errors.every((e) => typeof e === "string" && e.length > 0)).toBe(true);
        },
      ),
    );
  });
});
