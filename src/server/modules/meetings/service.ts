import { todayInJapan } from "../../../domain/japanese-date.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as agenciesRepo from "../agencies/repository.js";
import { agencyMap } from "../agencies/service.js";
import { withMeeting } from "./access.js";
import { presentMeetingSummary } from "./presenter.js";
import { readMeeting } from "./read.js";
import * as repo from "./repository.js";
import type { CreateMeetingInput, ListMeetingsQuery, SaveMinutesInput, UpdateMeetingInput } from "./schema.js";
import { ensureKinds } from "./settings.js";

/**
 * Meetings: convened by the 多機関協働 coordinators (both kinds; the secretariat agency is recorded), read by the
 * coordinators, the secretariat's staff and the current members (policies.meetingAccess). Changes to the meeting's
 * details and minutes need If-Match; every change and every read is an audit record in its transaction.
 */

/** The first and last day of a month (YYYY-MM). */
export function monthRange(month: string) {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

export async function listMeetings(db: Db, actor: AuthContext, query: ListMeetingsQuery) {
  policies.listMeetings(actor);
  const scope = actor.isCoordinator ? undefined : { agencyId: actor.agencyId as string, userId: actor.userId };
  return db.transaction(async (tx) => {
    await ensureKinds(tx, actor.municipalityId);
    const rows = await repo.listMeetings(tx, actor.municipalityId, {
      ...(query.month ? monthRange(query.month) : {}),
      districtId: query.districtId,
      kindId: query.kindId,
      scope,
    });
    const agencies = await agencyMap(tx, actor.municipalityId);
    const districtNames = new Map(
      (await repo.listDistricts(tx, actor.municipalityId)).map((d) => [d.id, d.name] as const),
    );
    return { meetings: rows.map((r) => presentMeetingSummary(r, agencies, districtNames)) };
  });
}

/** The references a meeting's details make: an active kind, an active 地区, a public agency as secretariat. */
async function checkDetails(
  tx: Executor,
  actor: AuthContext,
  input: { kindId?: string; districtId?: string | null; secretariatAgencyId?: string },
) {
  if (input.kindId) {
    await ensureKinds(tx, actor.municipalityId);
    const kind = await repo.findKind(tx, actor.municipalityId, input.kindId);
    if (!kind?.active)
      throw new ValidationError([{ field: "kindId", message: "会議の種類が見つかりません（使われていない種類です）" }]);
  }
  if (input.districtId) {
    const district = await repo.findDistrict(tx, actor.municipalityId, input.districtId);
    if (!district?.active)
      throw new ValidationError([{ field: "districtId", message: "地区が見つかりません（使われていない地区です）" }]);
  }
  if (input.secretariatAgencyId) {
    const agency = await agenciesRepo.findAgency(tx, actor.municipalityId, input.secretariatAgencyId);
    if (!agency || agency.kind === "provider")
      throw new ValidationError([
        { field: "secretariatAgencyId", message: "事務局は支援機関から選んでください（登録事業者は選べません）" },
      ]);
  }
}

export async function createMeeting(db: Db, actor: RequestActor, input: CreateMeetingInput) {
  policies.conveneMeetings(actor);
  const id = await db.transaction(async (tx) => {
    await checkDetails(tx, actor, input);
    const row = await repo.insertMeeting(tx, {
      municipalityId: actor.municipalityId,
      ...input,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "create",
      entityType: "meeting",
      entityId: row.id,
      basis: "meeting:coordinator",
      after: input,
    });
    return row.id;
  });
  return getMeeting(db, actor, id);
}

export function getMeeting(db: Db, actor: RequestActor, meetingId: string) {
  return withMeeting(db, actor, meetingId, "read", (tx, v) => readMeeting(tx, actor, v));
}

export function updateMeeting(
  db: Db,
  actor: RequestActor,
  meetingId: string,
  version: number,
  input: UpdateMeetingInput,
) {
  return withMeeting(
    db,
    actor,
    meetingId,
    "meeting_update",
    async (tx, v) => {
      policies.manageMeeting(v.access);
      if (v.m.version !== version) throw staleVersion(v.m.version);
      await checkDetails(tx, actor, input);
      const row = await repo.updateMeeting(tx, actor.municipalityId, meetingId, version, input);
      if (!row) throw staleVersion(v.m.version);
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "update",
        entityType: "meeting",
        entityId: meetingId,
        basis: `meeting:${v.access}`,
        before: { heldOn: v.m.heldOn, startsAt: v.m.startsAt, districtId: v.m.districtId, title: v.m.title },
        after: input,
      });
      return readMeeting(tx, actor, { ...v, m: row });
    },
    { lock: true, content: true },
  );
}

/** 会議録: saved whole, at the version read (two people writing the minutes do not overwrite each other). */
export function saveMinutes(db: Db, actor: RequestActor, meetingId: string, version: number, input: SaveMinutesInput) {
  return withMeeting(
    db,
    actor,
    meetingId,
    "minutes",
    async (tx, v) => {
      policies.manageMeeting(v.access);
      if (v.m.version !== version) throw staleVersion(v.m.version);
      if (input.minutes && v.m.heldOn > todayInJapan())
        throw new ValidationError([{ field: "minutes", message: "会議録は開催日の後に記録してください" }]);
      const row = await repo.updateMeeting(tx, actor.municipalityId, meetingId, version, { minutes: input.minutes });
      if (!row) throw staleVersion(v.m.version);
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "minutes",
        entityType: "meeting",
        entityId: meetingId,
        basis: `meeting:${v.access}`,
        after: { length: input.minutes?.length ?? 0 },
      });
      return readMeeting(tx, actor, { ...v, m: row });
    },
    { lock: true, content: true },
  );
}
