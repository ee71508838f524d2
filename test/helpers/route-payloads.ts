import { existsSync, readdirSync } from "node:fs";
import fc from "fast-check";
import type { RouteOptions } from "fastify";
import { z } from "zod";
import { buildApp } from "../../src/server/app.js";
import type { Db } from "../../src/server/db/client.js";

/**
 * Generated requests for every route of the app: the routes come from the app itself (its onRoute hook), the
 * field names and enum values from the modules' zod schemas, the ids from the database the test runs on. A route
 * or a schema added later is covered without touching the test.
 */

export interface AppRoute {
  method: string;
  url: string;
  params: string[];
  /** the zod schemas (by export name) the handler's source names: its body, query and params are shaped by them */
  schemaNames: string[];
}

/** Every route the app registers, with the schemas it declares (or, without a declaration, its handler names). */
export async function collectRoutes(schemaNames: string[]): Promise<AppRoute[]> {
  const found: AppRoute[] = [];
  const exported = await exportedSchemas();
  const app = await buildApp({
    // registering routes touches no database; requests go to another instance of the same app
    db: {} as Db,
    secureCookies: true,
    webRoot: null,
    onRoute: (r: RouteOptions) => {
      const source = String(r.handler);
      const declared = Object.values(r.config?.inputs ?? {});
      const named = schemaNames.filter(
        (n) => declared.includes(exported.get(n)) || new RegExp(`\\b${n}\\b`).test(source),
      );
      for (const method of [r.method].flat()) {
        found.push({
          method,
          url: r.url,
          params: [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1] as string),
          schemaNames: named,
        });
      }
    },
  });
  await app.close();
  return found;
}

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
};

export interface SchemaCatalogue {
  /** export name → JSON Schema of the input the schema accepts */
  schemas: Map<string, JsonSchema>;
  /** every property name of every schema */
  keys: string[];
  /** every enum and const value of every schema */
  enumValues: unknown[];
}

/** The zod schemas exported by src/server/modules/<module>/schema.ts, by export name. */
async function exportedSchemas(): Promise<Map<string, z.ZodType>> {
  const modules = new URL("../../src/server/modules/", import.meta.url);
  const found = new Map<string, z.ZodType>();
  for (const name of readdirSync(modules)) {
    const file = new URL(`${name}/schema.ts`, modules);
    if (!existsSync(file)) continue;
    for (const [exportName, value] of Object.entries(await import(file.href))) {
      if (value instanceof z.ZodType) found.set(exportName, value);
    }
  }
  return found;
}

/** The zod schemas exported by src/server/modules/<module>/schema.ts, as JSON Schema. */
export async function loadSchemas(): Promise<SchemaCatalogue> {
  const schemas = new Map<string, JsonSchema>();
  const keys = new Set<string>();
  const enumValues = new Set<unknown>();
  const walk = (s: unknown) => {
    if (!s || typeof s !== "object") return;
    const js = s as JsonSchema;
    for (const k of Object.keys(js.properties ?? {})) keys.add(k);
    for (const v of js.enum ?? []) enumValues.add(v);
    if ("const" in js) enumValues.add(js.const);
    for (const v of Object.values(js)) walk(v);
  };
  for (const [exportName, value] of await exportedSchemas()) {
    const js = z.toJSONSchema(value, { io: "input", unrepresentable: "any" }) as JsonSchema;
    schemas.set(exportName, js);
    walk(js);
  }
  return { schemas, keys: [...keys], enumValues: [...enumValues] };
}

/** Ids that exist, by kind ("plan", "person", …): a field or parameter named like a kind gets its ids. */
export type IdPools = Record<string, string[]>;

/** The ids of the kind a name stands for ("toAgencyId" → agency, "departmentIds" → department), or null. */
function poolOf(pools: IdPools, names: string[]): string[] | null {
  for (const name of names) {
    const stem = name.toLowerCase().replace(/ids?$/, "");
    if (!stem) continue;
    const kind = Object.keys(pools).find((k) => stem.endsWith(k) || stem === `${k}s`);
    if (kind && pools[kind]?.length) return pools[kind];
  }
  return null;
}

const idsFor = (pools: IdPools, names: string[]) => poolOf(pools, names) ?? Object.values(pools).flat();

