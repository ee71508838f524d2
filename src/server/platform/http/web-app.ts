import { relative, sep } from "node:path";
import fastifyStatic, { type SetHeadersResponse } from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** Vite names every built asset by its content hash: a new build is a new URL, so a browser may keep one forever. */
const HASHED_ASSETS = `assets${sep}`;
const IMMUTABLE = "public, max-age=31536000, immutable";
/** The app shell names the current assets: the browser asks again each time (a 304 when nothing changed). */
const REVALIDATE = "no-cache";

/** A path naming a file (its last segment has an extension): never a client-side route of the app. */
const FILE_PATH = /\/[^/]*\.[A-Za-z0-9]+$/;

/** Cache headers by the file's place in the build (never by the folder the build was deployed to). */
function cacheHeaders(webRoot: string) {
  return (res: SetHeadersResponse, filePath: string) => {
    const hashed = relative(webRoot, filePath).startsWith(HASHED_ASSETS);
    res.setHeader("cache-control", hashed ? IMMUTABLE : REVALIDATE);
    // the same URL answers brotli, gzip or plain bytes by Accept-Encoding: caches must keep them apart
    res.setHeader("vary", "accept-encoding");
  };
}

/**
 * The built web app: files as the build wrote them, the brotli or gzip copy beside each (scripts/precompress.mjs)
 * when the browser accepts it, and index.html for every other GET (or HEAD) outside /api, so client-side routes survive a
 * reload. A missing file (an old chunk after a new deploy, /favicon.ico) is a 404, not the app shell: a script
 * tag must not receive HTML.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string | null) {
  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      preCompressed: true,
      // the compressed copies are served in place of their original, never under their own names
      globIgnore: ["**/*.br", "**/*.gz"],
      cacheControl: false,
      setHeaders: cacheHeaders(webRoot),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (
      webRoot &&
      (request.method === "GET" || request.method === "HEAD") &&
      !path.startsWith("/api/") &&
      !FILE_PATH.test(path)
    ) {
      return reply.type("text/html").sendFile("index.html");
    }
    return reply.status(404).send({ error: "not_found", message: "ページが見つかりません" });
  });
}
