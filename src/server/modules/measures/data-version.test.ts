import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ApiClient } from "../../../../test/helpers/api-client.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { addProject, startMeasureWorld } from "../../../../test/helpers/measure-world.js";
import { currentFiscalYear } from "../../../domain/fiscal-year.js";
import { dataVersionAndThreshold, MEASURED_TABLES } from "./data-version.js";

/**
 * 統計 answers are reused per support data version: every committed change to a counted table must move the version,
 * and an answer read after a write must count it.
 */
const w = worldForFile(startMeasureWorld);
const db = () => w.t.database.db;
const version = async () => (await dataVersionAndThreshold(db(), w.municipalityId)).version;
const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

async function total(client: ApiClient, key: string, query: string) {
  const res = await client.get(`/api/stats?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const measure = (res.body.measures as { key: string; total: { value: number | null; display: string } }[]).find(
    (m) => m.key === key,
  );
  return measure?.total;
}

describe("the support data version behind the statistics cache", () => {
  it("is moved by a trigger on every table the measures read, and by no table they do not", async () => {
    const triggers = rows<{ table: string; name: string; deferred: boolean }>(
      await db().execute(sql`
        select c.relname as "table", t.tgname as name, t.tginitdeferred as deferred
        from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where t.tgname in ('support_data_changed', 'support_data_truncated') and not t.tgisinternal`),
    );
    const on = (name: string) =>
      triggers
        .filter((t) => t.name === name)
        .map((t) => t.table)
        .sort();
    expect(on("support_data_changed")).toEqual([...MEASURED_TABLES].sort());
    expect(on("support_data_truncated")).toEqual([...MEASURED_TABLES].sort());
    // fired at commit, so the version row is locked only while a writer commits
    expect(triggers.every((t) => t.name !== "support_data_changed" || t.deferred)).toBe(true);
  });

  it("moves once per committed transaction on each counted table, and not for a rolled-back one", async () => {
    // the world has no registry of its own: a project with an agency gives those tables a row to change
    await addProject(w, 1, "版の確認", [w.agencyId.coord]);
    for (const table of MEASURED_TABLES) {
      const before = await version();
      // a change that keeps the values: the trigger cannot know what a measure reads, so any change counts
      await db().execute(
        sql`update ${sql.identifier(table)} set municipality_id = municipality_id where municipality_id = ${w.municipalityId}`,
      );
      expect(await version(), table).toBe(before + 1);
    }
    const before = await version();
    await db().transaction(async (tx) => {
      for (const table of MEASURED_TABLES)
        await tx.execute(
          sql`update ${sql.identifier(table)} set municipality_id = municipality_id where municipality_id = ${w.municipalityId}`,
        );
    });
    expect(await version()).toBe(before + 1);
    await expect(
      db().transaction(async (tx) => {
        await tx.execute(
          sql`update persons set municipality_id = municipality_id where municipality_id = ${w.municipalityId}`,
        );
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await version()).toBe(before + 1);
  });

  it("counts a write through the API in the very next answer, for the raw and the suppressed reader", async () => {
    const year = currentFiscalYear();
    const query = `fiscalYear=${year}`;
    const rawBefore = (await total(w.as.coordinator, "new_persons", query))?.value ?? 0;
    // the same answer again comes from the cache, and says the same
    expect((await total(w.as.coordinator, "new_persons", query))?.value).toBe(rawBefore);
    const officeBefore = await total(w.as.office, "new_persons", query);
    const names = ["イチ", "ニ", "サン", "シ", "ゴ", "ロク"];
    const added = names.length;
    for (const [i, name] of names.entries()) {
      const res = await w.as.houkatsu.post("/api/persons", {
        nameKana: `カクニン ${name}`,
        nameKanji: "架空 統計",
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect((await total(w.as.coordinator, "new_persons", query))?.value).toBe(rawBefore + i + 1);
      // under the threshold on the plan side at once, the count on the support side
      if (rawBefore + i + 1 < 5) expect((await total(w.as.office, "new_persons", query))?.display).toBe("5未満");
    }
    // the plan office's suppressed answer moved too: from under the threshold (or a smaller count) to the new one
    const officeAfter = await total(w.as.office, "new_persons", query);
    expect(officeAfter).toEqual({ value: rawBefore + added, state: "shown", display: String(rawBefore + added) });
    expect(officeAfter).not.toEqual(officeBefore);
    // and the coordinator's raw answer is still raw after the office's suppressed one was kept
    expect((await total(w.as.coordinator, "new_persons", query))?.value).toBe(rawBefore + added);
  });

  it("counts a dated record in its own year at once, and leaves other years' answers as they were", async () => {
    const [kase] = rows<{ id: string }>(
      await db().execute(sql`select id from cases where municipality_id = ${w.municipalityId} limit 1`),
    );
    const before2025 = (await total(w.as.coordinator, "contacts", "fiscalYear=2025"))?.value ?? 0;
    const before2024 = (await total(w.as.coordinator, "contacts", "fiscalYear=2024"))?.value ?? 0;
    const res = await w.as.houkatsu.post(`/api/cases/${kase?.id}/records`, {
      kind: "訪問",
      date: "2025-09-01",
      text: "キャッシュの確認（架空）",
      visibility: "team",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await total(w.as.coordinator, "contacts", "fiscalYear=2025"))?.value).toBe(before2025 + 1);
    expect((await total(w.as.coordinator, "contacts", "fiscalYear=2024"))?.value).toBe(before2024);
  });

  it("gives readers arriving together after a write the new count, all of them", async () => {
    const query = "fiscalYear=2025";
    const before = (await total(w.as.coordinator, "contacts", query))?.value ?? 0;
    const [kase] = rows<{ id: string }>(
      await db().execute(sql`select id from cases where municipality_id = ${w.municipalityId} limit 1`),
    );
    const res = await w.as.houkatsu.post(`/api/cases/${kase?.id}/records`, {
      kind: "電話",
      date: "2025-11-01",
      text: "同時に読む確認（架空）",
      visibility: "team",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const readers = [w.as.coordinator, w.as.supportAdmin, w.as.coordinator, w.as.supportAdmin, w.as.coordinator];
    const answers = await Promise.all(readers.map((client) => total(client, "contacts", query)));
    expect(answers.map((a) => a?.value)).toEqual(readers.map(() => before + 1));
  });

  it("keeps answers of different filters apart", async () => {
    const all = (await total(w.as.coordinator, "contacts", "fiscalYear=2025"))?.value;
    const other = (await total(w.as.coordinator, "contacts", `fiscalYear=2025&agencyId=${w.agencyId.provider}`))?.value;
    const lead = (await total(w.as.coordinator, "contacts", `fiscalYear=2025&agencyId=${w.agencyId.houkatsu}`))?.value;
    expect(other).toBe(0);
    expect(lead).toBe(all);
    expect(all).toBeGreaterThan(0);
    const district = await total(w.as.coordinator, "contacts", `fiscalYear=2025&districtId=${w.districtId}`);
    expect(district?.value).toBeNull();
  });
});
