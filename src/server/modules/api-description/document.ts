import swagger from "@fastify/swagger";
import type { FastifyInstance, FastifySchema, RouteOptions } from "fastify";
import { createJsonSchemaTransform } from "fastify-type-provider-zod";
import type { OpenAPIV3_1 } from "openapi-types";
import { ruleOf } from "../../../domain/access/route-table.js";
import { API_MODULES } from "../../platform/http/api-modules.js";
import type { AnswerStatus, RouteDeclaration } from "../../platform/http/route.js";
import { UPLOAD_CONTENT_TYPES } from "../../platform/uploads/limits.js";
import {
  accessExtension,
  accessText,
  ERROR_RESPONSES,
  type ErrorStatus,
  errorStatusesOf,
  ifMatchParameter,
  operationIdOf,
  securityOf,
  successResponse,
} from "./operations.js";

/**
 * The API description (OpenAPI 3.1), built by @fastify/swagger from the routes as they are registered: the input
 * schemas are the zod schemas each route parses its input with (`config.inputs`, converted by
 * fastify-type-provider-zod's transform), the rest comes from the route's declaration and the access table.
 * Requests are still validated by the routes themselves (parseInput): nothing here is handed to fastify as a route
 * `schema`, so fastify compiles no second validator. Built once, at the first request for it.
 */

/** The error answer every refusal shares (errors.ts): a code, a Japanese message, and fields on a 400. */
const errorSchema: OpenAPIV3_1.SchemaObject = {
  type: "object",
  required: ["error", "message"],
  properties: {
    error: { type: "string", description: "理由のコード（validation_failed、not_found、stale_version など）" },
    message: { type: "string", description: "利用者に示す日本語のメッセージ" },
    fields: {
      type: "array",
      description: "入力の誤り（400）: 項目ごとの理由",
      items: {
        type: "object",
        required: ["field", "message"],
        properties: {
          field: { type: "string", description: "項目の名前（入れ子は items.0.title のように . でつなぐ）" },
          message: { type: "string" },
        },
      },
    },
    details: { description: "補足（412 では currentVersion: 今の版）" },
  },
};

const zodToJson = createJsonSchemaTransform({ skipList: [] });

interface DescribedRoute {
  method: string;
  url: string;
  declared: RouteDeclaration;
  limited: boolean;
}

export async function registerApiDescription(app: FastifyInstance) {
  const described = new Map<string, DescribedRoute>();
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "tsunagu API",
        version: "1",
        description:
          "tsunagu の画面が使う API です。呼び出せる利用者は操作ごとに示します（x-tsunagu-access）。" +
          "ログインは POST /api/auth/login で、答えの csrfToken を、状態を変える要求の X-CSRF-Token ヘッダーで送ります。" +
          "答えの pendingSteps が空でないあいだ（パスワードの設定、二段階認証の登録または確認コードの入力）は、" +
          "その手続きの API のほかは 403（sign_in_incomplete）です。" +
          "誤りはすべて同じ形（Error）で返します。",
      },
      tags: Object.entries(API_MODULES).map(([name, description]) => ({ name, description })),
      components: {
        securitySchemes: {
          session: {
            type: "apiKey",
            in: "cookie",
            name: "__Host-tsunagu_session",
            description: "ログインで受け取るセッション Cookie（HTTP で試す設定では tsunagu_session）",
          },
          csrf: {
            type: "apiKey",
            in: "header",
            name: "X-CSRF-Token",
            description: "ログインの答えの csrfToken。POST・PUT・PATCH・DELETE で必要",
          },
        },
        schemas: { Error: errorSchema },
        responses: Object.fromEntries(
          Object.values(ERROR_RESPONSES).map(({ name, description }) => [
            name,
            { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          ]),
        ),
      },
    },
    transform: ({ schema, url, route, ...document }) => {
      const declared = route.config?.declared;
      if (!declared) return { schema: { hide: true }, url };
      const method = methodOf(declared);
      described.set(`${method} ${url}`, {
        method,
        url,
        declared,
        limited: route.config?.rateLimit !== undefined,
      });
      return zodToJson({ ...document, url, route, schema: { ...schema, ...operationSchema(route, declared) } });
    },
    transformObject: (document) => {
      if (!("openapiObject" in document)) return document.swaggerObject;
      finish(document.openapiObject as OpenApiDocument, described);
      return document.openapiObject;
    },
  });
}

/** The route's inputs (as zod, for the transform) and what the operation says besides them. */
function operationSchema(route: RouteOptions, declared: RouteDeclaration): FastifySchema {
  const rule = ruleOf(declared.key);
  const { params, query, body } = route.config?.inputs ?? {};
  return {
    ...(params && { params }),
    ...(query && { querystring: query }),
    ...(body && { body }),
    operationId: operationIdOf(declared.key),
    summary: rule?.label ?? declared.key,
    tags: [declared.module],
    description: rule ? accessText(rule) : "アクセス表にない操作です（だれにも開きません）",
    ...(rule && { security: securityOf(methodOf(declared), rule), "x-tsunagu-access": accessExtension(rule) }),
  } as FastifySchema;
}

/** The parts of the built document `finish` completes (the swagger plugin's own types mix 3.0 and 3.1). */
interface Operation {
  parameters?: object[];
  requestBody?: { required?: boolean; content?: object };
  responses?: Record<string, object>;
}
type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };

/** What the swagger plugin cannot be told per route: the answers, If-Match and an optional or uploaded body. */
function finish(document: OpenApiDocument, described: Map<string, DescribedRoute>): void {
  for (const { method, url, declared, limited } of described.values()) {
    const path = url.replace(/:(\w+)/g, "{$1}");
    const operation = document.paths[path]?.[method.toLowerCase()];
    if (!operation) continue;
    const rule = ruleOf(declared.key);
    const successes: AnswerStatus[] = [declared.status ?? 200, ...declared.alsoAnswers.filter((s) => s < 300)];
    const errors = rule ? errorStatusesOf(method, rule, declared, limited) : [404 as const];
    operation.responses = {
      ...Object.fromEntries(successes.map((status) => [status, successResponse(declared, status)])),
      ...Object.fromEntries(errors.map((status: ErrorStatus) => [status, errorRef(status)])),
    };
    const ifMatch = ifMatchParameter(declared);
    if (ifMatch) operation.parameters = [...(operation.parameters ?? []), ifMatch];
    if (declared.bodyOptional && operation.requestBody) operation.requestBody.required = false;
    if (declared.upload) operation.requestBody = uploadBody;
  }
}

const uploadBody = {
  required: true,
  description:
    "ファイルの内容そのもの（xlsx、または PDF から書き出したテキスト）。ファイル名は X-File-Name（URL エンコード）",
  content: Object.fromEntries(
    UPLOAD_CONTENT_TYPES.map((type) => [type, { schema: { type: "string", contentMediaType: type } }]),
  ),
};

const methodOf = (declared: RouteDeclaration) => declared.key.split(" ")[0] as string;

const errorRef = (status: ErrorStatus) => ({ $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` });
