import { randomUUID } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cliDatabaseForFile } from "../../../test/helpers/cli.js";
import { recordAudit } from "../platform/audit.js";

const municipalityId = randomUUID();

const handle = cliDatabaseForFile("audit-checkpoint", {
  prepare: async (database) => {
    for (let n = 0; n < 3; n++)
      await database.db.transaction((tx) =>
        recordAudit(tx, {
          municipalityId,
          actorUserId: null,
          actorLabel: "test",
          action: "update",
          entityType: "thing",
        }),
      );
  },
});

describe("audit checkpoint and audit verify (CLI)", () => {
  it("signs the heads on demand, verifies them, and names a missing key instead of passing", async () => {
    const written = await handle.cli("audit", "checkpoint", "--json");
    expect(written.code).toBe(0);
    const mine = written.json.checkpoints.find((c: { municipalityId: string }) => c.municipalityId === municipalityId);
    expect(mine).toMatchObject({ seq: 3 });
    const keyPath = handle.env.TSUNAGU_AUDIT_KEY as string;
    expect(written.json.keyPath).toBe(keyPath);
    expect(existsSync(written.json.logPath)).toBe(true);

    const verified = await handle.cli("audit", "verify", "--json");
    expect(verified.code).toBe(0);
    expect(verified.json).toMatchObject({ ok: true, firstBad: null });
    expect(verified.json.checkpoints).toBe(written.json.checkpoints.length);
    expect(verified.json.latestCheckpoint).toBe(mine.at);

    rmSync(keyPath);
    const withoutKey = await handle.cli("audit", "verify", "--json");
    expect(withoutKey.code).toBe(2);
    expect(withoutKey.json.error).toContain(`監査ログの署名鍵 ${keyPath} が見つかりません`);
  }, 120_000);
});
