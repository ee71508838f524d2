import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../db/client.js";
import { readSchemaCatalog } from "../db/distribution/catalog.js";
import { citusBlock, citusStatements, withCitusBlock } from "../db/distribution/citus.js";
import { GLOBAL_TABLES } from "../db/distribution/global-tables.js";

/** docs/scale.md, which carries the statements for the people who will run them */
export const SCALE_DOC = fileURLToPath(new URL("../../../docs/scale.md", import.meta.url));

/**
 * citus-ddl [--write]: the Citus statements for the schema the migrations make, read from a fresh in-memory
 * database (so the answer does not depend on the data or on the database the environment names). --write puts
 * them into docs/scale.md.
 */
export async function runCitusDdl(opts: { write: boolean }) {
  const database = await openDatabase({});
  try {
    await database.migrate();
    const statements = citusStatements(await readSchemaCatalog(database.db), GLOBAL_TABLES);
    if (opts.write)
      await writeFile(SCALE_DOC, withCitusBlock(await readFile(SCALE_DOC, "utf8"), citusBlock(statements)));
    return { text: statements.join("\n"), json: { statements, ...(opts.write ? { written: "docs/scale.md" } : {}) } };
  } finally {
    await database.close();
  }
}
