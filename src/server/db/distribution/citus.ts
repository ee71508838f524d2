import type { SchemaCatalog } from "./catalog.js";
import type { GlobalTable } from "./global-tables.js";

/**
 * The Citus statements that distribute the schema: reference tables first, then every municipality-owned table
 * distributed by municipality_id, all in one colocation group (the first distributed table starts it), each
 * after the tables its foreign keys point to, since Citus distributes a table only when what it references is
 * already distributed or a reference table. Tables of one dependency level are ordered by name, so the output
 * changes only when the schema does.
 */
export function citusStatements(catalog: SchemaCatalog, globalTables: Record<string, GlobalTable>): string[] {
  const names = catalog.tables.map((t) => t.name);
  const reference = names.filter((n) => globalTables[n]?.placement === "reference");
  const local = names.filter((n) => globalTables[n]?.placement === "local");
  const distributed = catalog.tables.filter((t) => t.owned).map((t) => t.name);
  const statements = [
    ...local.map((n) => `-- ${n} stays on the coordinator (not distributed)`),
    ...dependencyOrder(reference, catalog).map((n) => `SELECT create_reference_table('${n}');`),
  ];
  const [anchor, ...rest] = dependencyOrder(distributed, catalog);
  if (anchor) {
    statements.push(`SELECT create_distributed_table('${anchor}', 'municipality_id', colocate_with => 'none');`);
    for (const n of rest)
      statements.push(`SELECT create_distributed_table('${n}', 'municipality_id', colocate_with => '${anchor}');`);
  }
  return statements;
}

/** The tables, each after those it references (self-references aside); a cycle cannot be distributed in order. */
function dependencyOrder(tables: string[], catalog: SchemaCatalog): string[] {
  const pending = new Set(tables);
  const needs = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const key of catalog.keys) {
    const target = key.references?.table;
    if (key.kind === "foreign" && target && target !== key.table && pending.has(key.table) && pending.has(target))
      needs.get(key.table)?.add(target);
  }
  const ordered: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => [...(needs.get(t) ?? [])].every((n) => !pending.has(n))).sort();
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among: ${[...pending].sort().join(", ")}`);
    for (const t of ready) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered;
}

const BLOCK_START = "<!-- citus-ddl:start (npm run cli -- citus-ddl --write) -->";
const BLOCK_END = "<!-- citus-ddl:end -->";

/** The generated block of docs/scale.md: the statements in an sql fence between two markers. */
export function citusBlock(statements: string[]): string {
  return `${BLOCK_START}\n\`\`\`sql\n${statements.join("\n")}\n\`\`\`\n${BLOCK_END}`;
}

/** The block as the document has it now, or undefined when its markers are missing. */
export function currentCitusBlock(doc: string): string | undefined {
  const start = doc.indexOf(BLOCK_START);
  const end = doc.indexOf(BLOCK_END);
  if (start < 0 || end < start) return undefined;
  return doc.slice(start, end + BLOCK_END.length);
}

/** The document with its block replaced by `block`. */
export function withCitusBlock(doc: string, block: string): string {
  const current = currentCitusBlock(doc);
  if (!current) throw new Error(`the document has no ${BLOCK_START} … ${BLOCK_END} block`);
  return doc.replace(current, block);
}
