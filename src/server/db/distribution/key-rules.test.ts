import { describe, expect, it } from "vitest";
import type { CatalogKey, SchemaCatalog } from "./catalog.js";
import { citusStatements } from "./citus.js";
import type { GlobalTable } from "./global-tables.js";
import { keyProblems } from "./key-rules.js";

const globals: Record<string, GlobalTable> = {
  municipalities: { placement: "reference", reason: "tenancy root" },
  throttle: { placement: "local", reason: "coordinator only" },
};

const pk = (table: string, ...columns: string[]): CatalogKey => ({
  table,
  name: `${table}_pk`,
  kind: "primary",
  columns,
});
const fk = (table: string, name: string, columns: string[], target: string, targetColumns: string[]): CatalogKey => ({
  table,
  name,
  kind: "foreign",
  columns,
  references: { table: target, columns: targetColumns },
});

/** A small schema that follows the rules: owned parent and child, the root and a throttle. */
function goodCatalog(): SchemaCatalog {
  return {
    tables: [
      { name: "municipalities", owned: false },
      { name: "throttle", owned: false },
      { name: "plans", owned: true },
      { name: "items", owned: true },
    ],
    keys: [
      pk("municipalities", "id"),
      pk("throttle", "key"),
      pk("plans", "municipality_id", "id"),
      fk("plans", "plans_m_fk", ["municipality_id"], "municipalities", ["id"]),
      pk("items", "municipality_id", "id"),
      fk("items", "items_plan_fk", ["municipality_id", "plan_id"], "plans", ["municipality_id", "id"]),
    ],
  };
}

describe("keyProblems", () => {
  it("accepts a schema whose owned keys lead with municipality_id", () => {
    expect(keyProblems(goodCatalog(), globals)).toEqual([]);
  });

  it("names a primary, unique or unique-index key that does not lead with municipality_id", () => {
    const c = goodCatalog();
    c.keys = c.keys.filter((k) => k.table !== "items" || k.kind !== "primary");
    c.keys.push(pk("items", "id", "municipality_id"));
    c.keys.push({ table: "plans", name: "plans_code_uq", kind: "unique", columns: ["code"] });
    c.keys.push({ table: "plans", name: "plans_code_idx", kind: "unique_index", columns: ["(expression)"] });
    expect(keyProblems(c, globals)).toEqual([
      "items.items_pk (primary on id, municipality_id) does not lead with municipality_id",
      "plans.plans_code_uq (unique on code) does not lead with municipality_id",
      "plans.plans_code_idx (unique index on (expression)) does not lead with municipality_id",
    ]);
  });

  it("names a foreign key without municipality_id, or one that does not carry it to the target's", () => {
    const c = goodCatalog();
    c.keys.push(fk("items", "items_plain_fk", ["plan_id"], "plans", ["id"]));
    c.keys.push(fk("items", "items_crossed_fk", ["municipality_id", "plan_id"], "plans", ["id", "municipality_id"]));
    expect(keyProblems(c, globals)).toEqual([
      "items.items_plain_fk (foreign on plan_id) does not lead with municipality_id",
      "items.items_crossed_fk (foreign on municipality_id, plan_id) points to plans without matching municipality_id to municipality_id",
    ]);
  });

  it("names a table that is neither owned nor listed, a stale list entry and an owned table without a key", () => {
    const c = goodCatalog();
    c.tables.push({ name: "settings", owned: false }, { name: "notes", owned: true });
    c.tables = c.tables.filter((t) => t.name !== "throttle");
    c.keys = c.keys.filter((k) => k.table !== "throttle");
    expect(keyProblems(c, globals)).toEqual([
      "settings has no municipality_id and is not listed in GLOBAL_TABLES: give it municipality_id or list it with a reason",
      "notes has no primary key",
      "GLOBAL_TABLES lists throttle, which the schema does not have",
    ]);
  });

  it("refuses a global table pointing into owned rows, and anything pointing to a coordinator-only table", () => {
    const c = goodCatalog();
    c.keys.push(fk("municipalities", "m_plan_fk", ["main_plan_id"], "plans", ["id"]));
    c.keys.push(fk("plans", "plans_throttle_fk", ["municipality_id", "key"], "throttle", ["x", "key"]));
    expect(keyProblems(c, globals)).toEqual([
      "municipalities.m_plan_fk: a table without municipality_id points to the municipality-owned plans",
      "plans.plans_throttle_fk points to throttle, which stays on the coordinator",
    ]);
  });
});

describe("citusStatements", () => {
  it("makes reference tables first, then distributes each owned table after the tables it references", () => {
    const c = goodCatalog();
    c.tables.unshift({ name: "attachments", owned: true });
    c.keys.push(pk("attachments", "municipality_id", "id"));
    c.keys.push(fk("attachments", "a_item_fk", ["municipality_id", "item_id"], "items", ["municipality_id", "id"]));
    expect(citusStatements(c, globals)).toEqual([
      "-- throttle stays on the coordinator (not distributed)",
      "SELECT create_reference_table('municipalities');",
      "SELECT create_distributed_table('plans', 'municipality_id', colocate_with => 'none');",
      "SELECT create_distributed_table('items', 'municipality_id', colocate_with => 'plans');",
      "SELECT create_distributed_table('attachments', 'municipality_id', colocate_with => 'plans');",
    ]);
  });

  it("refuses foreign keys that form a cycle", () => {
    const c = goodCatalog();
    c.keys.push(fk("plans", "plans_item_fk", ["municipality_id", "item_id"], "items", ["municipality_id", "id"]));
    expect(() => citusStatements(c, globals)).toThrow("foreign keys form a cycle among: items, plans");
  });
});
