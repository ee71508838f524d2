import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./client.js";
import { GenerationCache, generationOf, mayWrite } from "./write-generation.js";

describe("mayWrite", () => {
  it.each([
    ["select 1", false],
    ["  SELECT * from plans where id = $1", false],
    ["with t as (select 1) select * from t", false],
    ["select updated_at, locked_until from users", false],
    ['insert into "plans" ("id") values ($1)', true],
    ["update plans set version = version + 1", true],
    ["delete from sessions where token_hash = $1", true],
    ["with d as (delete from sessions returning *) select count(*) from d", true],
    ["select nextval('seq')", true],
    ["select * from plans for update", true],
    ["select set_config('x', 'y', true)", true],
    ["begin", true],
    ["create table x (id int)", true],
  ])("%s → %s", (statement, expected) => {
    expect(mayWrite(statement)).toBe(expected);
  });
});

describe("the embedded database counts its writes", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({});
    await database.db.execute(sql`create table counted (id int primary key, label text)`);
  });
  afterAll(() => database.close());

  const generation = () => {
    const g = generationOf(database.db);
    if (!g) throw new Error("no generation on PGlite");
    return g.value;
  };

  it("a read leaves the generation alone; a write, a transaction and a rolled-back transaction move it", async () => {
    const g0 = generation();
    await database.db.execute(sql`select * from counted`);
    expect(generation()).toBe(g0);

    await database.db.execute(sql`insert into counted values (1, 'a')`);
    const g1 = generation();
    expect(g1).toBeGreaterThan(g0);

    await database.db.transaction(async (tx) => {
      await tx.execute(sql`update counted set label = 'b' where id = 1`);
    });
    const g2 = generation();
    expect(g2).toBeGreaterThan(g1);

    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`update counted set label = 'c' where id = 1`);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(generation()).toBeGreaterThan(g2);
  });

  it("a cached read is reused until the next write, then read again", async () => {
    const cache = new GenerationCache<string>(10);
    let loads = 0;
    const read = () =>
      cache.get(database.db, "label", async () => {
        loads++;
        const result = await database.db.execute(sql`select label from counted where id = 1`);
        return (result as unknown as { rows: { label: string }[] }).rows[0]?.label ?? "";
      });
    const first = await read();
    expect(await read()).toBe(first);
    expect(loads).toBe(1);

    await database.db.execute(sql`update counted set label = 'changed' where id = 1`);
    expect(await read()).toBe("changed");
    expect(loads).toBe(2);
  });

  it("a transaction never reuses cached reads (its own writes must be visible to it)", async () => {
    await database.db.transaction(async (tx) => {
      expect(generationOf(tx)).toBeUndefined();
    });
  });

  it("keeps at most its limit of entries", async () => {
    const cache = new GenerationCache<number>(2);
    for (const key of ["a", "b", "c"]) await cache.get(database.db, key, async () => key.charCodeAt(0));
    expect(cache.peek(database.db, "a")).toBeUndefined();
    expect(cache.peek(database.db, "c")).toBe(99);
  });
});
