import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
} from "fastify";
import type { z } from "zod";
import { type ROUTE_TABLE, type RouteKey, ruleOf } from "../../../domain/access/route-table.js";
import type { RequestActor } from "../auth/context.js";
import { requireActor } from "../auth/plugin.js";
import { parseInput } from "../errors.js";
import { expectedVersion, expectedVersionIfGiven, setVersionTag } from "../versions.js";
import type { ApiModule } from "./api-modules.js";

/** The zod schemas a route reads its input with, by where the input comes from. */
export interface RouteInputs {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

type IfMatch = "required" | "optional";
/** The statuses the API answers with (the error answers share one shape: errors.ts). */
export type AnswerStatus = 200 | 201 | 204 | 400 | 401 | 403 | 404 | 409 | 412 | 428 | 429;

/** What a route declares about itself besides its inputs: the API description (openapi.json) is built from it. */
export interface RouteDeclaration {
  key: RouteKey;
  module: ApiModule;
  ifMatch?: IfMatch;
  status?: 201 | 204;
  /** the answer carries an ETag */
  etag: boolean;
  bodyOptional: boolean;
  /** the body is an uploaded file's bytes, not JSON */
  upload: boolean;
  alsoAnswers: readonly AnswerStatus[];
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** the route's declared input schemas: whatever describes the API from its routes reads them here */
    inputs?: RouteInputs;
    declared?: RouteDeclaration;
  }
}

/** The answer's fields that can carry its ETag: a version number, or a record with its `version`. */
type VersionField<A> = {
  [K in keyof A]: A[K] extends number ? K : A[K] extends { version: number } ? K : never;
}[keyof A];

/** What a route declares besides its handler: where its input comes from, If-Match, and how it answers. */
export interface RouteSpec<P, Q, B, M, A> {
  params?: P;
  query?: Q;
  body?: B;
  /** a request without a body is read as `{}` (every field of the body is optional) */
  bodyOptional?: true;
  /** the body is the bytes of an uploaded file (xlsx or text), read by the handler */
  upload?: true;
  /** "required": the write names the version it read (428 without); "optional": none means "create it" (null) */
  ifMatch?: M;
  /** the status of a successful answer when it is not 200 */
  status?: 201 | 204;
  /** the answer's field whose version is sent as the ETag */
  etag?: VersionField<A>;
  /**
   * statuses the handler itself answers with besides those the rest of this declaration and the access table imply
   * (a login's 401, a commit's 201 when it created something): the API description lists them
   */
  alsoAnswers?: readonly AnswerStatus[];
  /** runs before the access gate (a check of the request's size) */
  onRequest?: onRequestHookHandler;
  config?: FastifyContextConfig;
}

type Parsed<S> = S extends z.ZodType ? z.infer<S> : undefined;
type VersionOf<M> = M extends "required" ? number : M extends "optional" ? number | null : undefined;
/** A route the access table opens to anyone has no caller to hand over; every other route has one. */
type CallerOf<K extends RouteKey> = (typeof ROUTE_TABLE)[K]["allow"] extends "public"
  ? { actor?: undefined }
  : { actor: RequestActor };

export type RouteContext<K extends RouteKey, P, Q, B, M> = CallerOf<K> & {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  /** the If-Match version */
  version: VersionOf<M>;
  request: FastifyRequest;
  reply: FastifyReply;
};

type Schema = z.ZodType | undefined;

/**
 * Registers the app's API routes by their access-table key ("PATCH /api/users/:userId"). Every route reads its
 * input the same way, in the same order: the caller, then the path parameters, the query and the body (each
 * through parseInput: a field-named 400), then If-Match; its answer gets the declared status and ETag. The access
 * gate is added when the route is registered (route-gate.ts) and still runs before the body is read. `module` is
 * the API description's tag for the routes.
 */
export function routesFor(app: FastifyInstance, module: ApiModule) {
  return function route<
    K extends RouteKey,
    P extends Schema = undefined,
    Q extends Schema = undefined,
    B extends Schema = undefined,
    M extends IfMatch | undefined = undefined,
    A = unknown,
  >(key: K, spec: RouteSpec<P, Q, B, M, A>, handle: (context: RouteContext<K, P, Q, B, M>) => Promise<A>) {
    const [method, url] = key.split(" ") as [string, string];
    const isPublic = ruleOf(key)?.allow === "public";
    const { params, query, body } = spec;
    app.route({
      method,
      url,
      ...(spec.onRequest ? { onRequest: spec.onRequest } : {}),
      config: { ...spec.config, inputs: { params, query, body }, declared: declarationOf(key, module, spec) },
      handler: async (request, reply) => {
        // RouteContext's conditional types say which of these the handler sees; inside this generic function
        // TypeScript cannot follow them, so the object is handed over as what they describe
        const context: unknown = {
          actor: isPublic ? undefined : requireActor(request),
          params: params ? parseInput(params, request.params) : undefined,
          query: query ? parseInput(query, request.query) : undefined,
          body: body ? parseInput(body, spec.bodyOptional ? (request.body ?? {}) : request.body) : undefined,
          version: ifMatchVersion(request, spec.ifMatch),
          request,
          reply,
        };
        const answer = await handle(context as RouteContext<K, P, Q, B, M>);
        if (spec.status) reply.status(spec.status);
        if (spec.etag !== undefined) setVersionTag(reply, versionIn(answer, spec.etag));
        return answer;
      },
    });
  };
}

function declarationOf<P, Q, B, M, A>(
  key: RouteKey,
  module: ApiModule,
  spec: RouteSpec<P, Q, B, M, A>,
): RouteDeclaration {
  return {
    key,
    module,
    ...(spec.ifMatch ? { ifMatch: spec.ifMatch as IfMatch } : {}),
    ...(spec.status ? { status: spec.status } : {}),
    etag: spec.etag !== undefined,
    bodyOptional: spec.bodyOptional === true,
    upload: spec.upload === true,
    alsoAnswers: spec.alsoAnswers ?? [],
  };
}

function ifMatchVersion(request: FastifyRequest, ifMatch: IfMatch | undefined) {
  if (ifMatch === "required") return expectedVersion(request);
  if (ifMatch === "optional") return expectedVersionIfGiven(request);
  return undefined;
}

function versionIn(answer: unknown, field: PropertyKey): number {
  const value = (answer as Record<PropertyKey, unknown>)[field];
  return typeof value === "number" ? value : (value as { version: number }).version;
}
