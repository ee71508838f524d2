import type { HouseholdBasis } from "../../platform/policies.js";
import type { AgencyRow } from "../agencies/repository.js";
import type { HouseholdRow, MemberView } from "./repository.js";
import { RELATIONSHIPS, type Relationship } from "./schema.js";

const agencyRef = (agencies: Map<string, AgencyRow>, id: string) => ({
  id,
  name: agencies.get(id)?.name ?? "（不明な機関）",
});

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
  agencies: Map<string, AgencyRow>,
  visibleCases: { id: string; phase: string; phaseLabel: string }[],
  access: HouseholdBasis,
) {
  return {
    id: h.id,
    name: h.name,
    address: h.address,
    registeredByAgency: agencyRef(agencies, h.registeredByAgencyId),
    members: sortMembers(members).map(presentMember),
    cases: visibleCases,
    access,
    version: h.version,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
  };
}
export type Household = ReturnType<typeof presentHousehold>;

/** A row of the household list (no cases: those are read one household at a time). */
export function presentHouseholdSummary(
  h: HouseholdRow,
  members: PresentableMember[],
  agencies: Map<string, AgencyRow>,
) {
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
