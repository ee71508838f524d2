import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * A JSON answer serialised once and shared by every reader of the same data version; its gzip form is made (off
 * the event loop) the first time a client accepts it, and then reused too.
 */
export interface Serialized {
  raw: Buffer;
  gzipped?: Promise<Buffer>;
}

export const serialize = (value: unknown): Serialized => ({ raw: Buffer.from(JSON.stringify(value)) });

const gzipAsync = promisify(gzip);

export function gzipped(s: Serialized): Promise<Buffer> {
  s.gzipped ??= gzipAsync(s.raw, { level: 6 });
  return s.gzipped;
}

/** Accept-Encoding names gzip with a non-zero quality. */
export function acceptsGzip(request: FastifyRequest) {
  const header = request.headers["accept-encoding"];
  if (typeof header !== "string") return false;
  return header.split(",").some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (name?.trim() !== "gzip") return false;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return q === undefined || Number(q) > 0;
  });
}

/** Below this, compressing costs more than the bytes it saves. */
const GZIP_FROM = 8 * 1024;

/** Sends a serialised answer, gzipped when the client accepts it and it is large enough to gain from it. */
export async function sendSerialized(request: FastifyRequest, reply: FastifyReply, json: Serialized) {
  reply.type("application/json; charset=utf-8").header("vary", "accept-encoding");
  if (json.raw.length >= GZIP_FROM && acceptsGzip(request)) {
    return reply.header("content-encoding", "gzip").send(await gzipped(json));
  }
  return reply.send(json.raw);
}
