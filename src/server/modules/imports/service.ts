import { createHash } from "node:crypto";
import { decodeText, isZip } from "../../../domain/decode-text.js";
import { fiscalYearOf } from "../../../domain/fiscal-year.js";
import {
  isEvaluationDocument,
  parseEvaluationDocument,
} from "../../../domain/import-evaluation/parse-evaluation-document.js";
import type { Db } from "../../db/client.js";
import { type Actor, actorOf, recordAudit } from "../../platform/audit.js";
import { AppError } from "../../platform/errors.js";
import { importEvaluationWorkbook } from "../exports/apply-evaluation-workbook.js";
import { commitEvaluationDocument } from "./commit-evaluation-document.js";
import { evaluationReport } from "./evaluation-report.js";
import * as repo from "./repository.js";

const badFile = (message: string) => new AppError(400, "unreadable_file", message);

/** Reads the upload into a parsed document, or refuses it with a Japanese message before anything is written. */
function readEvaluationDocument(bytes: Uint8Array) {
  if (isZip(bytes)) {
    throw badFile("Excelファイル（.xlsx）は、評価表の一括更新（書き出したファイルの取込）で読み込んでください。");
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw badFile(decoded.message);
  if (!isEvaluationDocument(decoded.text)) {
    throw badFile(
      "評価総括表と評価表の文書として読み取れませんでした。「事業別評価総括表」と「事業別評価表」を含むテキストを選んでください。",
    );
  }
  const doc = parseEvaluationDocument(decoded.text);
  // The same document in another encoding or with other line endings is the same document.
  const sha256 = createHash("sha256")
    .update(decoded.text.replace(/^\uFEFF/, ""))
    .digest("hex");
  return { doc, sha256, report: evaluationReport(doc, decoded.encoding) };
}

export async function previewImport(db: Db, actor: Actor, bytes: Uint8Array) {
  if (isZip(bytes)) return importEvaluationWorkbook(db, actor, null, bytes, { dryRun: true }); // our own xlsx
  const { sha256, report } = readEvaluationDocument(bytes);
  const existing = await repo.findImportBySha(db, actor.municipalityId, "evaluation", sha256);
  return { report: { ...report, alreadyImported: !!existing }, planId: existing?.planId ?? null };
}

/**
 * One transaction: the plan, its items, departments, sheets, the import record and the audit trail land
 * together or not at all. A document imported before (same text) returns the earlier plan and writes nothing.
 */
export async function commitImport(
  db: Db,
  actor: Actor,
  ip: string | null,
  bytes: Uint8Array,
  fileName: string | null,
  opts: { dryRun?: boolean } = {},
) {
  if (isZip(bytes)) return importEvaluationWorkbook(db, actor, ip, bytes, { dryRun: opts.dryRun, fileName }); // our own xlsx
  const { doc, sha256, report } = readEvaluationDocument(bytes);
  if (opts.dryRun) return previewImport(db, actor, bytes).then((p) => ({ ...p, created: false }));
  return db.transaction(async (tx) => {
    const existing = await repo.findImportBySha(tx, actor.municipalityId, "evaluation", sha256);
    if (existing) return { report: { ...report, alreadyImported: true }, planId: existing.planId, created: false };
    const result = await commitEvaluationDocument(tx, actor, ip, doc, fiscalYearOf(new Date()) - 1);
    const row = await repo.insertImport(tx, {
      municipalityId: actor.municipalityId,
      kind: "evaluation",
      sha256,
      fileName,
      planId: result.planId,
      report,
      importedBy: actor.userId,
    });
    await recordAudit(tx, {
      ...actorOf(actor, ip),
      action: "import",
      entityType: "import",
      entityId: row.id,
      after: { fileName, sha256, planId: result.planId, items: report.items, warnings: report.warnings.length },
    });
    return { report: { ...report, alreadyImported: false }, planId: result.planId, created: true };
  });
}
