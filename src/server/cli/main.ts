/**
 * Operator commands. They work on the embedded database (the PostgreSQL server of data/postgres, or of
 * TSUNAGU_DATA_DIR; PGlite with TSUNAGU_DB=pglite) by default and on DATABASE_URL when set, and run the same
 * migrations first. A server the app runs is used as it is and left running; with none running, one is started
 * for the command and stopped after it.
 *   import <file> --municipality <code> [--dry-run] [--new-departments create|skip] [--json]
 *   summary --plan <id> --fiscal-year <YYYY|令和6年度> [--json]
 *   indicators --plan <id> --fiscal-year <YYYY|令和7年度> [--json]
 *   audit verify [--json]      the chain and its signed checkpoints
 *   audit checkpoint [--json]  signs every municipality's chain head now
 *   diff --plan <id> --from <revision> --to <revision|draft> [--json]
 *   referrals [--status overdue|sent|…] [--municipality <code>] [--json]
 *   demo-code --login <id> [--json]   (the demo municipality's accounts only)
 *   municipality create --code <団体コード> --name <name> --admin <login id> [--json]
 *   citus-ddl [--write] [--json]   (from the migrations alone: no database of the environment is opened)
 *   backup <file> [--json]         (PostgreSQL: a logical copy; PGlite: the folder, asked of a running app; backup.ts)
 *   restore <file> [--to <folder|DATABASE_URL>] [--force] [--json] | restore --to <DATABASE_URL> [--json]  (restore.ts)
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { type Database, openDatabase } from "../db/client.js";
import { refuseUnmovedPgliteDefault } from "../db/embedded-server/data-folder.js";
import { databaseFailure, isDatabaseError } from "../db/errors.js";
import { ensureDemoMunicipality } from "../demo/load-demo.js";
import { AppError } from "../platform/errors.js";
import { runAuditCheckpoint, runAuditVerify } from "./audit-verify.js";
import { runBackup } from "./backup.js";
import { runCitusDdl } from "./citus-ddl.js";
import { runDemoCode } from "./demo-code.js";
import { runDiff } from "./diff.js";
import { runImport } from "./import.js";
import { runIndicators } from "./indicators.js";
import { runMunicipalityCreate } from "./municipality.js";
import { runReferrals } from "./referrals.js";
import { runRestore } from "./restore.js";
import { runSummary } from "./summary.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    municipality: { type: "string" },
    code: { type: "string" },
    name: { type: "string" },
    admin: { type: "string" },
    plan: { type: "string" },
    login: { type: "string" },
    "fiscal-year": { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    status: { type: "string" },
    "new-departments": { type: "string" },
    "dry-run": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    write: { type: "boolean", default: false },
    force: { type: "boolean", default: false },
  },
});

if (positionals[0] === "citus-ddl") {
  const out = await runCitusDdl({ write: values.write ?? false });
  process.stdout.write(values.json ? `${JSON.stringify(out.json)}\n` : `${out.text}\n`);
  process.exit(0);
}

const config = loadConfig();

// backup and restore open their databases themselves: the data folder may be held by the running server, or be
// the empty target of a restore
if (positionals[0] === "backup" || positionals[0] === "restore") {
  let code = 0;
  try {
    const out =
      positionals[0] === "backup"
        ? await runBackup(config, positionals[1])
        : await runRestore(config, { file: positionals[1], to: values.to, force: values.force ?? false });
    process.stdout.write(values.json ? `${JSON.stringify(out.json)}\n` : `${out.text}\n`);
    code = "exitCode" in out ? out.exitCode : 0;
  } catch (error) {
    code = reportFailure(error);
  }
  process.exit(code);
}

let database: Database;
try {
  refuseUnmovedPgliteDefault(config.previousDefaultDataDir, config.dataDir);
  database = await openDatabase({
    url: config.databaseUrl,
    migrationUrl: config.databaseMigrationUrl,
    dataDir: config.dataDir,
    engine: config.engine,
  });
} catch (error) {
  process.exit(reportFailure(error));
}
let exitCode = 0;
try {
  await database.migrate();
  const [command, ...rest] = positionals;
  // creating a real city never brings the invented demo municipality into its database
  if (config.loadDemo && command !== "municipality") await ensureDemoMunicipality(database.db);
  const out = await dispatch(command, rest);
  process.stdout.write(values.json ? `${JSON.stringify(out.json)}\n` : `${out.text}\n`);
  exitCode = "exitCode" in out ? out.exitCode : 0;
} catch (error) {
  exitCode = reportFailure(error);
} finally {
  await database.close();
}
process.exit(exitCode);

/** Prints a failure as text or JSON; its exit code is 2. */
function reportFailure(error: unknown): number {
  // a database error's own message carries the statement's values: only its code and constraint are shown
  const message =
    error instanceof AppError
      ? error.message
      : isDatabaseError(error)
        ? databaseFailure(error)
        : error instanceof Error
          ? error.message
          : String(error);
  const details = error instanceof AppError ? error.details : undefined;
  if (values.json) process.stdout.write(`${JSON.stringify({ error: message, details })}\n`);
  else process.stderr.write(`エラー: ${message}\n${fieldLines(details)}`);
  return 2;
}

/** A refused input's field messages, one line each (the text form of what --json gives as details). */
function fieldLines(details: unknown): string {
  if (!Array.isArray(details)) return "";
  return details.map((d: { field?: string; message?: string }) => `  ${d.field ?? ""}: ${d.message ?? ""}\n`).join("");
}

async function dispatch(command: string | undefined, rest: string[]) {
  switch (command) {
    case "import":
      return runImport(database.db, {
        file: rest[0],
        municipality: values.municipality,
        dryRun: values["dry-run"] ?? false,
        newDepartments: values["new-departments"],
      });
    case "summary":
      return runSummary(database.db, { plan: values.plan, fiscalYear: values["fiscal-year"] });
    case "indicators":
      return runIndicators(database.db, { plan: values.plan, fiscalYear: values["fiscal-year"] });
    case "diff":
      return runDiff(database.db, { plan: values.plan, from: values.from, to: values.to });
    case "referrals":
      return runReferrals(database.db, { status: values.status, municipality: values.municipality });
    case "demo-code":
      return runDemoCode(database.db, { login: values.login, municipality: values.municipality });
    case "audit":
      if (rest[0] === "verify") return runAuditVerify(database.db, config.auditCheckpoints);
      if (rest[0] === "checkpoint") return runAuditCheckpoint(database.db, config.auditCheckpoints);
      break;
    case "municipality":
      if (rest[0] === "create")
        return runMunicipalityCreate(database.db, { code: values.code, name: values.name, admin: values.admin });
      break;
  }
  throw new AppError(
    2,
    "usage",
    "使い方: import <file> --municipality <code> [--dry-run] [--new-departments create|skip] [--json] | summary --plan <id> --fiscal-year <年度> [--json] | indicators --plan <id> --fiscal-year <年度> [--json] | audit verify|checkpoint [--json] | diff --plan <id> --from <版> --to <版|draft> [--json] | referrals [--status overdue] [--municipality <code>] [--json] | municipality create --code <団体コード> --name <自治体名> --admin <ログインID> [--json] | citus-ddl [--write] | demo-code --login <id> | backup <file> | restore <file> [--to <フォルダ|URL>] [--force]",
  );
}
