import type { Writable } from "node:stream";
import pino from "pino";
import { loggableError } from "../db/errors.js";

/**
 * The server's log settings. Request lines name the route, never the query string (it could carry a name or an
 * id); an error from the database is logged without the values of its statement (see db/errors.ts), wherever it
 * is logged from.
 */
export function loggerOptions(level: string, stream?: Writable) {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        route: req.routeOptions?.url,
      }),
      // an error already made loggable (a plain object) is kept as it is
      err: (err: unknown) => {
        const safe = loggableError(err);
        return safe instanceof Error ? pino.stdSerializers.err(safe) : safe;
      },
    },
  };
}
