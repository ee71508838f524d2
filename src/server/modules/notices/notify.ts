/**
 * Writing notices, in the transaction of the event that causes them. Fan-out never exceeds access: the recipients
 * are the accounts the event concerns (a department's editors, an agency's staff) that could open the subject under
 * its record rule (subjects.ts); nobody on the other side, nobody else.
 */
import type { Role } from "../../../domain/access/principals.js";
import type { NoticeKind, NoticeSubject } from "../../../domain/labels/notices.js";
import type { Executor } from "../../db/client.js";
import { enqueueNoticeMail } from "../mail/notice-mail.js";
import * as repo from "./repository.js";
import { canOpen, type LoadedSubject } from "./subjects.js";

export interface NoticeDraft {
  kind: NoticeKind;
  subjectType: NoticeSubject;
  subjectId: string;
  /** what makes it a new notice about the same subject (the event's version, the deadline's day…) */
  occasion: string;
  /** what the notice quotes (受付番号, 年度): never a person's data */
  reference: string | null;
}

/**
 * The one place a notice is born: each new one queues its mail in the same transaction (sent only where the
 * municipality has mail on and the recipient an address; decided and recorded at delivery).
 */
export async function onNoticeCreated(tx: Executor, created: repo.NoticeRow[]): Promise<void> {
  for (const n of created)
    await enqueueNoticeMail(tx, {
      municipalityId: n.municipalityId,
      userId: n.recipientId,
      noticeId: n.id,
      kind: n.kind,
    });
}

/** Writes the notice to each recipient who could open its subject; a notice written before is not written again. */
export async function notify(
  tx: Executor,
  municipalityId: string,
  draft: NoticeDraft,
  subject: LoadedSubject,
  people: repo.Candidate[],
): Promise<repo.NoticeRow[]> {
  const recipients = [...new Set(people.filter((p) => canOpen(p, subject)).map((p) => p.userId))];
  const created = await repo.insertNotices(
    tx,
    recipients.map((recipientId) => ({ municipalityId, recipientId, ...draft })),
  );
  await onNoticeCreated(tx, created);
  return created;
}

/** A department's editors: the people a sheet's notices go to (the plan office made the change). */
export function departmentEditors(tx: Executor, municipalityId: string, departmentIds: string[]) {
  if (departmentIds.length === 0) return Promise.resolve([]);
  return repo.candidates(tx, municipalityId, { roles: ["department_editor"], departmentIds });
}

/** The plan office's accounts (not the system administrator: it administers, it does not review sheets). */
export function planOffice(tx: Executor, municipalityId: string) {
  return repo.candidates(tx, municipalityId, { roles: ["plan_office"] });
}

/** The staff of one agency, or of the 多機関協働 coordinators when the referral went to them (agencyId null). */
export async function agencyPeople(
  tx: Executor,
  municipalityId: string,
  agencyId: string | null,
  roles: Role[] = ["support_staff"],
) {
  if (agencyId) return repo.candidates(tx, municipalityId, { roles, agencyIds: [agencyId] });
  const staff = await repo.candidates(tx, municipalityId, { roles: ["support_staff"] });
  return staff.filter((s) => s.isCoordinator);
}

/** 受付番号 as the screens quote a referral (its id's first characters): no person in it. */
export const referralReference = (referralId: string) => `受付番号 #${referralId.slice(0, 8)}`;
