import { DEFAULT_MEETING_KINDS, MEETING_LEGAL_BASIS_LABELS } from "../../../domain/labels/meetings.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as repo from "./repository.js";
import type {
  CreateDistrictInput,
  CreateMeetingKindInput,
  MeetingLegalBasis,
  UpdateDistrictInput,
  UpdateMeetingKindInput,
} from "./schema.js";

/**
 * The municipality's kinds of meeting and its 地区. Every municipality has the two kinds the law names (支援会議 →
 * art. 106-6, 重層的支援会議 → consent) from its first use of meetings on; it renames them to its own words (a
 * 支援会議 called 包括的支援会議) and adds more, each mapped to one legal basis. A kind's basis never changes: the
 * meetings held under it were run (and their agenda checked) on it; a different basis is a new kind.
 */

/** The kinds of the municipality, the defaults created on first use. */
export async function ensureKinds(tx: Executor, municipalityId: string) {
  const rows = await repo.listKinds(tx, municipalityId);
  if (rows.length) return rows;
  await repo.insertMissingKinds(
    tx,
    DEFAULT_MEETING_KINDS.map((k, position) => ({ municipalityId, ...k, position })),
  );
  return repo.listKinds(tx, municipalityId);
}

export function presentKind(k: repo.MeetingKindRow) {
  const legalBasis = k.legalBasis as MeetingLegalBasis;
  return {
    id: k.id,
    name: k.name,
    legalBasis,
    legalBasisLabel: MEETING_LEGAL_BASIS_LABELS[legalBasis],
    active: k.active,
    position: k.position,
    version: k.version,
  };
}

export function presentDistrict(d: repo.DistrictRow) {
  return { id: d.id, name: d.name, active: d.active, position: d.position, version: d.version };
}

export async function listKinds(db: Db, actor: AuthContext) {
  policies.readMeetingSettings(actor);
  return db.transaction(async (tx) => ({ kinds: (await ensureKinds(tx, actor.municipalityId)).map(presentKind) }));
}

const nameTaken = (what: string, name: string) =>
  new ValidationError([{ field: "name", message: `${what}「${name}」は既にあります` }]);

export async function createKind(db: Db, actor: RequestActor, input: CreateMeetingKindInput) {
  policies.manageMeetingKinds(actor);
  return db.transaction(async (tx) => {
    await ensureKinds(tx, actor.municipalityId);
    if (await repo.findKindByName(tx, actor.municipalityId, input.name)) throw nameTaken("会議の種類", input.name);
    const row = await repo.insertKind(tx, {
      municipalityId: actor.municipalityId,
      ...input,
      position: await repo.nextKindPosition(tx, actor.municipalityId),
    });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "create",
      entityType: "meeting_kind",
      entityId: row.id,
      after: presentKind(row),
    });
    return presentKind(row);
  });
}

export async function updateKind(
  db: Db,
  actor: RequestActor,
  kindId: string,
  version: number,
  input: UpdateMeetingKindInput,
) {
  policies.manageMeetingKinds(actor);
  return db.transaction(async (tx) => {
    await ensureKinds(tx, actor.municipalityId);
    const before = await repo.findKind(tx, actor.municipalityId, kindId);
    if (!before) throw notFound("会議の種類");
    if (before.version !== version) throw staleVersion(before.version);
    if (input.name && input.name !== before.name && (await repo.findKindByName(tx, actor.municipalityId, input.name)))
      throw nameTaken("会議の種類", input.name);
    const row = await repo.updateKind(tx, actor.municipalityId, kindId, version, input);
    if (!row) throw staleVersion(before.version);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update",
      entityType: "meeting_kind",
      entityId: row.id,
      before: presentKind(before),
      after: presentKind(row),
    });
    return presentKind(row);
  });
}

export async function listDistricts(db: Db, actor: AuthContext) {
  policies.readDistricts(actor);
  return { districts: (await repo.listDistricts(db, actor.municipalityId)).map(presentDistrict) };
}

export async function createDistrict(db: Db, actor: RequestActor, input: CreateDistrictInput) {
  policies.manageDistricts(actor);
  return db.transaction(async (tx) => {
    if (await repo.findDistrictByName(tx, actor.municipalityId, input.name)) throw nameTaken("地区", input.name);
    const row = await repo.insertDistrict(tx, {
      municipalityId: actor.municipalityId,
      name: input.name,
      position: await repo.nextDistrictPosition(tx, actor.municipalityId),
    });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "create",
      entityType: "district",
      entityId: row.id,
      after: presentDistrict(row),
    });
    return presentDistrict(row);
  });
}

export async function updateDistrict(
  db: Db,
  actor: RequestActor,
  districtId: string,
  version: number,
  input: UpdateDistrictInput,
) {
  policies.manageDistricts(actor);
  return db.transaction(async (tx) => {
    const before = await repo.findDistrict(tx, actor.municipalityId, districtId);
    if (!before) throw notFound("地区");
    if (before.version !== version) throw staleVersion(before.version);
    if (
      input.name &&
      input.name !== before.name &&
      (await repo.findDistrictByName(tx, actor.municipalityId, input.name))
    )
      throw nameTaken("地区", input.name);
    const row = await repo.updateDistrict(tx, actor.municipalityId, districtId, version, input);
    if (!row) throw staleVersion(before.version);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update",
      entityType: "district",
      entityId: row.id,
      before: presentDistrict(before),
      after: presentDistrict(row),
    });
    return presentDistrict(row);
  });
}
