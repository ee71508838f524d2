/**
 * Operator commands. They work on the embedded database (the PostgreSQL server of data/postgres, or of
 * TSUNAGU_DATA_DIR; PGlite with TSUNAGU_DB=pglite) by default and on DATABASE_URL when set, and run the same
 * migrations first. A server the app runs is used as it is and left running; with none running, one is started
 * for the command and stopped after it.
 *   import <file> --municipality <code> [--dry-run] [--new-departments create|skip] [--json]
 *          a roadmap: [--item <code|id> [--plan <id>] | --project <id|number|name>] (the item or project it is for)
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
import { runCommand } from "./run-command.js";

const result = await runCommand(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exit(result.code);
