/**
 * Operator commands. They work on the embedded database (data/pglite, or TSUNAGU_DATA_DIR) by default and on
 * DATABASE_URL when set, and run the same migrations first.
 *   import <file> --municipality <code> [--dry-run] [--new-departments create|skip] [--json]
 *   summary --plan <id> --fiscal-year <YYYY|令和6年度> [--json]
 *   indicators --plan <id> --fiscal-year <YYYY|令和7年度> [--json]
 *   audit verify [--json]      the chain and its signed checkpoints
 *   audit checkpoint [--json]  signs every municipality's chain head now
 *   diff --plan <id> --from <revision> --to <revision|draft> [--json]
 *   referrals [--status overdue|sent|…] [--municipality <code>] [--json]
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/client.js";
import { databaseFailure, isDatabaseError } from "../db/errors.js";
import { ensureDemoMunicipality } from "../demo/load-demo.js";
import { AppError } from "../platform/errors.js";
import { runAuditCheckpoint, runAuditVerify } from "./audit-verify.js";
import { runDiff } from "./diff.js";
import { runImport } from "./import.js";
import { runIndicators } from "./indicators.js";
import { runReferrals } from "./referrals.js";
import { runSummary } from "./summary.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    municipality: { type: "string" },
    plan: { type: "string" },
    "fiscal-year": { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    status: { type: "string" },
    "new-departments": { type: "string" },
    "dry-run": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});

const config = loadConfig();
const database = await openDatabase({
  url: config.databaseUrl,
  migrationUrl: config.databaseMigrationUrl,
  dataDir: config.dataDir,
});
let exitCode = 0;
try {
  await database.migrate();
  if (config.loadDemo) await ensureDemoMunicipality(database.db);
  const [command, ...rest] = positionals;
  const out = await dispatch(command, rest);
  process.stdout.write(values.json ? `${JSON.stringify(out.json)}\n` : `${out.text}\n`);
  exitCode = "exitCode" in out ? out.exitCode : 0;
} catch (error) {
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
  else process.stderr.write(`エラー: ${message}\n`);
  exitCode = 2;
} finally {
  await database.close();
}
process.exit(exitCode);

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
    case "audit":
      if (rest[0] === "verify") return runAuditVerify(database.db, config.auditCheckpoints);
      if (rest[0] === "checkpoint") return runAuditCheckpoint(database.db, config.auditCheckpoints);
      break;
  }
  throw new AppError(
    2,
    "usage",
    "使い方: import <file> --municipality <code> [--dry-run] [--new-departments create|skip] [--json] | summary --plan <id> --fiscal-year <年度> [--json] | indicators --plan <id> --fiscal-year <年度> [--json] | audit verify|checkpoint [--json] | diff --plan <id> --from <版> --to <版|draft> [--json] | referrals [--status overdue] [--municipality <code>] [--json]",
  );
}
