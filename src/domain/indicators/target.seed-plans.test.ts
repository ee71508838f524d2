/** Every distinct target cell of the seed plans, classified by hand (the rules by example: target.test.ts). */
import { describe, expect, it } from "vitest";
import { DEFAULT_LADDER } from "./milestones";
import { type Comparator, classifyTargets, isBlankTarget, parseTarget, type Target } from "./target";

const parse = (s: string) => parseTarget(s, DEFAULT_LADDER);

type Expected = Partial<Target>;

const num = (comparator: Comparator, value: number, unit: string): Expected => ({
  kind: "numeric",
  comparator,
  value,
  unit,
});
const ms = (step: string): Expected => ({ kind: "milestone", step });
const AS_NEEDED: Expected = { kind: "asNeeded" };
const TEXT: Expected = { kind: "text" };

/** 狛江市 実施計画 (seed 002): the R6/R7/R8 cells of every ③目標(値) row, each distinct text once. */
const KOMAE_TARGETS: [string, Expected][] = [
  // numbers
  ["15事業者以上", num("gte", 15, "事業者")],
  ["25事業者以上", num("gte", 25, "事業者")],
  ["30事業者以上", num("gte", 30, "事業者")],
  ["6回以上", num("gte", 6, "回")],
  ["5回以上", num("gte", 5, "回")],
  ["3回以上", num("gte", 3, "回")],
  ["2回以上", num("gte", 2, "回")],
  ["1回以上", num("gte", 1, "回")],
  ["2回", num("eq", 2, "回")],
  ["1回", num("eq", 1, "回")],
  ["4人", num("eq", 4, "人")],
  ["1人", num("eq", 1, "人")],
  ["5人以上", num("gte", 5, "人")],
  ["1人以上", num("gte", 1, "人")],
  ["4,100人", num("eq", 4100, "人")],
  ["1 団体以上", num("gte", 1, "団体")],
  ["2校", num("eq", 2, "校")],
  ["2か所", num("eq", 2, "か所")],
  ["3か所", num("eq", 3, "か所")],
  ["20%以下", num("lte", 20, "%")],
  ["80%以上", num("gte", 80, "%")],
  ["35%", num("eq", 35, "%")],
  ["50%", num("eq", 50, "%")],
  ["55%", num("eq", 55, "%")],
  ["60%", num("eq", 60, "%")],
  ["10件以上", num("gte", 10, "件")],
  ["7件以上", num("gte", 7, "件")],
  ["4件", num("eq", 4, "件")],
  ["5件", num("eq", 5, "件")],
  ["2帳票", num("eq", 2, "帳票")],
  // as needed
  ["適宜", AS_NEEDED],
  // stages, alone
  ["調査・研究", ms("調査・研究")],
  ["調査・検討", ms("調査・研究")],
  ["検討", ms("検討")],
  ["調整", ms("調整")],
  ["試行", ms("試行実施")],
  ["試行実施", ms("試行実施")],
  ["実施", ms("実施")],
  ["本格実施", ms("本格実施")],
  ["開催", ms("実施")],
  ["継続実施", ms("継続実施")],
  ["拡充", ms("拡充")],
  // stages of a named object
  ["記録方式の導入", ms("実施")],
  ["支援の試行実施", ms("試行実施")],
  ["支援の実施", ms("実施")],
  ["関係機関・団体との調整", ms("調整")],
  ["関係者との調整", ms("調整")],
  ["避難訓練の試行実施", ms("試行実施")],
  ["避難訓練の実施", ms("実施")],
  ["LTE機器の試験導入", ms("試行実施")],
  ["LTE機器の本格実施", ms("本格実施")],
  ["新たな装置等の検討", ms("検討")],
  ["新たな装置等の調整", ms("調整")],
  ["新たな装置等の試行実施", ms("試行実施")],
  ["「ながら見守り」の検討", ms("検討")],
  ["「ながら見守り」の調整", ms("調整")],
  ["「ながら見守り」の実施", ms("実施")],
  ["GPS機器、仕組みづくりの検討", ms("検討")],
  ["GPS機器、仕組みづくりの調整", ms("調整")],
  ["GPS機器、仕組みづくりの試行実施", ms("試行実施")],
  ["基本理念②③の事業 検討", ms("検討")],
  ["基本理念②③の事業 調整", ms("調整")],
  ["基本理念②③の事業 試行実施", ms("試行実施")],
  ["講演会等の調整", ms("調整")],
  ["講演会等の開催", ms("実施")],
  ["支援機器の導入", ms("実施")],
  ["庁内外向け研修の実施", ms("実施")],
  ["シルバーディスコ事業の試行実施", ms("試行実施")],
  ["検討結果に基づく事業の実施", ms("実施")],
  ["全庁導入の検討", ms("検討")],
  ["障害者週間等における 展示会等の実施", ms("実施")],
  ["推進会議での検討", ms("検討")],
  ["在り方の検討", ms("検討")],
  ["研修会の継続実施", ms("継続実施")],
  ["課題の整理を踏まえた連携体制の検討", ms("検討")],
  // free text: scope, deliverables, compounds and merged cells that a person has to judge
  ["記録方式の導入先の拡大", TEXT],
  ["社会資源の発掘", TEXT],
  ["社会資源の発掘及び活用", TEXT],
  ["居宅介護支援事業所等", TEXT],
  ["相談支援事業所等", TEXT],
  ["福祉関係者等", TEXT],
  ["要介護3以上の対象者", TEXT],
  ["障害者手帳取得者等", TEXT],
  ["既計画策定者等", TEXT],
  ["統合型GISの導入・活用周知", TEXT],
  ["取組一覧の更新・ 位置づけ整理", TEXT],
  ["都の計画と整合", TEXT],
  ["課題整理", TEXT],
  ["講演会等の検討 本人ガイドの普及", TEXT],
  ["養成講座開催", TEXT],
  ["養成講座拡大", TEXT],
  ["講座見直し・開催", TEXT],
  ["講座開催", TEXT],
  ["新設検討及び調整", TEXT],
  ["検討結果を踏まえた対応", TEXT],
  ["事業実施 補助開始", TEXT],
  ["継続実施 継続実施", TEXT],
  ["支援機器の活用", TEXT],
  ["その他既存事業の見直し及び再検討", TEXT],
  ["点字封筒の導入 (福祉保健部2課)", TEXT],
  ["視覚障がい者向け", TEXT],
  ["聴覚障がい者向け", TEXT],
  ["リーフレット及び市HPによる情報発信", TEXT],
  ["12人(初任者研修) 5人(実務者研修)", TEXT],
  ["再構築", TEXT],
  ["週2回の定期開催", TEXT],
  ["ヒアリングフレイルの周知・啓発、事業拡充", TEXT],
  ["試行実施結果による見直し及び再検討", TEXT],
  ["見直し及び再検討の結果に基づき実施調整を図る", TEXT],
  ["介護予防事業におけるデータ収集等", TEXT],
  ["データ分析等", TEXT],
  ["事業への反映", TEXT],
  ["部会長会 2回 調査員定例会 6回", TEXT],
  ["全件実施", TEXT],
  ["派遣体制の整備", TEXT],
  ["推進会議の設置", TEXT],
  ["会議体の整理", TEXT],
  ["現状の課題の整理", TEXT],
  ["ロードマップの作成", TEXT],
  ["障がい者虐待に対するネットワーク構築", TEXT],
  ["児童虐待に対するネットワーク構築", TEXT],
  ["ネットワーク体制の維持及び拡大", TEXT],
  ["併用実施", TEXT],
  ["電子へ移行", TEXT],
  ["アウトリーチを中心とした課題の整理", TEXT],
  ["配置の継続及び後任の育成", TEXT],
  // no target for that year
  ["—", TEXT],
  ["-", TEXT],
];

