import { describe, expect, it } from "vitest";
import { nameSearchKey, personQuery } from "./name";

describe("nameSearchKey", () => {
  it.each([
    ["見本　一郎", "見本一郎"],
    ["見本 一郎", "見本一郎"],
    [" 見本一郎 ", "見本一郎"],
    ["ＮＧＵＹＥＮ　Ｖａｎ", "NGUYENVan"],
    ["ﾐﾎﾝ 一郎", "ミホン一郎"],
  ])("%s → %s", (typed, key) => {
    expect(nameSearchKey(typed)).toBe(key);
  });
});

describe("personQuery", () => {
  it("searches by reading when only kana is typed, by name otherwise", () => {
    expect(personQuery("みほん")).toEqual({ by: "reading", prefix: "ミホン" });
    expect(personQuery("ﾐﾎﾝ ｲﾁ")).toEqual({ by: "reading", prefix: "ミホンイチ" });
    expect(personQuery("見本")).toEqual({ by: "name", prefix: "見本" });
    // kana with kanji is a name (見本 さくら is written so)
    expect(personQuery("見本 さ")).toEqual({ by: "name", prefix: "見本さ" });
    expect(personQuery("Nguyen")).toEqual({ by: "name", prefix: "Nguyen" });
  });

  it("escapes LIKE's special characters and refuses what leaves nothing to search", () => {
    expect(personQuery("50%_\\")).toEqual({ by: "name", prefix: "50\\%\\_\\\\" });
    expect(personQuery("　 ")).toBeNull();
    expect(personQuery("")).toBeNull();
    expect(personQuery("・")).toEqual({ by: "name", prefix: "・" });
  });
});
