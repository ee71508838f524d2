import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { withParseSlot } from "./parse-slot.js";

/** A parse that runs until the test lets it finish. */
function gate() {
  let open: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { done, open };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("one workbook parse at a time", () => {
  it("runs parses one after the other, a failed one included, and turns away the sixth", async () => {
    const started: number[] = [];
    const gates = [0, 1, 2, 3, 4].map(() => gate());
    const parses = gates.map((g, i) =>
      withParseSlot(async () => {
        started.push(i);
        await g.done;
        if (i === 1) throw new Error("unreadable");
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0]);

    // one running and four waiting: the next is told to come back, with a Japanese message
    const refused = await withParseSlot(async () => "never").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 503, code: "imports_busy" });
    expect((refused as AppError).message).toMatch(/ほかのファイルの取込を処理しています/);

    gates[0]?.open();
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]?.open();
    await expect(parses[1]).rejects.toThrow("unreadable");
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all([parses[0], parses[2], parses[3], parses[4]])).toEqual([0, 2, 3, 4]);
    expect(await withParseSlot(async () => "again")).toBe("again");
  });
});
