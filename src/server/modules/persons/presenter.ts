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
