import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainTextOf, textBlocks } from "./text-blocks";

describe("textBlocks", () => {
  it("reads an imported HTML list fragment as a list, keeping each item's own glyph", () => {
    const stored =
      '<ul style="list-style-type: none"> <li>・出張相談会及び出前講座の拡充</li> <li>・SNS等を活用した周知</li> </ul>';
    expect(textBlocks(stored)).toEqual([
      { kind: "list", items: ["・出張相談会及び出前講座の拡充", "・SNS等を活用した周知"] },
    ]);
  });

  it("reads bullets run into one line as list items, with the text before them as a paragraph", () => {
    expect(textBlocks("【実績】 ・開催日：①7月6日（土）・②12月21日（土） ・開催場所：総合庁舎大会議室")).toEqual([
      { kind: "paragraph", text: "【実績】" },
      { kind: "list", items: ["・開催日：①7月6日（土）・②12月21日（土）", "・開催場所：総合庁舎大会議室"] },
    ]);
    // a ・ inside a word is not a bullet
    expect(textBlocks("コミュニティ・ソーシャルワーカーを配置")).toEqual([
      { kind: "paragraph", text: "コミュニティ・ソーシャルワーカーを配置" },
    ]);
    expect(textBlocks("● 課題を整理します。 ● 支援を広げます。")).toEqual([
      { kind: "list", items: ["● 課題を整理します。", "● 支援を広げます。"] },
    ]);
  });

  it("makes paragraphs of line breaks and of <p>, gives glyphless items one, numbers <ol> items", () => {
    expect(textBlocks("一行目\n\n二行目\r\n・項目")).toEqual([
      { kind: "paragraph", text: "一行目" },
      { kind: "paragraph", text: "二行目" },
      { kind: "list", items: ["・項目"] },
    ]);
    expect(textBlocks("<p>段落</p><ul><li>記号なし</li></ul><ol><li>一</li><li>二</li></ol><b>太字</b>")).toEqual([
      { kind: "paragraph", text: "段落" },
      { kind: "list", items: ["・記号なし", "1. 一", "2. 二"] },
      { kind: "paragraph", text: "太字" },
    ]);
  });

  it("leaves other angle brackets as text (they are never interpreted)", () => {
    expect(textBlocks('<script>alert("x")</script> A<B')).toEqual([
      { kind: "paragraph", text: '<script>alert("x")</script> A<B' },
    ]);
  });
});

describe("plainTextOf", () => {
  it("puts each paragraph and item on its own line", () => {
    expect(plainTextOf("<ul><li>・A</li> <li>・B</li></ul>")).toBe("・A\n・B");
    expect(plainTextOf("前文 ・A ・B")).toBe("前文\n・A\n・B");
  });

  it("returns text without structure exactly as stored", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("あ", "a", " ", "\n", "　", "・", "x・y", "<", ">") }), (text) => {
        const blocks = textBlocks(text);
        if (!blocks.some((b) => b.kind === "list") && !/<\s*\/?\s*(ul|ol|li|p|br|div|b|strong)\b/i.test(text)) {
          expect(plainTextOf(text)).toBe(text);
        }
      }),
    );
  });

  it("splits bullets run into a list item as in any line (found by the property below: <li>あ ●)", () => {
    expect(plainTextOf("<li>あ ●")).toBe("・あ\n●");
    expect(plainTextOf(plainTextOf("<li>あ ●"))).toBe("・あ\n●");
  });

  it("is stable: formatting what it formatted changes nothing (an exported cell reads back the same)", () => {
    const piece = fc.constantFrom("あ", "a", " ", "\n", "・", "●", "<li>", "</li>", "<ul>", "</ul>", "<p>", "<b>", "<");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const once = plainTextOf(pieces.join(""));
        expect(plainTextOf(once)).toBe(once);
      }),
    );
  });
});
