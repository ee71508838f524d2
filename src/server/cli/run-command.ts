/**
 * One operator command, from its arguments and environment to what it prints and its exit code. main.ts runs it
 * for the command line; the tests call it in their own process (starting Node, tsx and the database for each
 * command took most of a CLI test's time) and keep a spawned run for the command line itself.
 */
import { parseArgs } from "node:util";
import { type Config, loadConfig } from "../config.js";
import { type Database, openDatabase } from "../db/client.js";
import { refuseUnmovedPgliteDefault } from "../db/embedded-server/data-folder.js";
import { databaseFailure, isDatabaseError } from "../db/errors.js";
import { ensureDemoMunicipality } from "../demo/load-demo.js";
import { sealAuditLog } from "../platform/audit-sealer.js";
import { AppError } from "../platform/errors.js";
import { runAuditCheckpoint, runAuditVerify } from "./audit-verify.js";
import { runBackup } from "./backup.js";
import { runCitusDdl } from "./citus-ddl.js";
import { runDemoCode } from "./demo-code.js";
import { runDiff } from "./diff.js";
import { runImport } from "./import.js";
import { runIndicators } from "./indicators.js";
import { runMeetings } from "./meetings.js";
import { runMunicipalityCreate } from "./municipality.js";
import { runReferrals } from "./referrals.js";
import { runRestore } from "./restore.js";
import { runStats } from "./stats.js";
import { runSummary } from "./summary.js";

export interface CommandResult {
  /** 0 done, 1 a verification failed, 2 refused (usage, input, a database error) */
  code: number;
  stdout: string;
  stderr: string;
}

type Values = ReturnType<typeof parse>["values"];
type Output = { json: unknown; text: string; exitCode?: number };

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      municipality: { type: "string" },
      code: { type: "string" },
      name: { type: "string" },
      admin: { type: "string" },
      plan: { type: "string" },
      project: { type: "string" },
      item: { type: "string" },
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
}

export async function runCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<CommandResult> {
  const { values, positionals } = parse(argv);
  const printed = (out: Output): CommandResult => ({
    code: out.exitCode ?? 0,
    stdout: values.json ? `${JSON.stringify(out.json)}\n` : `${out.text}\n`,
    stderr: "",
  });

  if (positionals[0] === "citus-ddl") return printed(await runCitusDdl({ write: values.write ?? false }));

  const config = loadConfig(env);
  // backup and restore open their databases themselves: the data folder may be held by the running server, or be
  // the empty target of a restore
  if (positionals[0] === "backup" || positionals[0] === "restore") {
    try {
      return printed(
        positionals[0] === "backup"
          ? await runBackup(config, positionals[1])
          : await runRestore(config, { file: positionals[1], to: values.to, force: values.force ?? false }),
      );
    } catch (error) {
      return failure(error, values);
    }
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
    return failure(error, values);
  }
  try {
    await database.migrate();
    const [command, ...rest] = positionals;
    // creating a real city never brings the invented demo municipality into its database
    if (config.loadDemo && command !== "municipality") await ensureDemoMunicipality(database.db);
    return printed(await dispatch(database.db, config, values, command, rest));
  } catch (error) {
    return failure(error, values);
  } finally {
    // what the command recorded takes its place in the chain now; if that fails, the server's sealer does it later
    await sealAuditLog(database.db).catch((error: unknown) =>
      process.emitWarning(
        `audit records left for the server to seal: ${error instanceof Error ? error.message : error}`,
      ),
    );
    await database.close();
  }
}

/** A failure as text (stderr) or JSON (stdout); its exit code is 2. */
function failure(error: unknown, values: Values): CommandResult {
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
  if (values.json) return { code: 2, stdout: `${JSON.stringify({ error: message, details })}\n`, stderr: "" };
  return { code: 2, stdout: "", stderr: `エラー: ${message}\n${fieldLines(details)}` };
}

/** A refused input's field messages, one line each (the text form of what --json gives as details). */
function fieldLines(details: unknown): string {
  if (!Array.isArray(details)) return "";
  return details.map((d: { field?: string; message?: string }) => `  ${d.field ?? ""}: ${d.message ?? ""}\n`).join("");
}

async function dispatch(
  db: Database["db"],
  config: Config,
  values: Values,
  command: string | undefined,
  rest: string[],
): Promise<Output> {
  switch (command) {
    case "import":
      return runImport(db, {
        file: rest[0],
        municipality: values.municipality,
        dryRun: values["dry-run"] ?? false,
        newDepartments: values["new-departments"],
        item: values.item,
        plan: values.plan,
        project: values.project,
      });
    case "summary":
      return runSummary(db, { plan: values.plan, fiscalYear: values["fiscal-year"] });
    case "indicators":
      return runIndicators(db, { plan: values.plan, fiscalYear: values["fiscal-year"] });
    case "diff":
      return runDiff(db, { plan: values.plan, from: values.from, to: values.to });
    case "referrals":
      return runReferrals(db, { status: values.status, municipality: values.municipality });
    case "meetings":
      return runMeetings(db, { municipality: values.municipality, fiscalYear: values["fiscal-year"] });
    case "stats":
      return runStats(db, {
        municipality: values.municipality,
        fiscalYear: values["fiscal-year"],
        project: values.project,
      });
    case "demo-code":
      return runDemoCode(db, { login: values.login, municipality: values.municipality });
    case "audit":
      if (rest[0] === "verify") return runAuditVerify(db, config.auditCheckpoints);
      if (rest[0] === "checkpoint") return runAuditCheckpoint(db, config.auditCheckpoints);
      break;
    case "municipality":
      if (rest[0] === "create")
        return runMunicipalityCreate(db, { code: values.code, name: values.name, admin: values.admin });
      break;
  }
  throw new AppError(
    2,
    "usage",
    "使い方: import <file> --municipality <code> [--dry-run] [--new-departments create|skip] [--item <項目のコード・ID> [--plan <id>] | --project <事業のID・番号・名称>] [--json] | summary --plan <id> --fiscal-year <年度> [--json] | indicators --plan <id> --fiscal-year <年度> [--json] | audit verify|checkpoint [--json] | diff --plan <id> --from <版> --to <版|draft> [--json] | referrals [--status overdue] [--municipality <code>] [--json] | meetings --municipality <code> [--fiscal-year <年度>] [--json] | stats --municipality <code> --fiscal-year <年度> [--project <事業のID・番号・名称>] [--json] | municipality create --code <団体コード> --name <自治体名> --admin <ログインID> [--json] | citus-ddl [--write] | demo-code --login <id> | backup <file> | restore <file> [--to <フォルダ|URL>] [--force]",
  );
}
