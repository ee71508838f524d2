import type { CatalogKey, SchemaCatalog } from "./catalog.js";
import type { GlobalTable } from "./global-tables.js";

/**
 * What keeps a municipality's rows on one shard once the tables are distributed by municipality_id: every
 * primary key, unique key or index and foreign key of a municipality-owned table leads with municipality_id (so
 * uniqueness is decided within one municipality, and an index lookup that names the municipality stays on one
 * node), and a foreign key to another municipality-owned table carries municipality_id to municipality_id (so it
 * can never point into another municipality, and both rows live on the same node). Returns one sentence per
 * finding; none means the schema can be distributed as it is.
 */
export function keyProblems(catalog: SchemaCatalog, globalTables: Record<string, GlobalTable>): string[] {
  const owned = new Set(catalog.tables.filter((t) => t.owned).map((t) => t.name));
  const existing = new Set(catalog.tables.map((t) => t.name));
  const problems: string[] = [];

  for (const table of catalog.tables) {
    const listed = globalTables[table.name];
    if (table.owned && listed)
      problems.push(`${table.name} has municipality_id but is listed as a ${listed.placement} table`);
    if (!table.owned && !listed)
      problems.push(
        `${table.name} has no municipality_id and is not listed in GLOBAL_TABLES: give it municipality_id or list it with a reason`,
      );
    if (table.owned && !catalog.keys.some((k) => k.table === table.name && k.kind === "primary"))
      problems.push(`${table.name} has no primary key`);
  }
  for (const name of Object.keys(globalTables))
    if (!existing.has(name)) problems.push(`GLOBAL_TABLES lists ${name}, which the schema does not have`);

  for (const key of catalog.keys) {
    if (owned.has(key.table)) problems.push(...ownedKeyProblems(key, owned));
    const target = key.kind === "foreign" ? key.references?.table : undefined;
    if (!target || target === key.table) continue;
    if (!owned.has(key.table) && owned.has(target))
      problems.push(
        `${key.table}.${key.name}: a table without municipality_id points to the municipality-owned ${target}`,
      );
    if (globalTables[target]?.placement === "local")
      problems.push(`${key.table}.${key.name} points to ${target}, which stays on the coordinator`);
  }
  return problems;
}

function ownedKeyProblems(key: CatalogKey, owned: Set<string>): string[] {
  const where = `${key.table}.${key.name} (${key.kind.replace("_", " ")} on ${key.columns.join(", ")})`;
  if (key.columns[0] !== "municipality_id") return [`${where} does not lead with municipality_id`];
  if (key.kind !== "foreign" || !key.references) return [];
  if (owned.has(key.references.table) && key.references.columns[0] !== "municipality_id")
    return [`${where} points to ${key.references.table} without matching municipality_id to municipality_id`];
  return [];
}
