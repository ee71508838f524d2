import type { MeetingAccess, MeetingLegalBasis } from "../../../domain/labels/meetings.js";
import type { Db, Executor } from "../../db/client.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { notFound } from "../../platform/errors.js";
import { recordDenial, withVisible } from "../../platform/need-to-know.js";
import { policies } from "../../platform/policies.js";
import * as repo from "./repository.js";

export interface VisibleMeeting {
  m: repo.MeetingRow;
  kind: repo.MeetingKindRow;
  legalBasis: MeetingLegalBasis;
  access: MeetingAccess;
  /** the caller's own row on the roster (current), if any */
  own: repo.MemberRow | null;
}

export const meetingNotFound = () => notFound("会議");

/**
 * Need-to-know on a meeting, decided on every request against the roster as it is now (leaving counts at once).
 * Hidden: a "denied" audit record is written and null returned (the caller commits and answers 404). `content`: the
 * request reads or changes what the meeting is about, so a 支援会議 member who has not pledged is refused like an
 * outsider.
 */
export async function loadMeeting(
  tx: Executor,
  actor: RequestActor,
  meetingId: string,
  action: string,
  opts: { lock?: boolean; content?: boolean } = {},
): Promise<VisibleMeeting | null> {
  const m = await repo.findMeeting(tx, actor.municipalityId, meetingId, opts.lock);
  const kind = m ? await repo.findKind(tx, actor.municipalityId, m.kindId) : null;
  const own = m ? await repo.ownMembership(tx, actor.municipalityId, m.id, actor.userId) : null;
  const legalBasis = kind?.legalBasis as MeetingLegalBasis;
  const access = m && kind ? policies.meetingAccess(actor, m, legalBasis, own) : null;
  if (!m || !kind || !access || (opts.content && !policies.seesMeetingContent(access))) {
    await recordDenial(tx, actor, { entityType: "meeting", entityId: meetingId }, action);
    return null;
  }
  return { m, kind, legalBasis, access, own: own && !own.leftAt ? own : null };
}

/** Runs `work` on a visible meeting in one transaction; a hidden meeting commits its denial and answers 404. */
export function withMeeting<T>(
  db: Db,
  actor: RequestActor,
  meetingId: string,
  action: string,
  work: (tx: Executor, visible: VisibleMeeting) => Promise<T>,
  opts: { lock?: boolean; content?: boolean } = {},
): Promise<T> {
  return withVisible(db, (tx) => loadMeeting(tx, actor, meetingId, action, opts), work, meetingNotFound);
}
