import { describe, expect, it } from "vitest";
import { decodeText, isZip } from "./decode-text";

const enc = (s: string) => new TextEncoder().encode(s);

describe("decodeText", () => {
  it("reads UTF-8 and UTF-8 with BOM to the same text", () => {
    const plain = decodeText(enc("総括表\r\n評価"));
    const bom = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc("総括表\r\n評価")]));
    expect(plain).toEqual({ ok: true, text: "総括表\n評価", encoding: "utf-8" });
    expect(bom).toEqual({ ok: true, text: "総括表\n評価", encoding: "utf-8-bom" });
  });

  it("reads Shift_JIS", () => {
    // 「評価」 in Shift_JIS: 95 5D 89 BF
    const r = decodeText(new Uint8Array([0x95, 0x5d, 0x89, 0xbf]));
    expect(r).toEqual({ ok: true, text: "評価", encoding: "shift_jis" });
  });

  it("refuses empty, binary and undecodable input with a Japanese message", () => {
    expect(decodeText(new Uint8Array())).toMatchObject({ ok: false, reason: "empty" });
    expect(decodeText(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toMatchObject({
      ok: false,
      reason: "binary",
    });
    const bad = decodeText(new Uint8Array([0x82, 0xff, 0xfe, 0x82]));
    expect(bad).toMatchObject({ ok: false, reason: "unknown_encoding" });
    if (!bad.ok) expect(bad.message).toMatch(/文字コード/);
  });

  it("recognises a zip (xlsx) by its magic number", () => {
    expect(isZip(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1]))).toBe(true);
    expect(isZip(enc("PK"))).toBe(false);
  });
});
