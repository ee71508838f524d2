import type { FastifyInstance, FastifyRequest } from "fastify";
import { isZip } from "../../../domain/decode-text.js";
import type { Db } from "../../db/client.js";
import { AppError } from "../../platform/errors.js";
import { routesFor } from "../../platform/http/route.js";
import { policies } from "../../platform/policies.js";
import { refuseOversizedUpload } from "../../platform/uploads/check-upload.js";
import { DEPARTMENT_DECISIONS_HEADER, departmentDecisionsOf } from "./schema.js";
import { commitImport, previewImport } from "./service.js";

/** The upload is the raw request body; its name comes URL-encoded in X-File-Name. */
function upload(request: FastifyRequest) {
  const body = request.body ?? Buffer.alloc(0); // an empty upload arrives as no body at all
  if (!Buffer.isBuffer(body)) {
    throw new AppError(400, "no_file", "ファイルを選んでください（本文にファイルの内容をそのまま送ってください）");
  }
  const header = request.headers["x-file-name"];
  let fileName: string | null = null;
  if (typeof header === "string") {
    try {
      fileName = decodeURIComponent(header).slice(0, 255);
    } catch {
      fileName = null;
    }
  }
  return { bytes: new Uint8Array(body), fileName };
}

/** The caller's own evaluation workbook coming back (an xlsx) rather than a document to import. */
const isWorkbook = (body: unknown) => body instanceof Uint8Array && isZip(body);

export function importRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "imports");

  route("POST /api/imports/preview", { upload: true, onRequest: refuseOversizedUpload }, async ({ actor, request }) => {
    policies.uploadDocument(actor, { isWorkbook: isWorkbook(request.body) });
    const { bytes } = upload(request);
    return previewImport(db, actor, bytes);
  });

  route(
    "POST /api/imports",
    { upload: true, alsoAnswers: [201], onRequest: refuseOversizedUpload },
    async ({ actor, request, reply }) => {
      policies.uploadDocument(actor, { isWorkbook: isWorkbook(request.body) });
      const { bytes, fileName } = upload(request);
      const departments = departmentDecisionsOf(request.headers[DEPARTMENT_DECISIONS_HEADER]);
      const result = await commitImport(db, actor, bytes, fileName, { departments });
      reply.status(result.created ? 201 : 200);
      return result;
    },
  );
}
