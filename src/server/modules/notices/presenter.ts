/** A notice as the screens show it: what happened (the kind's words), the reference it quotes, and where to go. */
import { NOTICE_KIND_LABELS, type NoticeKind } from "../../../domain/labels/notices.js";
import type { NoticeRow } from "./repository.js";
import { type LoadedSubject, noticeLink } from "./subjects.js";

export function presentNotice(row: NoticeRow, subject: LoadedSubject) {
  const title = NOTICE_KIND_LABELS[row.kind as NoticeKind] ?? row.kind;
  return {
    id: row.id,
    kind: row.kind,
    title,
    /** e.g. 「つなぐシートが届きました（受付番号 #1a2b3c4d）」: never a person's name */
    text: row.reference ? `${title}（${row.reference}）` : title,
    reference: row.reference,
    link: noticeLink(row, subject),
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
export type NoticeDto = ReturnType<typeof presentNotice>;
