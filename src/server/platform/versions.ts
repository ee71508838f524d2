import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "./errors.js";

/**
 * Optimistic concurrency: every editable record has a version. Clients send it back as `If-Match: "<n>"`
 * (the ETag we gave them); a write against another version is refused with 412 and changes nothing.
 */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers["if-match"];
  const match = typeof header === "string" ? /^(?:W\/)?"?(\d+)"?$/.exec(header.trim()) : null;
  if (!match?.[1]) {
    throw new AppError(428, "version_required", "更新には版番号（If-Match ヘッダー）が必要です");
  }
  const version = Number(match[1]);
  // versions are PostgreSQL integers: a larger number names no version (and would fail the statement)
  if (version > MAX_VERSION) {
    throw new AppError(
      400,
      "bad_version",
      "版番号（If-Match ヘッダー）が正しくありません。画面を再読み込みしてください。",
    );
  }
  return version;
}

const MAX_VERSION = 2 ** 31 - 1;

/** If-Match when given (a stale one is 412); null when absent, which only a route that may create accepts. */
export function expectedVersionIfGiven(request: FastifyRequest): number | null {
  return request.headers["if-match"] === undefined ? null : expectedVersion(request);
}

export function setVersionTag(reply: FastifyReply, version: number) {
  reply.header("etag", `"${version}"`);
}
