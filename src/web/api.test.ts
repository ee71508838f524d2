import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, api, setCsrfToken, setUnauthorizedHandler } from "./api";

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof ApiError)) throw new Error("expected an ApiError");
  return e;
}

function respond(status: number, body: unknown) {
  return vi.fn(
    async (_url: string, _init: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { "content-type": "application/json" },
      }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});

describe("api client", () => {
  it("sends the CSRF token and If-Match on a versioned write", async () => {
    const fetchMock = respond(200, { ok: true });
    vi.stubGlobal("fetch", fetchMock);
    setCsrfToken("tok");
    await api("/api/sheets/1", { method: "PUT", body: { results: "x" }, version: 7 });
    const init = fetchMock.mock.calls[0]?.[1] as RequestInit;
    const headers = init.headers as Record<string, string>;
    expect(headers["x-csrf-token"]).toBe("tok");
    expect(headers["if-match"]).toBe('"7"');
    expect(headers["content-type"]).toBe("application/json");
    expect(init.credentials).toBe("same-origin");
  });

  it("never sends the CSRF token on a GET", async () => {
    const fetchMock = respond(200, {});
    vi.stubGlobal("fetch", fetchMock);
    setCsrfToken("tok");
    await api("/api/plans");
    const init = fetchMock.mock.calls[0]?.[1] as RequestInit;
    expect((init.headers as Record<string, string>)["x-csrf-token"]).toBeUndefined();
  });

  it("turns a 400 with fields into an ApiError with field messages", async () => {
    vi.stubGlobal(
      "fetch",
      respond(400, {
        error: "validation_failed",
        message: "入力内容に誤りがあります",
        fields: [{ field: "grade", message: "評価を選んでください" }],
      }),
    );
    const e = await failure(api("/api/sheets/1/submit", { method: "POST", version: 1 }));
    expect(e.message).toBe("入力内容に誤りがあります");
    expect(e.fieldMessage("grade")).toBe("評価を選んでください");
  });

  it("marks 412 as stale and 404 as not found", async () => {
    vi.stubGlobal("fetch", respond(412, { error: "stale_version", message: "他の人が先に更新しました。" }));
    expect((await failure(api("/x", { method: "PUT", body: {}, version: 1 }))).isStale).toBe(true);
    vi.stubGlobal("fetch", respond(404, {}));
    const nf = await failure(api("/x"));
    expect(nf.isNotFound).toBe(true);
    expect(nf.message).toBe("見つかりません");
  });

  it("reports a 401 outside /api/auth/ to the app (session ended)", async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    vi.stubGlobal("fetch", respond(401, { error: "unauthorized", message: "ログインしてください" }));
    await failure(api("/api/plans"));
    await failure(api("/api/auth/session"));
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("sends raw bytes as octet-stream", async () => {
    const fetchMock = respond(200, {});
    vi.stubGlobal("fetch", fetchMock);
    await api("/api/imports/preview", { method: "POST", body: new Uint8Array([1, 2]).buffer });
    const init = fetchMock.mock.calls[0]?.[1] as RequestInit;
    expect((init.headers as Record<string, string>)["content-type"]).toBe("application/octet-stream");
    expect(init.body).toBeInstanceOf(ArrayBuffer);
  });
});
