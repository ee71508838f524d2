/**
 * Whether someone could open a notice's subject, by the subject's own record rule: a sheet by its item's departments
 * (policies.canSeeSheet), a referral by its parties (policies.referralBasis), a round by the plan side's reading. The
 * same rule picks a notice's recipients and, when notices are listed, drops those the reader can no longer open.
 */

import type { Term } from "../../../domain/committees/routing.js";
import { todayInJapan } from "../../../domain/japanese-date.js";
import type { NoticeSubject } from "../../../domain/labels/notices.js";
import type { Executor } from "../../db/client.js";
import { withIds } from "../../db/records.js";
import { cases, committees, evaluationRounds, evaluationSheets, referrals } from "../../db/schema/index.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { committeeBasis } from "../../platform/policies/committees.js";
import { readsPlanSide } from "../../platform/policies/roles.js";
import { policies } from "../../platform/policies.js";
import { listMembers } from "../committees/repository.js";
import { type YearStructure, yearStructure } from "../evaluations/year-structure.js";
import type { Candidate } from "./repository.js";
import { teamsOf } from "./repository.js";

/** What the policies read of a caller: an account that is not signed in now is decided on the same fields. */
export type Reader = Pick<
  AuthContext,
  "userId" | "municipalityId" | "role" | "departmentIds" | "agencyId" | "isCoordinator"
>;

/** A candidate as the policies take a caller (they read only the fields of Reader). */
export function asCaller(r: Reader | Candidate): AuthContext {
  return {
    municipalityCode: "",
    municipalityName: "",
    loginId: "",
    displayName: "",
    csrfToken: "",
    sessionTokenHash: "",
    pendingSteps: [],
    ...r,
  };
}

/** A subject as the rule needs it, loaded once for every notice about it. */
export type LoadedSubject =
  | { type: "sheet"; departmentIds: string[]; link: string }
  | { type: "round"; link: string }
  | { type: "referral"; fromAgencyId: string; toAgencyId: string | null; link: string }
  // a case's task or review: the case's own rule (the coordinators, its lead and team agencies' staff)
  | { type: "case"; leadAgencyId: string; teamAgencyIds: string[]; link: string }
  // a committee's request for opinions: the plan office, or a member on the day the notice is written or read
  | { type: "committee"; terms: Map<string, Term>; today: string; planId: string; link: string };

export function canOpen(reader: Reader, subject: LoadedSubject): boolean {
  const caller = asCaller(reader);
  switch (subject.type) {
    case "sheet":
      return policies.canSeeSheet(caller, subject.departmentIds);
    case "round":
      return readsPlanSide(caller);
    case "referral":
      return policies.referralBasis(caller, subject) !== null;
    case "case":
      return policies.caseBasis(caller, subject, subject.teamAgencyIds) !== null;
    case "committee":
      return committeeBasis(caller, subject.terms.get(caller.userId) ?? null, subject.today) !== null;
  }
}

/** The subjects of some notices, by `${type}:${id}`; a subject that is gone is missing (its notices are dropped). */
export async function loadSubjects(
  db: Executor,
  municipalityId: string,
  wanted: { subjectType: string; subjectId: string }[],
): Promise<Map<string, LoadedSubject>> {
  const out = new Map<string, LoadedSubject>();
  const idsOf = (type: NoticeSubject) => [
    ...new Set(wanted.filter((w) => w.subjectType === type).map((w) => w.subjectId)),
  ];
  const sheetIds = idsOf("sheet");
  if (sheetIds.length) {
    const rows = await db
      .select()
      .from(evaluationSheets)
      .where(withIds(evaluationSheets, municipalityId, sheetIds));
    // one structure per plan year: the departments each item had in the revision the year is evaluated under
    const years = new Map<string, YearStructure>();
    for (const s of rows) {
      const key = `${s.planId}:${s.fiscalYear}`;
      let structure = years.get(key);
      if (!structure) {
        structure = await yearStructure(db, municipalityId, s.planId, s.fiscalYear);
        years.set(key, structure);
      }
      out.set(`sheet:${s.id}`, {
        type: "sheet",
        departmentIds: structure.departmentsOf(s.itemId),
        link: `/sheets/${s.id}`,
      });
    }
  }
  const roundIds = idsOf("round");
  if (roundIds.length) {
    const rows = await db
      .select()
      .from(evaluationRounds)
      .where(withIds(evaluationRounds, municipalityId, roundIds));
    for (const r of rows) out.set(`round:${r.id}`, { type: "round", link: roundLink(r.planId, r.fiscalYear) });
  }
  const referralIds = idsOf("referral");
  if (referralIds.length) {
    const rows = await db
      .select()
      .from(referrals)
      .where(withIds(referrals, municipalityId, referralIds));
    for (const r of rows) {
      out.set(`referral:${r.id}`, {
        type: "referral",
        fromAgencyId: r.fromAgencyId,
        toAgencyId: r.toAgencyId,
        link: `/support/referrals/${r.id}`,
      });
    }
  }
  const caseIds = idsOf("case");
  if (caseIds.length) {
    const rows = await db
      .select()
      .from(cases)
      .where(withIds(cases, municipalityId, caseIds));
    const team = rows.length ? await teamsOf(db, municipalityId, caseIds) : [];
    for (const c of rows) {
      const teamAgencyIds = team.filter((t) => t.caseId === c.id).map((t) => t.agencyId);
      out.set(`case:${c.id}`, { type: "case", leadAgencyId: c.leadAgencyId, teamAgencyIds, link: caseLink(c.id) });
    }
  }
  const committeeIds = idsOf("committee");
  if (committeeIds.length) {
    const today = todayInJapan();
    const rows = await db
      .select()
      .from(committees)
      .where(withIds(committees, municipalityId, committeeIds));
    const members = await listMembers(db, municipalityId, committeeIds);
    for (const c of rows) {
      const terms = new Map(members.filter((m) => m.committeeId === c.id).map((m) => [m.userId, m]));
      out.set(`committee:${c.id}`, {
        type: "committee",
        terms,
        today,
        planId: c.planId,
        link: committeeLink(c.planId),
      });
    }
  }
  return out;
}

export const caseLink = (caseId: string) => `/support/cases/${caseId}`;

export const committeeLink = (planId: string) => `/committees?planId=${planId}`;

/**
 * Where a notice takes its reader: its subject's page, and for a committee's request for opinions the committee on
 * the year it is asked about (the notice's occasion), not whichever year the page would open on.
 */
export function noticeLink(notice: { subjectId: string; occasion: string }, subject: LoadedSubject): string {
  if (subject.type === "committee" && /^\d{4}$/.test(notice.occasion))
    return `${committeeLink(subject.planId)}&fy=${notice.occasion}&committee=${notice.subjectId}`;
  return subject.link;
}

export const roundLink = (planId: string, fiscalYear: number) => `/evaluations?planId=${planId}&fy=${fiscalYear}`;
