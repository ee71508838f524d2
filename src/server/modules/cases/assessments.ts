import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { notFound, staleVersion } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { agencyMap } from "../agencies/service.js";
import { sharedBy, withCase } from "./access.js";
import { presentAssessment, presentAssessmentVersion } from "./presenter.js";
import { entriesBasis } from "./records.js";
import * as repo from "./repository.js";
import type { SaveAssessmentInput } from "./schema.js";

/** Assessments are shared with the whole team, so they follow the consent rule of team records. */
const asEntry = (a: { agencyId: string }) => ({ agencyId: a.agencyId, visibility: "team" });

/**
 * The versions of the case's assessment the caller may see (newest first) and the latest version number of the
 * case (what a new save must name in If-Match, 0 before the first).
 */
export async function listAssessments(db: Db, actor: RequestActor, caseId: string) {
  return withCase(
    db,
    actor,
    caseId,
    "assessments",
    async (tx, access) => {
      const all = await repo.listAssessmentVersions(tx, actor.municipalityId, caseId);
      const visible = all.filter((v) => policies.canSeeCaseEntry(actor, access.basis, asEntry(v), sharedBy(access)));
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "read",
        entityType: "case_assessments",
        entityId: caseId,
        basis: entriesBasis(access),
        after: { versions: visible.map((v) => v.version) },
      });
      const agencies = await agencyMap(tx, actor.municipalityId);
      return {
        latestVersion: all[0]?.version ?? 0,
        versions: visible.map((v) => presentAssessmentVersion(v, agencies)),
      };
    },
    { personal: true },
  );
}

export async function getAssessment(db: Db, actor: RequestActor, caseId: string, version: number) {
  return withCase(
    db,
    actor,
    caseId,
    "assessment",
    async (tx, access) => {
      const row = await repo.findAssessment(tx, actor.municipalityId, caseId, version);
      if (!row || !policies.canSeeCaseEntry(actor, access.basis, asEntry(row), sharedBy(access))) {
        if (row) {
          await recordAudit(tx, {
            ...actorOf(actor),
            action: "denied",
            entityType: "case_assessment",
            entityId: caseId,
            basis: `${entriesBasis(access)};version:${version}`,
          });
        }
        return null;
      }
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "read",
        entityType: "case_assessment",
        entityId: caseId,
        basis: `${entriesBasis(access)};version:${version}`,
      });
      return presentAssessment(row, await agencyMap(tx, actor.municipalityId));
    },
    { personal: true },
  ).then((a) => {
    if (!a) throw notFound("アセスメント");
    return a;
  });
}

/** Saves a new version (never overwrites). `expected` is the latest version the writer saw (0 for the first). */
export async function saveAssessment(
  db: Db,
  actor: RequestActor,
  caseId: string,
  expected: number,
  input: SaveAssessmentInput,
) {
  return withCase(
    db,
    actor,
    caseId,
    "assessment_save",
    async (tx, { disclosure }) => {
      const [latest] = await repo.listAssessmentVersions(tx, actor.municipalityId, caseId);
      const current = latest?.version ?? 0;
      if (current !== expected) throw staleVersion(current);
      const row = await repo.insertAssessment(tx, {
        municipalityId: actor.municipalityId,
        caseId,
        version: current + 1,
        agencyId: actor.agencyId as string,
        sections: input.sections,
        note: input.note,
        createdBy: actor.userId,
      });
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "create",
        entityType: "case_assessment",
        entityId: caseId,
        basis: disclosure as string,
        after: { version: row.version, note: row.note },
      });
      return presentAssessment(row, await agencyMap(tx, actor.municipalityId));
    },
    { lock: true, personal: true },
  );
}
