import type { FastifyError, FastifyInstance } from "fastify";
import type { z } from "zod";
import { databaseErrorCode, loggableError } from "../db/errors.js";

/** An error with an HTTP status and a Japanese message meant for the user. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface FieldError {
  field: string;
  message: string;
}

export class ValidationError extends AppError {
  constructor(readonly fields: FieldError[]) {
    super(400, "validation_failed", "入力内容に誤りがあります", fields);
  }
}

export const notFound = (what = "対象") => new AppError(404, "not_found", `${what}が見つかりません`);
export const forbidden = () => new AppError(403, "forbidden", "この操作を行う権限がありません");
export const unauthorized = () => new AppError(401, "unauthorized", "ログインしてください");
export const staleVersion = (current: number) =>
  new AppError(
    412,
    "stale_version",
    "他の人が先に更新しました。最新の内容を読み込んでから、もう一度保存してください。",
    {
      currentVersion: current,
    },
  );
export const conflict = (message: string) => new AppError(409, "conflict", message);

export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join(".") : "(body)",
    message: issue.message,
  }));
}

/** The one validation path: every boundary parses with zod through this, so every failure is a field-named 400. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  // Raw bytes (an upload's content type sent to a form's route) are never a form: walking them key by key took
  // minutes of the event loop for a few megabytes.
  if (value instanceof Uint8Array) {
    throw new ValidationError([{ field: "(body)", message: "データは JSON（application/json）で送ってください" }]);
  }
  const bad = unstorableString(value, []);
  if (bad) throw new ValidationError([bad]);
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(fieldErrorsFromZod(result.error));
  return result.data;
}

/**
 * Strings PostgreSQL cannot store as sent. A lone UTF-16 surrogate cannot be stored as UTF-8: one driver would
 * refuse it, another would silently turn it into U+FFFD. A NUL character (U+0000) cannot be in a text value at all:
 * the server refuses it (a 500 after the fact). Refusing both here keeps the data exactly as sent or not at all.
 */
function unstorableString(value: unknown, path: string[]): FieldError | null {
  if (typeof value === "string") {
    const field = path.join(".") || "(body)";
    if (!value.isWellFormed()) return { field, message: "使用できない文字（壊れた文字コード）が含まれています" };
    if (value.includes("\u0000")) return { field, message: "使用できない文字（NUL 文字）が含まれています" };
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = unstorableString(k, [...path, k]) ?? unstorableString(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof ValidationError) {
      return reply.status(400).send({ error: error.code, message: error.message, fields: error.fields });
    }
    if (error instanceof AppError) {
      return reply.status(error.status).send({ error: error.code, message: error.message, details: error.details });
    }
    const fe = error as FastifyError;
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, too large a body, wrong content type.
      const message =
        fe.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
          ? "このデータ形式は受け付けられません"
          : fe.code === "FST_ERR_CTP_BODY_TOO_LARGE" || fe.code === "FST_REQ_FILE_TOO_LARGE"
            ? "ファイルまたはデータが大きすぎます"
            : fe.statusCode === 429
              ? "短時間に多くの要求がありました。しばらくしてからもう一度お試しください。"
              : "リクエストの形式が正しくありません";
      return reply.status(fe.statusCode).send({ error: fe.code ?? "bad_request", message });
    }
    if (databaseErrorCode(error) === "23505") {
      // A unique constraint caught what the service's own check could not see yet (two requests at once).
      // The constraint's values stay out of the answer and the log.
      request.log.warn({ err: loggableError(error) }, "unique violation answered as 409");
      return reply.status(409).send({
        error: "conflict",
        message: "同じ内容が同時に登録されました。画面を再読み込みして、登録済みの内容を確かめてください。",
      });
    }
    request.log.error({ err: loggableError(error) }, "unhandled error");
    return reply
      .status(500)
      .send({ error: "internal", message: "サーバーで問題が発生しました。時間をおいてもう一度お試しください。" });
  });
}
