/**
 * The API's shapes as the browser receives them, named once for the web. Each is computed from the server code
 * that builds the answer (a presenter's return type, or the service function's where the service assembles the
 * answer) and put through Jsonify (Dates become strings); request bodies are z.input of the route's zod schema.
 * A presenter field renamed on the server is therefore a type error on every screen that still reads it.
 *
 * Why one folder instead of the web importing each module: the wire form (Jsonify) is a concern of the boundary,
 * not of the server modules, which keep their in-memory types; a screen names one place; and the modules' owners
 * only ever add an exported type next to a presenter. Everything here is a type: import it with `import type`
 * (nothing of the server reaches the browser bundle). contracts.test-d.ts holds the screens to these types.
 */
export type * from "./accounts.js";
export type * from "./committees.js";
export type * from "./fed-indicators.js";
export type * from "./home.js";
export type * from "./imports.js";
export type * from "./indicators.js";
export type { Jsonify, JsonOf } from "./json.js";
export type * from "./mail.js";
export type * from "./measures.js";
export type * from "./meetings.js";
export type * from "./mfa.js";
export type * from "./mid-year.js";
export type * from "./notices.js";
export type * from "./plans.js";
export type * from "./programme.js";
export type * from "./resources.js";
export type * from "./revisions.js";
export type * from "./roadmaps.js";
export type * from "./support.js";
export type * from "./support-plans.js";
