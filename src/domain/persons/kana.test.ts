import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isKana, kanaPrefixKey, normalizeKana, toKatakana } from "./kana";

describe("toKatakana", () => {
  it.each([
    ["やまだ たろう", "ヤマダ タロウ"],
    ["ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ タロウ"],
    ["ｻﾄｰ", "サトー"],
    ["ﾊﾟﾝ", "パン"],
    ["ｳﾞｧﾝ", "ヴァン"],
    ["ゔぁん", "ヴァン"],
    // separately typed voiced marks: combining, spacing, half-width after a full-width letter
    ["か\u3099", "ガ"],
    ["カ\u309A", "カ\u309A"], // カ has no semi-voiced form: kept as typed
    ["ハ\u309A", "パ"],
    ["カ゛", "ガ"],
    ["ハ゜", "パ"],
    ["カﾞ", "ガ"],
    ["さゝき", "サヽキ"],
    ["ゟ", "ヨリ"],
    // only kana changes
    ["山田 太郎 ＡＢＣ　１", "山田 太郎 ＡＢＣ　１"],
    ["", ""],
  ])("%s → %s", (input, expected) => {
    expect(toKatakana(input)).toBe(expected);
  });
});

describe("normalizeKana: spellings of one name give one key", () => {
  it.each([
    ["script and width", ["ヤマダタロウ", "やまだたろう", "ﾔﾏﾀﾞﾀﾛｳ", "ヤマだタろう"]],
    [
      "spaces and dots",
      ["ヤマダ タロウ", "ヤマダ　タロウ", "ヤマダ・タロウ", "ﾔﾏﾀﾞ･ﾀﾛｳ", " ヤマダタロウ ", "ヤマダ\tタロウ"],
    ],
    ["combining and spacing voiced marks", ["ヤマダ", "ヤマタ\u3099", "やまた\u3099", "ヤマタ゛", "ﾔﾏﾀﾞ", "ﾔﾏﾀ\u3099"]],
    ["semi-voiced marks", ["パク", "ハ\u309Aク", "ハ゜ク", "ﾊﾟｸ", "ぱく"]],
    ["O-row long vowel", ["サトウ", "サトー", "サトオ", "さとう", "ｻﾄｳ", "ｻﾄｰ", "ｻﾄ-", "サト－", "サトウー"]],
    ["doubled O", ["オオノ", "オーノ", "オウノ", "おおの", "ｵｰﾉ"]],
    ["トオヤマ / トウヤマ", ["トオヤマ", "トウヤマ", "トーヤマ"]],
    ["ショウ", ["ショウコ", "ショーコ", "シヨウコ", "ｼｮｳｺ", "ｼﾖｳｺ", "しょうこ"]],
    ["E-row long vowel", ["ケイコ", "ケーコ", "ケエコ", "けいこ"]],
    ["I and U rows", ["イイダ", "イーダ"]],
    ["ユウキ", ["ユウキ", "ユーキ", "ゆうき"]],
    ["long mark after a long vowel", ["オオオカ", "オーオカ", "オウオカ"]],
    ["small kana", ["キャサリン", "キヤサリン", "ｷｬｻﾘﾝ", "ｷﾔｻﾘﾝ"]],
    ["small tsu", ["ハットリ", "ハツトリ", "ﾊｯﾄﾘ", "はっとり"]],
    ["ヴ", ["ヴァン", "バン", "ヴアン", "ｳﾞｧﾝ", "ゔぁん", "ヴ ァン"]],
    ["ヴ alone", ["ヴ", "ブ"]],
    ["ヴィ / ヴェ / ヴォ", ["ダヴィド", "ダビド"]],
    ["ヂ / ヅ", ["ツヅキ", "ツズキ", "つづき"]],
    ["ヂ", ["チヂワ", "チジワ"]],
    ["ヲ / ヱ", ["カヲル", "カオル"]],
    ["ヱ", ["ヱミ", "エミ"]],
    ["iteration marks", ["ササキ", "サヽキ", "さゝき"]],
    ["voiced iteration mark", ["スズキ", "スヾキ", "すゞき"]],
    ["family and given name across a space", ["ヤマダ アキラ", "ヤマダアキラ", "ヤマダ・アキラ"]],
    ["foreign names", ["グエン・ヴァン・アン", "グエン ヴァン アン", "グエンバンアン", "グエン゠バン゠アン"]],
    ["long mark with nothing to lengthen", ["ア", "ーア", "ｰｱ"]],
    ["ン followed by ー", ["アン", "アンー"]],
    ["latin letters", ["smith", "SMITH", "ＳＭＩＴＨ", "Smith"]],
  ])("%s", (_, variants) => {
    const keys = variants.map(normalizeKana);
    expect(new Set(keys).size, `${variants.join(" / ")} → ${keys.join(" / ")}`).toBe(1);
  });

  it.each([
    ["サトウ", "サトー"],
    ["オオノ", "オーノ"],
    ["ｻﾄｳ ﾋﾛｼ", "サトーヒロシ"],
    ["キョウコ", "キヨーコ"],
    ["ケイイチ", "ケーイチ"],
    ["グエン・ヴァン・アン", "グエンバンアン"],
    ["", ""],
    ["   ", ""],
  ])("%s → %s", (input, key) => {
    expect(normalizeKana(input)).toBe(key);
  });
});

