import type { FastifyInstance } from "fastify";
import { AppError } from "../errors.js";

/**
 * Limits of a JSON request body, checked before it is parsed. The largest legitimate body (an evaluation sheet
 * with every long text field full) is a few hundred KiB; no form nests more than a handful of levels. File uploads
 * are not JSON and have their own parser and limit.
 */
export const MAX_JSON_BYTES = 1024 * 1024;
export const MAX_JSON_DEPTH = 64;

export const tooDeep = () =>
  new AppError(400, "too_deep", `データの入れ子が深すぎます（${MAX_JSON_DEPTH}段まで）。送信内容を確かめてください。`);

/**
 * The deepest nesting of objects and arrays in a JSON text, stopping as soon as it passes `limit`. A text nested
 * thousands of levels deep parses fine but then overflows the stack of whatever walks it (validation, hashing).
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}

/** Replaces Fastify's JSON parser by the same parser behind a size limit and a nesting limit. */
export function registerJsonBody(app: FastifyInstance) {
  // the default parser refuses __proto__ and constructor.prototype keys (400), as before
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser(
    "application/json",
    { parseAs: "string", bodyLimit: MAX_JSON_BYTES },
    (request, body, done) => {
      const text = body.toString(); // parseAs "string": already a string
      if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return done(tooDeep(), undefined);
      return parse(request, text, done);
    },
  );
}
