import type { PersonBasis } from "../../platform/policies.js";
import type { PersonLinkRow, PersonRow } from "./repository.js";

export function presentPerson(p: PersonRow) {
  return {
    id: p.id,
    nameKanji: p.nameKanji,
    nameKana: p.nameKana,
    dateOfBirth: p.dateOfBirth,
    address: p.address,
    phone: p.phone,
    createdByAgencyId: p.createdByAgencyId,
    version: p.version,
  };
}

export function presentLink(l: PersonLinkRow) {
  return { personId: l.personId, otherPersonId: l.otherPersonId, reason: l.reason, createdAt: l.createdAt };
}

/** A person found by a search, with why the caller may see it (coordinator | registrar | referral | case). */
export function presentFoundPerson(p: PersonRow, basis: PersonBasis) {
  return { ...presentPerson(p), access: basis.kind };
}