describe("normalizeKana: different names keep different keys", () => {
  it.each([
    ["サトウ", "サイトウ"],
    ["オノ", "オオタ"],
    ["ヤマダ", "ヤマモト"],
    // vowel length is kept, because these are common, distinct names
    ["オオノ", "オノ"], // 大野 / 小野
    ["ユウキ", "ユキ"],
    ["イイダ", "イダ"],
    ["オオタ", "オタ"],
    ["キョウコ", "キヨコ"],
    ["オオオカ", "オオカ"], // 大岡 / 大鹿
    ["ケイイチ", "ケイチ"],
    ["サトウ", "サト"],
    // voicing and semi-voicing are distinctive
    ["ハシモト", "ハシモド"],
    ["ハク", "パク"],
    ["ハク", "バク"],
    ["タカハシ", "タカバシ"],
    ["ヤマサキ", "ヤマザキ"],
    ["カトウ", "ガトウ"],
    // ヴ only joins with the following vowel
    ["ヴィ", "ブイ"],
  ])("%s ≠ %s", (a, b) => {
    expect(normalizeKana(a)).not.toBe(normalizeKana(b));
  });
});

describe("isKana", () => {
  it.each([
    ["ヤマダ タロウ", true],
    ["やまだ　たろう", true],
    ["ﾔﾏﾀﾞ ﾀﾛｳ", true],
    ["サトー", true],
    ["ｻﾄ-", true],
    ["グエン・ヴァン・アン", true],
    ["ヤマタ\u3099", true],
    ["ㇰ", true],
    ["山田", false],
    ["ヤマダ太郎", false],
    ["yamada", false],
    ["ヤマダ1", false],
    ["", false],
    ["   ", false],
    ["ー・ー", false],
    ["\u3099", false],
  ])("%s → %s", (input, expected) => {
    expect(isKana(input)).toBe(expected);
  });
});

