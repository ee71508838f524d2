import { Ajv2020 } from "ajv/dist/2020.js";

/**
 * A structural check of an OpenAPI 3.1 document, for the rules a client generator or a viewer relies on: every
 * `$ref` resolves, operationIds are unique, each path template's parameters are declared (and only they), parameter
 * locations and response codes are valid, security names exist, and every schema is valid JSON Schema 2020-12.
 * Returns the problems found, each naming where.
 */

type Json = Record<string, unknown>;
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const PARAMETER_LOCATIONS = new Set(["query", "header", "path", "cookie"]);
const RESPONSE_CODE = /^([1-5](\d\d|XX)|default)$/;

export interface Operation {
  path: string;
  method: string;
  operation: Json;
}

export function operationsOf(document: Json): Operation[] {
  const paths = (document.paths ?? {}) as Record<string, Json>;
  return Object.entries(paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => item[m]).map((method) => ({ path, method, operation: item[method] as Json })),
  );
}

/** The value a local reference ("#/components/schemas/Error") points at, or undefined. */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (!node || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Json)[key];
  }
  return node;
}

function* refsIn(node: unknown, at: string): Generator<{ ref: string; at: string }> {
  if (!node || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string") yield { ref: value, at };
    else yield* refsIn(value, `${at}/${key}`);
  }
}

/** Every schema of the document with where it is: components, parameters, bodies and answers. */
function* schemasIn(document: Json): Generator<{ schema: unknown; at: string }> {
  const components = (document.components ?? {}) as Json;
  for (const [name, schema] of Object.entries((components.schemas ?? {}) as Json))
    yield { schema, at: `components.schemas.${name}` };
  for (const { path, method, operation } of operationsOf(document)) {
    const at = `${method.toUpperCase()} ${path}`;
    for (const p of (operation.parameters ?? []) as Json[]) yield { schema: p.schema, at: `${at} parameter ${p.name}` };
    const body = operation.requestBody as Json | undefined;
    for (const [type, media] of Object.entries((body?.content ?? {}) as Record<string, Json>))
      yield { schema: media.schema, at: `${at} body ${type}` };
    for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, Json>))
      for (const [type, media] of Object.entries((response.content ?? {}) as Record<string, Json>))
        yield { schema: media.schema, at: `${at} ${status} ${type}` };
  }
}

export function newAjv() {
  return new Ajv2020({ strict: false, validateFormats: false });
}

export function structuralProblems(document: Json): string[] {
  const problems: string[] = [];
  if (document.openapi !== "3.1.0") problems.push(`openapi is ${String(document.openapi)}, not 3.1.0`);
  const info = (document.info ?? {}) as Json;
  if (typeof info.title !== "string" || typeof info.version !== "string") problems.push("info needs title and version");

  for (const { ref, at } of refsIn(document, "#"))
    if (resolvePointer(document, ref) === undefined) problems.push(`${at}: $ref ${ref} does not resolve`);

  const tags = new Set(((document.tags ?? []) as Json[]).map((t) => t.name));
  const schemes = ((document.components as Json | undefined)?.securitySchemes ?? {}) as Json;
  const ids = new Map<string, string>();
  for (const { path, method, operation } of operationsOf(document)) {
    const at = `${method.toUpperCase()} ${path}`;
    if (!path.startsWith("/")) problems.push(`${at}: a path starts with /`);
    const id = operation.operationId;
    if (typeof id !== "string" || !id) problems.push(`${at}: no operationId`);
    else if (ids.has(id)) problems.push(`${at}: operationId ${id} also names ${ids.get(id)}`);
    else ids.set(id, at);
    if (typeof operation.summary !== "string") problems.push(`${at}: no summary`);
    const opTags = (operation.tags ?? []) as string[];
    if (!opTags.length || opTags.some((t) => !tags.has(t))) problems.push(`${at}: tags ${opTags} not listed`);

    const parameters = (operation.parameters ?? []) as Json[];
    const seen = new Set<string>();
    for (const p of parameters) {
      const key = `${p.in} ${String(p.name).toLowerCase()}`;
      if (seen.has(key)) problems.push(`${at}: parameter ${key} twice`);
      seen.add(key);
      if (!PARAMETER_LOCATIONS.has(String(p.in))) problems.push(`${at}: parameter ${p.name} in ${p.in}`);
      if (!p.schema && !p.content) problems.push(`${at}: parameter ${p.name} has no schema`);
    }
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
    const inPath = parameters.filter((p) => p.in === "path");
    const declared = inPath.map((p) => p.name).sort();
    if (JSON.stringify(templated) !== JSON.stringify(declared))
      problems.push(`${at}: path parameters ${declared} do not match the template's ${templated}`);
    if (inPath.some((p) => p.required !== true)) problems.push(`${at}: a path parameter must be required`);

    const responses = Object.entries((operation.responses ?? {}) as Record<string, Json>);
    if (!responses.length) problems.push(`${at}: no responses`);
    for (const [code, response] of responses) {
      if (!RESPONSE_CODE.test(code)) problems.push(`${at}: response code ${code}`);
      if (!response.$ref && typeof response.description !== "string")
        problems.push(`${at}: response ${code} has no description`);
    }
    for (const requirement of (operation.security ?? []) as Json[])
      for (const name of Object.keys(requirement))
        if (!schemes[name]) problems.push(`${at}: security scheme ${name} is not defined`);
  }

  const ajv = newAjv();
  for (const { schema, at } of schemasIn(document)) {
    if (schema === undefined) {
      problems.push(`${at}: no schema`);
      continue;
    }
    if (!ajv.validateSchema(schema as object)) problems.push(`${at}: ${ajv.errorsText(ajv.errors)}`);
  }
  return problems;
}
