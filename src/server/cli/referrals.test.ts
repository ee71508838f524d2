import { describe, expect, it } from "vitest";
import { cliDatabaseForFile } from "../../../test/helpers/cli.js";

const { cli } = cliDatabaseForFile("cli-referrals");

describe("referrals CLI", () => {
  it("lists overdue referrals without personal data", async () => {
    const res = await cli("referrals", "--status", "overdue", "--json");
    expect(res.code).toBe(0);
    expect(res.json).toEqual([
      {
        municipality: "999001",
        referrals: [
          expect.objectContaining({
            status: "in_progress",
            overdue: true,
            from: "架空ケアサービス株式会社（登録事業者）",
            to: "つなぐ中央地域包括支援センター",
          }),
        ],
      },
    ]);
    expect(res.stdout).not.toMatch(/架空 花子|カクウ|息子/);
    // people read the text output: the due date in 和暦, like on screen (the JSON keeps ISO)
    expect(res.json[0].referrals[0].dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = await cli("referrals", "--status", "overdue");
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/\t期限 令和\d+年\d+月\d+日\t期限超過\t/);
    expect(text.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const bad = await cli("referrals", "--status", "late", "--json");
    expect(bad.code).toBe(2);
    expect(bad.json.error).toMatch(/--status/);
  });
});
