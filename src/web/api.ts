/**
 * The one way the web app talks to the server: same-origin fetch with the session cookie, the CSRF header on
 * every state change, If-Match for versioned records, and error JSON turned into a typed ApiError whose message
 * is the server's Japanese text. The CSRF token lives in memory only (never in web storage).
 */

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** 412: someone else saved first. */
  get isStale() {
    return this.status === 412;
  }

  get isNotFound() {
    return this.status === 404;
  }

  /** The message for one field (exact name, or the first message of a nested path such as "gradeScale.0.code"). */
  fieldMessage(name: string): string | undefined {
    return this.fields.find((f) => f.field === name)?.message;
  }
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when an API call answers 401 (the session ended): the app then shows the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

let onSignInUnfinished: (() => void) | null = null;
/**
 * Called when an API call answers that the session has a sign-in step left (e.g. the municipality now requires a
 * second factor the account has not enrolled): the app then shows that step.
 */
export function setSignInUnfinishedHandler(handler: (() => void) | null) {
  onSignInUnfinished = handler;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** JSON body (an object), or raw bytes for uploads */
  body?: unknown;
  /** the record version this write is based on: sent as If-Match: "<version>" */
  version?: number;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  400: "入力内容に誤りがあります",
  401: "ログインしてください",
  403: "この操作を行う権限がありません",
  404: "見つかりません",
  409: "現在の状態ではこの操作はできません",
  412: "他の人が先に更新しました。最新の内容を読み込んでから、もう一度保存してください。",
  413: "ファイルまたはデータが大きすぎます",
  429: "短時間に多くの要求がありました。しばらくしてからもう一度お試しください。",
};

function isRawBody(body: unknown): body is ArrayBuffer | Blob | Uint8Array {
  return body instanceof ArrayBuffer || body instanceof Blob || body instanceof Uint8Array;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = { accept: "application/json", ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    if (isRawBody(opts.body)) {
      body = opts.body as BodyInit;
      headers["content-type"] ??= "application/octet-stream";
    } else {
      body = JSON.stringify(opts.body);
      headers["content-type"] = "application/json";
    }
  }
  if (UNSAFE.has(method) && csrfToken) headers["x-csrf-token"] = csrfToken;
  if (opts.version !== undefined) headers["if-match"] = `"${opts.version}"`;

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: "same-origin", signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "network", "サーバーに接続できませんでした。通信環境を確かめて、もう一度お試しください。");
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    const err = (json ?? {}) as { error?: string; message?: string; fields?: FieldError[]; details?: unknown };
    const status = response.status;
    const fields = Array.isArray(err.fields) ? err.fields : [];
    // 404 is always shown as 見つかりません (the server's text may name what was missing, which is fine too)
    const message = err.message || DEFAULT_MESSAGES[status] || `エラーが発生しました（${status}）`;
    if (status === 401 && !path.startsWith("/api/auth/")) onUnauthorized?.();
    if (status === 403 && err.error === "sign_in_incomplete") onSignInUnfinished?.();
    throw new ApiError(status, err.error ?? String(status), message, fields, err.details);
  }
  return json as T;
}

/** The message to show for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return `エラーが発生しました: ${e.message}`;
  return "エラーが発生しました";
}
