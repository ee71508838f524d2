import { DrizzleQueryError } from "drizzle-orm/errors";

/**
 * What a failed database statement may say in a log. Drizzle's error message ends with the statement's parameters
 * (a person's name, reading and birth date are parameters), and the server's error carries `detail`
 * (`Key (name_kana)=(…)` for a unique violation), `where` and, on PGlite, the parameters again. None of that may
 * reach a log: only the error code, the names of the constraint, table and column, and the statement text with
 * its `$1` placeholders.
 */
export interface LoggedDatabaseError {
  type: "DatabaseError";
  message: string;
  code: string | null;
  severity: string | null;
  constraint: string | null;
  table: string | null;
  column: string | null;
  routine: string | null;
  statement: string | null;
  stack: string;
}

interface ServerError {
  message: string;
  code?: string;
  severity?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
}

const MAX_STATEMENT = 2000;

/** The server's error (node-postgres' or PGlite's DatabaseError): it has a SQLSTATE code and a severity. */
function isServerError(e: unknown): e is ServerError & Error {
  if (!(e instanceof Error)) return false;
  const { code, severity } = e as { code?: unknown; severity?: unknown };
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && typeof severity === "string";
}

function causes(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = err; e && chain.length < 10 && !chain.includes(e); e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

/** The SQLSTATE of a database error anywhere in the cause chain (23505 = unique violation), or null. */
export function databaseErrorCode(err: unknown): string | null {
  const server = causes(err).find(isServerError);
  return server?.code ?? null;
}

export function isDatabaseError(err: unknown): boolean {
  return causes(err).some((e) => e instanceof DrizzleQueryError || isServerError(e));
}

/**
 * The server's message without the values it quotes (`invalid input syntax for type uuid: "…"`); quoted names of
 * the constraint, table or column are kept. A message raised by a trigger or function (class P0) is its author's
 * free text and may hold anything: only its code is kept.
 */
function scrubMessage(server: ServerError | undefined): string {
  if (!server) return "database statement failed";
  if (server.code?.startsWith("P0")) return "raised by a database function (message withheld)";
  const names = new Set([server.constraint, server.table, server.column].filter(Boolean));
  return server.message.replace(/"([^"]*)"/g, (quoted, inner: string) => (names.has(inner) ? quoted : '"…"'));
}

/** The frames of a stack without its first line, which repeats the message (and so the parameters). */
function framesOnly(stack: string | undefined): string {
  return (stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");
}

/** A database error as it may be logged (see LoggedDatabaseError); other errors are returned unchanged. */
export function loggableError(err: unknown): unknown {
  if (!isDatabaseError(err)) return err;
  const chain = causes(err);
  const server = chain.find(isServerError);
  const query = chain.find((e): e is DrizzleQueryError => e instanceof DrizzleQueryError);
  return {
    type: "DatabaseError",
    message: scrubMessage(server),
    code: server?.code ?? null,
    severity: server?.severity ?? null,
    constraint: server?.constraint ?? null,
    table: server?.table ?? null,
    column: server?.column ?? null,
    routine: server?.routine ?? null,
    statement: query ? query.query.slice(0, MAX_STATEMENT) : null,
    stack: framesOnly((query ?? (err as Error)).stack),
  } satisfies LoggedDatabaseError;
}

/** One line for an operator (the CLI): the code and the constraint or table, nothing of the values. */
export function databaseFailure(err: unknown): string {
  const e = loggableError(err) as LoggedDatabaseError;
  const where = e.constraint ?? e.table;
  return `データベースの処理に失敗しました（${[e.code ?? "コード不明", where].filter(Boolean).join("、")}）`;
}
