import { EXPERT_ROLE_LABELS, type ExpertRole, MEETING_ACCESS_LABELS } from "../../../domain/labels/meetings.js";
import { type AgencyMap, agencyRef, agencyRefOrNull } from "../agencies/presenter.js";
import type { VisibleMeeting } from "./access.js";
import type * as repo from "./repository.js";
import { presentKind } from "./settings.js";

/** A meeting as a list row: what it is, when, where and who runs it, with counts (never a member's or person's name). */
export function presentMeetingSummary(
  row: {
    meeting: repo.MeetingRow;
    kind: repo.MeetingKindRow;
    members: number;
    pledged: number;
    subjects: number;
    decisions: number;
  },
  agencies: AgencyMap,
  districtNames: Map<string, string>,
) {
  const { meeting: m } = row;
  return {
    id: m.id,
    title: m.title,
    kind: presentKind(row.kind),
    heldOn: m.heldOn,
    startsAt: m.startsAt,
    district: m.districtId ? { id: m.districtId, name: districtNames.get(m.districtId) ?? "" } : null,
    secretariat: agencyRef(agencies, m.secretariatAgencyId),
    counts: { members: row.members, pledged: row.pledged, subjects: row.subjects, decisions: row.decisions },
  };
}

export interface MemberShown {
  row: repo.MemberRow;
  /** the staff account's display name (outside experts carry their own) */
  displayName: string | null;
}

export function presentMember({ row: r, displayName }: MemberShown, agencies: AgencyMap) {
  const expertRole = r.expertRole as ExpertRole | null;
  return {
    id: r.id,
    kind: r.userId ? ("staff" as const) : ("expert" as const),
    userId: r.userId,
    name: r.userId ? (displayName ?? "（不明な職員）") : (r.expertName ?? ""),
    agency: agencyRefOrNull(agencies, r.agencyId),
    affiliation: r.userId ? (agencyRefOrNull(agencies, r.agencyId)?.name ?? null) : r.expertAffiliation,
    expertRole,
    expertRoleLabel: expertRole ? EXPERT_ROLE_LABELS[expertRole] : null,
    pledgedOn: r.pledgedOn,
    addedAt: r.addedAt,
    leftAt: r.leftAt,
  };
}

export interface SubjectShown {
  row: repo.SubjectRow;
  /** the person as the caller may see them; null: hidden (a consent withdrawn since) */
  person: { id: string; nameKanji: string | null; nameKana: string } | null;
}

export function presentSubject({ row: s, person }: SubjectShown) {
  return {
    id: s.id,
    caseId: s.caseId,
    /** the つなぐシート the item was taken from (its members read it through the meeting) */
    referralId: s.referralId,
    person,
    hidden: person === null,
    addedAt: s.addedAt,
    removedAt: s.removedAt,
  };
}

export function presentDecision(d: repo.DecisionRow) {
  return { id: d.id, subjectId: d.subjectId, text: d.text, createdAt: d.createdAt };
}

/**
 * A meeting as its page shows it. `content` null: the caller is a 支援会議 member who has not pledged yet, and sees
 * that the meeting exists and that a pledge is asked of them, nothing of its roster, agenda, decisions or minutes.
 */
export function presentMeeting(
  v: VisibleMeeting,
  agencies: AgencyMap,
  district: repo.DistrictRow | null,
  content: { members: MemberShown[]; subjects: SubjectShown[]; decisions: repo.DecisionRow[] } | null,
) {
  const { m } = v;
  return {
    id: m.id,
    version: m.version,
    title: m.title,
    kind: presentKind(v.kind),
    heldOn: m.heldOn,
    startsAt: m.startsAt,
    district: district ? { id: district.id, name: district.name } : null,
    secretariat: agencyRef(agencies, m.secretariatAgencyId),
    access: v.access,
    accessLabel: MEETING_ACCESS_LABELS[v.access],
    /** the caller's own place on the roster and whether a pledge is still asked of them */
    own: v.own ? { memberId: v.own.id, pledgedOn: v.own.pledgedOn } : null,
    pledgeRequired: v.legalBasis === "art106_6",
    restricted: content === null,
    members: content ? content.members.map((x) => presentMember(x, agencies)) : [],
    subjects: content ? content.subjects.map(presentSubject) : [],
    decisions: content ? content.decisions.map(presentDecision) : [],
    minutes: content ? m.minutes : null,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}
export type MeetingDetail = ReturnType<typeof presentMeeting>;
