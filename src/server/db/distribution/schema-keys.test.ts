import { readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../../test/helpers/test-app.js";
import { SCALE_DOC } from "../../cli/citus-ddl.js";
import type { Database } from "../client.js";
import { readSchemaCatalog } from "./catalog.js";
import { citusBlock, citusStatements, currentCitusBlock } from "./citus.js";
import { GLOBAL_TABLES } from "./global-tables.js";
import { keyProblems } from "./key-rules.js";

/**
 * The schema the migrations really make (PGlite, or PostgreSQL with DATABASE_URL) can be distributed by
 * municipality_id, and docs/scale.md carries the statements that do it.
 */
let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  const fresh = await freshDatabase();
  database = fresh.database;
  drop = fresh.dropDatabase;
  await database.migrate();
});
afterAll(async () => {
  await database.close();
  await drop();
});

describe("the migrated schema", () => {
  it("leads every key of a municipality-owned table with municipality_id; every other table is listed", async () => {
    const catalog = await readSchemaCatalog(database.db);
    expect(catalog.tables.filter((t) => t.owned).length).toBeGreaterThan(25);
    expect(keyProblems(catalog, GLOBAL_TABLES)).toEqual([]);
  });

  it("finds the keys a careless migration would add (read from the catalog, not from the definitions)", async () => {
    await database.db.execute(sql`create table careless_notes (
      municipality_id uuid not null, id uuid not null, plan_id uuid not null, code text not null,
      primary key (id, municipality_id),
      foreign key (plan_id) references municipalities (id))`);
    await database.db.execute(sql`create unique index careless_notes_code_idx on careless_notes (lower(code))`);
    await database.db.execute(sql`create table careless_settings (key text primary key)`);
    try {
      const problems = keyProblems(await readSchemaCatalog(database.db), GLOBAL_TABLES);
      expect(problems).toEqual([
        "careless_settings has no municipality_id and is not listed in GLOBAL_TABLES: give it municipality_id or list it with a reason",
        "careless_notes.careless_notes_pkey (primary on id, municipality_id) does not lead with municipality_id",
        expect.stringMatching(/^careless_notes\.careless_notes_plan_id_fkey \(foreign on plan_id\) does not lead/),
        "careless_notes.careless_notes_code_idx (unique index on (expression)) does not lead with municipality_id",
      ]);
    } finally {
      await database.db.execute(sql`drop table careless_notes, careless_settings`);
    }
  });
});

describe("docs/scale.md", () => {
  it("carries the Citus statements of the current schema (npm run cli -- citus-ddl --write)", async () => {
    const statements = citusStatements(await readSchemaCatalog(database.db), GLOBAL_TABLES);
    expect(statements).toContain("SELECT create_reference_table('municipalities');");
    expect(currentCitusBlock(await readFile(SCALE_DOC, "utf8"))).toBe(citusBlock(statements));
  });
});