export const nastyString = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(
    "",
    " ",
    "ＡＢＣ１２３",
    "𠮷野家🍣",
    "ｻﾄｳ ﾀﾛｳ",
    "\ud800",
    "\u0000",
    "<script>alert(1)</script>",
    "'; drop table plans; --",
    "%_\\",
    "2024-02-30",
    "令和7年度",
    "-1",
    "1e309",
    "NaN",
    "__proto__",
  ),
  fc.integer({ min: 1_000, max: 40_000 }).map((n) => "長".repeat(n)),
);

const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 2024, 2025, 2026, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e300),
);

/** Any JSON value a client could send, leaning towards ids that exist and values the schemas know. */
export function anyValue(pools: IdPools, catalogue: SchemaCatalogue, names: string[] = []) {
  const known = [...catalogue.enumValues, "2025-06-01", "2025-04-01"];
  const leaf = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...idsFor(pools, names)) },
    { weight: 2, arbitrary: nastyString },
    { weight: 2, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: nastyNumber },
    { weight: 1, arbitrary: fc.oneof(fc.boolean(), fc.constant(null)) },
  );
  return fc.oneof({ weight: 4, arbitrary: leaf }, { weight: 1, arbitrary: fc.array(leaf, { maxLength: 4 }) });
}

const nastyKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "unknownField", "ｔｉｔｌｅ"),
  fc.string({ maxLength: 8 }),
);

/** Text a form would send: readings, names, numbers. */
const formText = fc.constantFrom(
  "テスト",
  "てすと",
  "ヤマダ タロウ",
  "山田 太郎",
  "つなぐ市（架空）",
  "その他",
  "2025",
  "R7",
);
const validDates = fc.constantFrom("2025-04-01", "2025-06-01", "2024-02-29", "2026-03-31");
const oddDates = fc.constantFrom("2025-02-29", "1900-01-01", "9999-12-31", "2025-13-01", "令和7年4月1日");

/**
 * A value shaped by a JSON Schema. `strict`: what a careful client would send (known ids, valid dates, form text),
 * so the request passes validation and reaches the service; otherwise each part is now and then replaced by
 * anything at all, unknown keys are added and strings are any text.
 */
export function shapedBy(
  schema: JsonSchema,
  pools: IdPools,
  catalogue: SchemaCatalogue,
  strict: boolean,
  name = "",
  depth = 0,
): fc.Arbitrary<unknown> {
  const anything = anyValue(pools, catalogue, [name]);
  const text = strict ? formText : fc.oneof(formText, fc.string({ unit: "grapheme", maxLength: 20 }), nastyString);
  const inner = (s: JsonSchema, n = name) => shapedBy(s, pools, catalogue, strict, n, depth + 1);
  if (depth > 4) return strict ? text : anything;
  const alternatives = schema.anyOf ?? schema.oneOf;
  const type = [schema.type].flat()[0];
  const pool = poolOf(pools, [name]);
  let shaped: fc.Arbitrary<unknown>;
  if (alternatives?.length) {
    shaped = fc.oneof(...alternatives.map((s) => inner(s)));
  } else if (schema.allOf?.length) {
    shaped = inner(schema.allOf[0] as JsonSchema);
  } else if (schema.enum?.length) {
    shaped = fc.constantFrom(...schema.enum);
  } else if ("const" in schema) {
    shaped = fc.constant(schema.const);
  } else if (type === "object") {
    const properties = Object.entries(schema.properties ?? {});
    const record = fc.record(Object.fromEntries(properties.map(([k, s]) => [k, inner(s, k)])), {
      requiredKeys: (schema.required ?? []).filter((k) => schema.properties?.[k]),
    });
    const withUnknownKey = fc
      .tuple(record, nastyKey, anything)
      .map(([r, k, v]) => Object.defineProperty({ ...(r as object) }, k, { value: v, enumerable: true }));
    shaped = strict ? record : fc.oneof({ weight: 4, arbitrary: record }, { weight: 1, arbitrary: withUnknownKey });
  } else if (type === "array") {
    shaped = fc.array(inner(schema.items ?? {}), { maxLength: strict ? 3 : 5 });
  } else if (type === "string" && schema.format === "uuid") {
    shaped = strict
      ? fc.constantFrom(...idsFor(pools, [name]))
      : fc.oneof(fc.constantFrom(...idsFor(pools, [name])), fc.uuid());
  } else if (type === "string" && schema.pattern?.includes(String.raw`\d{4}-\d{2}-\d{2}`)) {
    shaped = strict ? validDates : fc.oneof(validDates, oddDates);
  } else if (type === "string") {
    shaped = pool ? fc.oneof(fc.constantFrom(...pool), text) : text;
  } else if (type === "integer" || type === "number") {
    const min = Math.max(schema.minimum ?? -1000, -1e6);
    const max = Math.min(schema.maximum ?? min + 3000, min + 1e6);
    const known = pool?.map(Number).filter((n) => n >= min && n <= max);
    const range = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
    shaped = known?.length ? fc.oneof(fc.constantFrom(...known), range) : range;
  } else if (type === "boolean") {
    shaped = fc.boolean();
  } else {
    // a schema JSON Schema cannot express (a transform): mostly text, as most such fields are
    shaped = strict ? text : fc.oneof(text, anything);
  }
  return strict ? shaped : fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: anything });
}

