import type { Db } from "../../db/client.js";
import type { Jobs } from "../../platform/jobs/jobs.js";
import { type DeliveryPolicy, drainNoticeMails } from "./delivery.js";
import { onNoticeMailQueued } from "./notice-mail.js";
import { nextDueAt } from "./repository.js";
import type { MailContext } from "./settings-service.js";

export const DRAIN_QUEUE = "notice-mail.drain";

/**
 * The delivery of notice mail on the job table: a drain job at start (what a stopped app left), shortly after a
 * mail is queued, when the earliest retry falls due, and every minute as a safety net. Returns what stops listening.
 */
export async function startNoticeMail(jobs: Jobs, db: Db, mail: MailContext, policy: DeliveryPolicy) {
  await jobs.work(DRAIN_QUEUE, async () => {
    await drainNoticeMails(db, mail, policy);
    const due = await nextDueAt(db);
    if (due) await jobs.enqueue(DRAIN_QUEUE, {}, { startAfter: due });
  });
  await jobs.schedule(DRAIN_QUEUE, "* * * * *");
  await jobs.enqueue(DRAIN_QUEUE);
  // the queuing transaction has not committed when we are told: a drain a moment later finds the row (or the
  // next one, a minute later, if that transaction took longer)
  let timer: NodeJS.Timeout | undefined;
  const stopListening = onNoticeMailQueued(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      void jobs.enqueue(DRAIN_QUEUE).catch(() => undefined);
    }, 200);
  });
  return () => {
    stopListening();
    if (timer) clearTimeout(timer);
  };
}
