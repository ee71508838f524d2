import type { HouseholdBasis } from "../../platform/policies.js";
import { type AgencyMap, agencyRef } from "../agencies/presenter.js";
import type { CaseRef } from "../cases/presenter.js";
import type { HouseholdRow, MemberView } from "./repository.js";
import { RELATIONSHIPS, type Relationship } from "./schema.js";

const rank = (r: string) => {
  const i = RELATIONSHIPS.indexOf(r as Relationship);
  return i < 0 ? RELATIONSHIPS.length : i;
};
/** 本人 first, then by relationship in the order of the list, then in the order they joined. */
export const sortMembers = <T extends { relationship: string }>(members: T[]) =>
  members
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m.relationship) - rank(b.m.relationship) || a.i - b.i)
    .map((x) => x.m);

/** A member; `hidden`: the caller has no basis for this person, so who it is stays out (names and birth date null). */
export type PresentableMember = Omit<MemberView, "nameKana"> & { nameKana: string | null; hidden?: boolean };

export function presentMember(m: PresentableMember) {
  return {
    personId: m.personId,
    nameKanji: m.nameKanji,
    nameKana: m.nameKana,
    dateOfBirth: m.dateOfBirth,
    relationship: m.relationship,
    hidden: m.hidden ?? false,
  };
}
export type HouseholdMember = ReturnType<typeof presentMember>;

/** A household as its need-to-know readers see it; `cases` lists only the cases the caller may see. */
export function presentHousehold(
  h: HouseholdRow,
  members: PresentableMember[],
  agencies: AgencyMap,
  visibleCases: CaseRef[],
  access: HouseholdBasis,
) {
  return {
    ...presentHouseholdSummary(h, members, agencies),
    cases: visibleCases,
    access,
    createdAt: h.createdAt,
  };
}
export type Household = ReturnType<typeof presentHousehold>;

/** A row of the household list (no cases: those are read one household at a time); the page adds them. */
export function presentHouseholdSummary(h: HouseholdRow, members: PresentableMember[], agencies: AgencyMap) {
  return {
    id: h.id,
    name: h.name,
    address: h.address,
    registeredByAgency: agencyRef(agencies, h.registeredByAgencyId),
    members: sortMembers(members).map(presentMember),
    version: h.version,
    updatedAt: h.updatedAt,
  };
}
export type HouseholdSummary = ReturnType<typeof presentHouseholdSummary>;