/** Objects with keys from every schema (and unknown, hostile keys) and values of any kind. */
export function looseObject(pools: IdPools, catalogue: SchemaCatalogue) {
  return fc.dictionary(
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...catalogue.keys) }, { weight: 1, arbitrary: nastyKey }),
    anyValue(pools, catalogue),
    { maxKeys: 6 },
  );
}

/** A path segment as sent on the wire (already percent-encoded, sometimes wrongly). */
export function pathSegment(pools: IdPools, names: string[]) {
  return fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...idsFor(pools, names)) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom("1", "2", "2024", "2025", "0", "-1", "99999999999999999999", "令和7年度") },
    { weight: 2, arbitrary: nastyString.map((s) => encodeURIComponent(s.toWellFormed())) },
    { weight: 1, arbitrary: fc.constantFrom("%ED%A0%80", "%", "%00", "%E9%95", "..%2F..%2Fetc", "a%2Fb") },
  );
}

/** Shapes of a route's body or query, each with how often it is picked. */
export type Shapes = { weight: number; arbitrary: fc.Arbitrary<unknown> }[];

/** A query string: the keys the handler's schemas know (or any schema's), with values of any kind, repeated or not. */
export function queryString(shapes: Shapes, pools: IdPools, catalogue: SchemaCatalogue) {
  const asText = (v: unknown) => (typeof v === "string" ? v.toWellFormed() : (JSON.stringify(v) ?? ""));
  const empty = fc.constant({});
  const loose = looseObject(pools, catalogue);
  const weighted = [empty, loose].map((arbitrary) => ({ weight: 1, arbitrary }));
  return fc.oneof(...weighted, ...shapes).map((q) => {
    const search = new URLSearchParams();
    if (q && typeof q === "object" && !Array.isArray(q)) {
      for (const [k, v] of Object.entries(q)) {
        // a query stays short: a URL over the server's header limit never reaches the app (431)
        for (const item of Array.isArray(v) ? v : [v])
          search.append(k.toWellFormed().slice(0, 40), asText(item).slice(0, 100));
      }
    }
    const text = search.toString();
    return text ? `?${text}` : "";
  });
}

export interface GeneratedBody {
  contentType?: string;
  body?: string;
}

const rawJson = fc.constantFrom(
  "",
  "{",
  "[",
  "null",
  "0",
  '"x"',
  '{"a":"\\ud800"}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  `${"[".repeat(70)}${"]".repeat(70)}`,
);

/** A body: shaped by the handler's schemas, a loose object, any JSON value, broken JSON, plain text or none. */
export function requestBody(shapes: Shapes, pools: IdPools, catalogue: SchemaCatalogue) {
  const json = (value: unknown): GeneratedBody => ({ contentType: "application/json", body: JSON.stringify(value) });
  return fc.oneof(
    ...shapes.map((s) => ({ weight: s.weight, arbitrary: s.arbitrary.map(json) })),
    { weight: 2, arbitrary: looseObject(pools, catalogue).map(json) },
    { weight: 1, arbitrary: anyValue(pools, catalogue).map(json) },
    { weight: 1, arbitrary: rawJson.map((body) => ({ contentType: "application/json", body })) },
    { weight: 1, arbitrary: nastyString.map((s) => ({ contentType: "text/plain", body: s.toWellFormed() })) },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}
