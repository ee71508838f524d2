import type { Executor } from "../../db/client.js";
import { insertNoticeMail } from "./repository.js";

export interface NoticeMailRequest {
  municipalityId: string;
  /** the account the notice is for: the mail goes to its address, if it has one */
  userId: string;
  noticeId: string;
  /** the notice's kind, said in general words in the mail (labels/mail.ts) */
  kind: string;
}

const queuedListeners = new Set<() => void>();

/** Told after every notice mail queued (before its transaction commits): the drain looks again shortly after. */
export function onNoticeMailQueued(listener: () => void): () => void {
  queuedListeners.add(listener);
  return () => queuedListeners.delete(listener);
}

/**
 * Queues the mail that tells a user a notice waits, in the caller's transaction: an outbox row (notice_mails), so a
 * rolled-back event sends nothing and a committed one is never lost, whichever database runs and whether the job
 * runner is up yet. Queuing the same notice for the same user again does nothing (the delivery key). Whether the
 * mail is sent at all (SMTP configured and on, the user has an address) is decided when it is delivered, and
 * recorded there. Returns the outbox row's id, or null when it was queued before.
 */
export async function enqueueNoticeMail(tx: Executor, request: NoticeMailRequest): Promise<string | null> {
  const id = await insertNoticeMail(tx, request);
  if (id) for (const listener of queuedListeners) listener();
  return id;
}