describe("kanaPrefixKey", () => {
  it("is the normalised key of what has been typed so far", () => {
    expect(kanaPrefixKey("さとう")).toBe("サトー");
    expect(kanaPrefixKey("ｵｵ")).toBe("オー");
    expect(normalizeKana("オオノ").startsWith(kanaPrefixKey("おお"))).toBe(true);
    expect(normalizeKana("オーノ").startsWith(kanaPrefixKey("オウ"))).toBe(true);
    expect(normalizeKana("サトウ ヒロシ").startsWith(kanaPrefixKey("サト"))).toBe(true);
  });

  it("leaves out a final ヴ, whose key depends on the next letter", () => {
    expect(kanaPrefixKey("グエン ヴ")).toBe("グエン");
    expect(normalizeKana("グエン ヴァン").startsWith(kanaPrefixKey("グエン ヴ"))).toBe(true);
    expect(kanaPrefixKey("ヴァ")).toBe("バ");
  });

  it("escapes the LIKE wildcards and the escape character", () => {
    expect(kanaPrefixKey("a%b_c\\")).toBe("A\\%B\\_C\\\\");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------------

// Full-width katakana letters U+30A1 ァ … U+30F6 ヶ (all have a hiragana counterpart at −0x60).
const KATAKANA_LETTERS = Array.from({ length: 0x30f6 - 0x30a1 + 1 }, (_, i) => String.fromCharCode(0x30a1 + i));
const SEPARATORS = [" ", "　", "・", "･"];
const kanaText = fc
  .array(fc.constantFrom(...KATAKANA_LETTERS, ...KATAKANA_LETTERS.map(toHiragana), "ー", "ヽ", "ヾ"), { maxLength: 12 })
  .map((chars) => chars.join(""));
const katakanaText = fc
  .array(fc.constantFrom(...KATAKANA_LETTERS, "ー", " ", "・"), { maxLength: 12 })
  .map((chars) => chars.join(""));

function toHiragana(s: string): string {
  return s.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

// Every half-width katakana form with its full-width equivalent, including letter + ﾞ / ﾟ pairs.
const WIDTH_PAIRS: [full: string, half: string][] = (() => {
  const pairs: [string, string][] = [
    [" ", " "],
    ["・", "･"],
    ["ー", "ｰ"],
  ];
  for (let code = 0xff66; code <= 0xff9d; code++) {
    const half = String.fromCharCode(code);
    if (half === "ｰ") continue;
    pairs.push([half.normalize("NFKC"), half]);
    for (const mark of ["ﾞ", "ﾟ"]) {
      const composed = (half + mark).normalize("NFKC");
      if (composed.length === 1) pairs.push([composed, half + mark]);
    }
  }
  return pairs;
})();

// Characters whose handling depends on their neighbours: separators, combining marks, ヴ + vowel, iteration marks.
const TRICKY_UNITS = [
  "a",
  "A",
  " ",
  "・",
  "\u0301",
  "\u1100",
  "\u1161",
  "ア",
  "カ",
  "\u3099",
  "゛",
  "ﾞ",
  "ｶ",
  "ヴ",
  "ァ",
  "ー",
  "-",
  "ヽ",
  "ヾ",
  "ウ",
  "オ",
  "ン",
];

const CANONICAL_KEY_CHARS =
  "アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダデドナニヌネノハヒフヘホバビブベボパピプペポマミムメモヤユヨラリルレロワンー";

describe("normalizeKana properties", () => {
  it("is idempotent", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          kanaText,
          katakanaText,
          fc.string({ maxLength: 12 }),
          fc.string({ unit: "binary", maxLength: 12 }),
          fc.string({ unit: fc.constantFrom(...TRICKY_UNITS), maxLength: 12 }),
        ),
        (s) => {
          const key = normalizeKana(s);
          expect(normalizeKana(key)).toBe(key);
        },
      ),
      { numRuns: 2000 },
    );
    // 2,000 runs are ~1.4 s of CPU alone; beside CI's other test files it ran past the default 5 s
  }, 30_000);

  it("gives hiragana and katakana of the same text the same key", () => {
    fc.assert(
      fc.property(katakanaText, (s) => {
        expect(normalizeKana(toHiragana(s))).toBe(normalizeKana(s));
      }),
    );
  });

  it("gives half-width input the same key as full-width", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WIDTH_PAIRS), { maxLength: 12 }), (pairs) => {
        const full = pairs.map(([f]) => f).join("");
        const half = pairs.map(([, h]) => h).join("");
        expect(normalizeKana(half)).toBe(normalizeKana(full));
      }),
    );
  });

  it("ignores separators wherever they are", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...KATAKANA_LETTERS, "ー"), fc.constantFrom("", ...SEPARATORS)), {
          maxLength: 12,
        }),
        (units) => {
          const plain = units.map(([c]) => c).join("");
          const separated = units.map(([c, sep]) => c + sep).join("");
          expect(normalizeKana(separated)).toBe(normalizeKana(plain));
        },
      ),
    );
  });

  it("keys a typed prefix to a prefix of the full key", () => {
    fc.assert(
      fc.property(kanaText, kanaText, (typed, rest) => {
        expect(normalizeKana(typed + rest).startsWith(kanaPrefixKey(typed))).toBe(true);
      }),
    );
  });

  it("produces only full-size katakana and ー from kana input", () => {
    fc.assert(
      fc.property(kanaText, (s) => {
        for (const c of normalizeKana(s)) expect(CANONICAL_KEY_CHARS).toContain(c);
      }),
    );
  });
});