/** 目黒区 保健医療福祉計画 (seed 001): 現状値 and 計画目標値 (令和13年度末) of every indicator. */
const MEGURO_TARGETS: [string, Expected][] = [
  ["36.6%", num("eq", 36.6, "%")],
  ["65%", num("eq", 65, "%")],
  ["50.7%", num("eq", 50.7, "%")],
  ["70%", num("eq", 70, "%")],
  ["21.6%", num("eq", 21.6, "%")],
  ["25%", num("eq", 25, "%")],
  ["100件", num("eq", 100, "件")],
  ["3,000人", num("eq", 3000, "人")],
  ["40人", num("eq", 40, "人")],
  ["60人", num("eq", 60, "人")],
  ["9人", num("eq", 9, "人")],
  ["30人", num("eq", 30, "人")],
  ["39.4%", num("eq", 39.4, "%")],
  ["6,700人", num("eq", 6700, "人")],
  ["9,600人", num("eq", 9600, "人")],
  ["20%", num("eq", 20, "%")],
  ["37%", num("eq", 37, "%")],
  ["3,800人", num("eq", 3800, "人")],
  ["4,500人", num("eq", 4500, "人")],
  ["1,221人", num("eq", 1221, "人")],
  ["1,700人", num("eq", 1700, "人")],
  ["—", TEXT], // 現状値 not measured yet
  ["-", TEXT],
];

describe("seed plans: every distinct target text", () => {
  it.each(KOMAE_TARGETS)("002 %j", (source, expected) => {
    const t = parse(source);
    expect(t).toMatchObject({ ...expected, source });
  });

  it.each(MEGURO_TARGETS)("001 %j", (source, expected) => {
    expect(parse(source)).toMatchObject({ ...expected, source });
  });

  it("has no duplicates in the tables", () => {
    expect(new Set(KOMAE_TARGETS.map(([s]) => s)).size).toBe(KOMAE_TARGETS.length);
    expect(new Set(MEGURO_TARGETS.map(([s]) => s)).size).toBe(MEGURO_TARGETS.length);
  });
});

describe("classifyTargets", () => {
  it("counts kinds and lists distinct free texts in order", () => {
    const result = classifyTargets(
      ["15事業者以上", "適宜", "検討", "—", "ロードマップの作成", "調査・研究", "ロードマップの作成", "", "再構築"],
      DEFAULT_LADDER,
    );
    expect(result).toEqual({
      counts: { numeric: 1, milestone: 2, asNeeded: 1, text: 3, blank: 2, total: 9 },
      freeTexts: ["ロードマップの作成", "再構築"],
    });
  });

  it("counts the distinct Komae cells by kind", () => {
    const { counts } = classifyTargets(
      KOMAE_TARGETS.map(([s]) => s),
      DEFAULT_LADDER,
    );
    const expected = (kind: string) => KOMAE_TARGETS.filter(([s, e]) => e.kind === kind && !isBlankTarget(s)).length;
    expect(counts).toEqual({
      numeric: expected("numeric"),
      milestone: expected("milestone"),
      asNeeded: expected("asNeeded"),
      text: expected("text"),
      blank: 2,
      total: KOMAE_TARGETS.length,
    });
  });
});
