import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { databaseErrorCode, databaseFailure, loggableError } from "./errors.js";

/** A server error as node-postgres and PGlite raise it: a SQLSTATE code, a severity, the values in `detail`. */
function serverError(code: string, message: string, fields: Record<string, string> = {}) {
  return Object.assign(new Error(message), { code, severity: "ERROR", ...fields });
}

describe("database errors in logs", () => {
  const unique = new DrizzleQueryError(
    'insert into "persons" ("name_kana", "date_of_birth") values ($1, $2)',
    ["ヤマダ タロウ", "1950-01-02"],
    serverError("23505", 'duplicate key value violates unique constraint "persons_uq"', {
      detail: "Key (name_kana)=(ヤマダ タロウ) already exists.",
      constraint: "persons_uq",
      table: "persons",
    }),
  );

  it("keeps code, constraint, table and the statement with placeholders, and nothing of the values", () => {
    const logged = loggableError(unique);
    expect(logged).toMatchObject({
      type: "DatabaseError",
      code: "23505",
      constraint: "persons_uq",
      table: "persons",
      message: 'duplicate key value violates unique constraint "persons_uq"',
      statement: 'insert into "persons" ("name_kana", "date_of_birth") values ($1, $2)',
    });
    expect(JSON.stringify(logged)).not.toMatch(/ヤマダ|1950/);
    expect(databaseErrorCode(unique)).toBe("23505");
    expect(databaseFailure(unique)).toBe("データベースの処理に失敗しました（23505、persons_uq）");
  });

  it("hides values the server quotes in its message, and a raised message altogether", () => {
    const syntax = serverError("22P02", 'invalid input syntax for type uuid: "ヤマダ"');
    expect(loggableError(syntax)).toMatchObject({
      message: 'invalid input syntax for type uuid: "…"',
      statement: null,
    });
    const raised = new DrizzleQueryError("select f($1)", ["x"], serverError("P0001", "refused ヤマダ タロウ"));
    expect(JSON.stringify(loggableError(raised))).not.toMatch(/ヤマダ/);
  });

  it("leaves other errors as they are", () => {
    const plain = new TypeError("not a database error");
    expect(loggableError(plain)).toBe(plain);
    expect(databaseErrorCode(plain)).toBeNull();
  });
});
