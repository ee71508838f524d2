import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cspWith, registerSecurityHeaders } from "./security-headers.js";
import { registerWebApp } from "./web-app.js";

const SCRIPT = `console.log(${JSON.stringify("つなぐ".repeat(400))});`;
let deployedUnder: string;
let root: string;

/** A built app as scripts/build-web.mjs leaves it: a hashed script with its brotli and gzip copies, the shell. */
function writeBuild() {
  // deployed under a folder that happens to be called assets: only the build's own assets/ are immutable
  deployedUnder = mkdtempSync(join(tmpdir(), "web-app-test-"));
  root = join(deployedUnder, "assets", "web");
  mkdirSync(join(root, "assets"), { recursive: true });
  writeFileSync(
    join(root, "index.html"),
    '<!doctype html><script type="module" src="/assets/index-AbC123.js"></script>',
  );
  writeFileSync(join(root, "assets/index-AbC123.js"), SCRIPT);
  writeFileSync(join(root, "assets/index-AbC123.js.br"), brotliCompressSync(SCRIPT));
  writeFileSync(join(root, "assets/index-AbC123.js.gz"), gzipSync(SCRIPT));
}

async function appServing(secure: boolean) {
  const app = Fastify();
  await registerSecurityHeaders(app, { secure });
  app.get(
    "/api/reference",
    { helmet: { contentSecurityPolicy: cspWith({ "style-src": ["'self'", "'unsafe-inline'"] }) } },
    () => "ok",
  );
  await registerWebApp(app, root);
  await app.ready();
  return app;
}

let app: FastifyInstance;
beforeAll(async () => {
  writeBuild();
  app = await appServing(true);
});
afterAll(async () => {
  await app.close();
  rmSync(deployedUnder, { recursive: true, force: true });
});

const asset = (acceptEncoding?: string) =>
  app.inject({ url: "/assets/index-AbC123.js", headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });

describe("the built web app", () => {
  it("sends a hashed asset brotli-compressed when the browser accepts it, cached for good", async () => {
    const res = await asset("gzip, deflate, br, zstd");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/^(application|text)\/javascript/);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
  });

  it("falls back to gzip, then to the plain file", async () => {
    const gz = await asset("gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers["content-type"]).toMatch(/javascript/);
    const plain = await asset();
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  it("never serves the compressed copies under their own names", async () => {
    expect((await app.inject({ url: "/assets/index-AbC123.js.br" })).statusCode).toBe(404);
  });

  it("answers a client-side route with the app shell, to be revalidated on every visit", async () => {
    for (const url of ["/", "/summary?planId=x&fy=2024", "/support/cases/1"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.body).toContain("/assets/index-AbC123.js");
    }
    const head = await app.inject({ method: "HEAD", url: "/summary" });
    expect(head.statusCode).toBe(200);
    expect(head.headers["content-type"]).toMatch(/^text\/html/);
  });

  it("answers a missing file with 404, not with the app shell a script tag cannot run", async () => {
    for (const url of ["/assets/index-Old999.js", "/favicon.ico"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
    }
  });
});

describe("security headers", () => {
  it("allow only this origin's scripts, styles and connections, and no framing", async () => {
    const res = await app.inject({ url: "/login" });
    const csp = res.headers["content-security-policy"];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["referrer-policy"]).toBe("same-origin");
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=31536000/);
  });

  it("lets one route widen the policy for itself only", async () => {
    const reference = await app.inject({ url: "/api/reference" });
    expect(reference.headers["content-security-policy"]).toContain("style-src 'self' 'unsafe-inline'");
    expect(reference.headers["content-security-policy"]).toContain("script-src 'self'");
    expect((await app.inject({ url: "/" })).headers["content-security-policy"]).not.toContain("unsafe-inline");
  });

  it("send no HSTS when the app is served without TLS (insecure cookies)", async () => {
    const plainHttp = await appServing(false);
    const res = await plainHttp.inject({ url: "/" });
    expect(res.headers["strict-transport-security"]).toBeUndefined();
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    await plainHttp.close();
  });
});
