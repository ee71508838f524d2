import { PRINCIPAL_LABELS } from "../../../domain/access/principals.js";
import { NEEDS, type RouteRule } from "../../../domain/access/route-table.js";
import type { AnswerStatus, RouteDeclaration } from "../../platform/http/route.js";

/**
 * What the API description says about one route beyond its input schemas, read from the access table and the
 * route's own declaration: its stable name, who may call it, how it is authenticated and every answer it may give.
 * Pure: the document's assembly (document.ts) hands the pieces to @fastify/swagger.
 */

/** The stable operationId of an access-table key: "PATCH /api/users/:userId" → "patchUsersByUserId". */
export function operationIdOf(key: string): string {
  const [method = "", url = ""] = key.split(" ");
  const words = url
    .replace(/^\/api\//, "")
    .split(/[/.-]/)
    .filter(Boolean)
    .map((part) => (part.startsWith(":") ? `By${capitalise(part.slice(1))}` : capitalise(part)));
  return method.toLowerCase() + words.join("");
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The access rule as the description's `x-tsunagu-access` extension: machine-readable, as the table holds it. */
export function accessExtension(rule: RouteRule) {
  return {
    allow: rule.allow,
    ...(typeof rule.allow === "object" ? { denied: rule.denied ?? 403 } : {}),
    ...(rule.need ? { need: rule.need } : {}),
  };
}

/** The same rule in words, for the operation's description. */
export function accessText(rule: RouteRule): string {
  const who =
    rule.allow === "public"
      ? "だれでも（ログイン不要）"
      : rule.allow === "signed_in"
        ? "ログインしている利用者すべて"
        : rule.allow.map((p) => PRINCIPAL_LABELS[p]).join("、");
  const lines = [`呼び出せる利用者: ${who}`];
  if (typeof rule.allow === "object") lines.push(`それ以外の利用者には ${rule.denied ?? 403} を返します。`);
  if (rule.need) lines.push(`記録ごとの条件: ${NEEDS[rule.need]}`);
  return lines.join("\n\n");
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The security requirement: none for public routes; the session, and on a state change also the CSRF header. */
export function securityOf(method: string, rule: RouteRule): Record<string, string[]>[] {
  if (rule.allow === "public") return [];
  return UNSAFE.has(method) ? [{ session: [], csrf: [] }] : [{ session: [] }];
}

/** The error answers every route may share, by status: components.responses of the document. */
export const ERROR_RESPONSES = {
  400: { name: "BadRequest", description: "入力の誤り。項目ごとの理由を fields に返します" },
  401: { name: "Unauthorized", description: "ログインしていない、またはセッションの期限切れ" },
  403: {
    name: "Forbidden",
    description:
      "この操作を行う権限がない、CSRF トークンが合わない、またはログインの手続き（パスワードの設定など）が済んでいない",
  },
  404: { name: "NotFound", description: "対象がない、または見る根拠がない（存在も知らせない）" },
  409: { name: "Conflict", description: "今の状態では行えない操作" },
  412: { name: "PreconditionFailed", description: "他の人が先に更新した（If-Match の版が古い）" },
  428: { name: "PreconditionRequired", description: "If-Match ヘッダーがない" },
  429: { name: "TooManyRequests", description: "短時間に多くの要求があった" },
} as const;
export type ErrorStatus = keyof typeof ERROR_RESPONSES;

/** Which of the shared error answers a route can give: read from its rule and its declaration. */
export function errorStatusesOf(method: string, rule: RouteRule, declared: RouteDeclaration, limited: boolean) {
  const statuses: ErrorStatus[] = [400];
  if (rule.allow !== "public") statuses.push(401);
  // a role outside `allow`, a record-level rule, a state change's CSRF and Origin checks, or a sign-in with a step left
  const stepLeft = rule.allow !== "public" && !rule.duringSignIn;
  if (typeof rule.allow === "object" || rule.need || UNSAFE.has(method) || stepLeft) statuses.push(403);
  if (declared.key.includes("/:") || rule.denied === 404) statuses.push(404);
  if (UNSAFE.has(method)) statuses.push(409);
  if (declared.ifMatch) statuses.push(412);
  if (declared.ifMatch === "required") statuses.push(428);
  if (limited) statuses.push(429);
  for (const status of declared.alsoAnswers)
    if (status in ERROR_RESPONSES && !statuses.includes(status as ErrorStatus)) statuses.push(status as ErrorStatus);
  return statuses.sort((a, b) => a - b);
}

const FILE_TYPES: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv",
};

/** A successful answer: its status, its ETag header and its content type (a file for `….xlsx` and `….csv`). */
export function successResponse(declared: RouteDeclaration, status: AnswerStatus = declared.status ?? 200) {
  const headers = declared.etag
    ? { ETag: { description: "記録の版（変更するときに If-Match で送り返す）", schema: { type: "string" } } }
    : undefined;
  if (status === 204) return { description: "完了（本文なし）", ...(headers && { headers }) };
  const extension = /\.(\w+)$/.exec(declared.key)?.[1];
  const fileType = extension ? FILE_TYPES[extension] : undefined;
  const content = fileType
    ? { [fileType]: { schema: { type: "string", contentMediaType: fileType } } }
    : { "application/json": { schema: { type: "object" } } };
  return { description: status === 201 ? "作成しました" : "成功", ...(headers && { headers }), content };
}

/** The If-Match header a route reads, as an OpenAPI parameter. */
export function ifMatchParameter(declared: RouteDeclaration) {
  if (!declared.ifMatch) return null;
  return {
    name: "If-Match",
    in: "header",
    required: declared.ifMatch === "required",
    description:
      declared.ifMatch === "required"
        ? '読んだときの版（ETag の値、例: "3"）。ないと 428、古いと 412'
        : "読んだときの版（ETag の値）。送らないと新しく作る。古いと 412",
    schema: { type: "string", pattern: '^(W/)?"?\\d+"?$' },
  };
}
