/**
 * vitest's global setup for the projects that start databases: names this test run and gives it a folder for its
 * PGlite templates (test/helpers/database-templates.ts builds them when a file first asks); after the run it
 * removes the folder and, on PostgreSQL, the run's template databases.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

/** The prefix of a run's template databases on PostgreSQL: the run drops every database named so after it. */
export function postgresTemplatePrefix(run: string) {
  return `tsunagu_tpl_${run}_`;
}

export default function setup(project: TestProject) {
  const run = randomBytes(4).toString("hex");
  const folder = mkdtempSync(path.join(os.tmpdir(), "tsunagu-test-templates-"));
  project.provide("databaseTemplates", { folder, run });
  return async () => {
    rmSync(folder, { recursive: true, force: true });
    const serverUrl = process.env.DATABASE_URL;
    if (serverUrl) await dropTemplates(serverUrl, postgresTemplatePrefix(run));
  };
}

async function dropTemplates(serverUrl: string, prefix: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where starts_with(datname, $1)",
      [prefix],
    );
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
  } finally {
    await admin.end();
  }
}
