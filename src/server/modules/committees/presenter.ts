import {
  COMMITTEE_KIND_LABELS,
  type CommitteeKind,
  OPINION_STATUS_LABELS,
  type OpinionStatus,
  RESPONSE_STATUS_LABELS,
  type ResponseStatus,
} from "../../../domain/labels/committees.js";
import type { CommitteeRow, MemberRow, OpinionRow } from "./repository.js";

export function presentMember(m: MemberRow, today: string) {
  return {
    userId: m.userId,
    displayName: m.displayName,
    loginId: m.loginId,
    termFrom: m.termFrom,
    termTo: m.termTo,
    inTerm: m.termFrom <= today && (m.termTo === null || today <= m.termTo),
  };
}

/** A committee; its members only for the plan office, which keeps them. */
export function presentCommittee(c: CommitteeRow, members: MemberRow[] | null, today: string) {
  return {
    id: c.id,
    planId: c.planId,
    kind: c.kind as CommitteeKind,
    kindLabel: COMMITTEE_KIND_LABELS[c.kind as CommitteeKind] ?? c.kind,
    name: c.name,
    marks: c.marks,
    version: c.version,
    members: members?.filter((m) => m.committeeId === c.id).map((m) => presentMember(m, today)) ?? null,
  };
}
export type CommitteeView = ReturnType<typeof presentCommittee>;

/** An opinion with its answer; names of the writer and the answerer resolved by the caller. */
export function presentOpinion(
  o: OpinionRow,
  names: Map<string, string>,
  item: { code: string | null; title: string } | null,
) {
  return {
    id: o.id,
    committeeId: o.committeeId,
    fiscalYear: o.fiscalYear,
    itemId: o.itemId,
    itemCode: item?.code ?? null,
    itemTitle: item?.title ?? null,
    authorId: o.authorId,
    authorName: names.get(o.authorId) ?? "",
    body: o.body,
    status: o.status as OpinionStatus,
    statusLabel: OPINION_STATUS_LABELS[o.status as OpinionStatus] ?? o.status,
    submittedAt: o.submittedAt,
    response: o.response,
    responseStatus: o.responseStatus as ResponseStatus | null,
    responseStatusLabel: o.responseStatus
      ? (RESPONSE_STATUS_LABELS[o.responseStatus as ResponseStatus] ?? o.responseStatus)
      : null,
    respondedByName: o.respondedBy ? (names.get(o.respondedBy) ?? "") : null,
    respondedAt: o.respondedAt,
    version: o.version,
  };
}
export type OpinionView = ReturnType<typeof presentOpinion>;

/** The names an opinion list shows: its writers and answerers. */
export const peopleOf = (opinions: OpinionRow[]) =>
  opinions.flatMap((o) => [o.authorId, ...(o.respondedBy ? [o.respondedBy] : [])]);
