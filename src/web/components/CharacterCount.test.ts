import { describe, expect, it } from "vitest";
import { characterCountAnnouncement, characterCountText } from "./CharacterCount";

describe("character counter", () => {
  it("shows the count against the limit, and how far over it the text is", () => {
    expect(characterCountText(0, 20_000)).toBe("0／20,000文字");
    expect(characterCountText(20_000, 20_000)).toBe("20,000／20,000文字");
    expect(characterCountText(20_001, 20_000)).toBe("20,001／20,000文字（1文字多すぎます）");
  });

  it("speaks only near or over the limit", () => {
    expect(characterCountAnnouncement(17_999, 20_000)).toBe("");
    expect(characterCountAnnouncement(18_000, 20_000)).toBe("あと2,000文字入力できます。");
    expect(characterCountAnnouncement(20_000, 20_000)).toBe("あと0文字入力できます。");
    expect(characterCountAnnouncement(20_010, 20_000)).toBe("10文字多すぎます。20,000文字以内にしてください。");
  });
});
