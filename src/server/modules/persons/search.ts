import { personQuery } from "../../../domain/persons/name.js";
import type { Db } from "../../db/client.js";
import { actorOf, recordAuditBatch } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { ValidationError } from "../../platform/errors.js";
import { type PersonBasis, personPolicies } from "../../platform/policies.js";
import { listAgencies } from "../agencies/repository.js";
import { auditBasis, personRead } from "./access.js";
import { presentFoundPerson } from "./presenter.js";
import * as repo from "./repository.js";

/** At most this many persons are shown. */
const SEARCH_LIMIT = 50;
/**
 * Staff searches check a basis for each person matching the prefix: they look at this many matches at most (in
 * order), so a one-letter search costs the same in a city of 10,000 or 1,000,000 persons.
 */
const SEARCH_WINDOW = 1000;

/**
 * Search by the beginning of the reading (kana typed) or of the name (anything else), within the caller's
 * need-to-know (policies.personScope): coordinators find everyone, agency staff the persons their agency has a
 * basis for, providers the persons their agency registered. Staff are also told, without any detail and without a
 * count, when persons outside their basis match, and whom to ask (the 多機関協働 coordinators).
 * Every person shown is an audited read with its basis, and the search itself is recorded (also when it showed
 * nothing), in the search's transaction.
 */
export async function searchPersons(db: Db, actor: RequestActor, typed: string) {
  const scope = personPolicies.personScope(actor);
  const query = personQuery(typed);
  if (!query) throw new ValidationError([{ field: "query", message: "ふりがなか氏名を入力してください" }]);
  // staff: a basis is checked for each match, so only the first matches are looked at (see windowEnd)
  const checksEach = !scope.all && !scope.registeredOnly;
  return db.transaction(async (tx) => {
    const until = checksEach ? await repo.windowEnd(tx, actor.municipalityId, query, SEARCH_WINDOW) : null;
    const rows = await repo.searchPersons(tx, actor.municipalityId, query, scope, { until, limit: SEARCH_LIMIT });
    // the policy decides on the facts the statement returned; it and the statement's filter say the same
    const shown = rows.flatMap((r) => {
      const basis = personPolicies.personBasis(actor, { ...r, createdByAgencyId: r.person.createdByAgencyId });
      return basis ? [{ person: r.person, basis }] : [];
    });
    const othersMatch =
      scope.othersMatch && !scope.all ? await repo.othersMatch(tx, actor.municipalityId, query, scope, until) : false;
    /** more matches exist beyond the window and fewer than a page were found in it: the caller should type more */
    const partial = until !== null && shown.length < SEARCH_LIMIT;
    await recordAuditBatch(tx, [
      {
        ...actorOf(actor),
        action: "search",
        entityType: "person",
        basis: "search",
        after: { by: query.by, typed, shown: shown.length, othersMatch, partial },
      },
      ...shown.map(({ person, basis }) => personRead(actor, person.id, auditBasis("search", basis as PersonBasis))),
    ]);
    const coordinators = othersMatch
      ? (await listAgencies(tx, actor.municipalityId))
          .filter((a) => a.isCoordinator)
          .map((a) => ({ id: a.id, name: a.name }))
      : [];
    return {
      by: query.by,
      persons: shown.map(({ person, basis }) => presentFoundPerson(person, basis)),
      /** persons outside the caller's basis match too: only that, and whom to ask */
      othersMatch: othersMatch ? { askCoordinators: coordinators } : null,
      /** only the first matches (in reading or name order) were looked at: typing more finds the rest */
      partial,
    };
  });
}
