import { todayInJapan } from "../../../domain/japanese-date.js";
import { PLAN_KIND_LABELS, type PlanKind } from "../../../domain/labels/support-plans.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAuditBatch } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { policies } from "../../platform/policies.js";
import { agencyMap } from "../agencies/service.js";
import { personRead } from "../persons/access.js";
import * as personsRepo from "../persons/repository.js";
import { presentTask } from "./presenter.js";
import * as repo from "./repository.js";

/**
 * The open tasks of the caller's agency on the cases it may see with a disclosure basis now (policies.caseBasis and
 * caseDisclosure, as on the case page: a removed agency or a withdrawn consent hides the case's tasks at once), with
 * the basis of each case shown. Reads only: the list audits what it shows, the home page only counts.
 */
export async function disclosedAgencyTasks(tx: Executor, actor: AuthContext) {
  policies.listCases(actor);
  const agencyId = actor.agencyId as string;
  const rows = await repo.openTasksOfAgency(tx, actor.municipalityId, agencyId);
  const caseIds = [...new Set(rows.map((r) => r.c.id))];
  const onTeam = await repo.casesWithTeamAgency(tx, actor.municipalityId, agencyId, caseIds);
  const caller = { agencyId, userId: actor.userId };
  const facts = await personsRepo.personFacts(tx, actor.municipalityId, caller, [
    ...new Set(rows.map((r) => r.c.mainPersonId)),
  ]);
  const caseOf = new Map(rows.map((r) => [r.c.id, r.c]));
  const disclosureOf = new Map(
    caseIds.map((id) => {
      const c = caseOf.get(id) as (typeof rows)[number]["c"];
      const basis = policies.caseBasis(actor, c, onTeam.has(id) ? [agencyId] : []);
      const fact = facts.find((f) => f.id === c.mainPersonId);
      return [id, basis ? policies.caseDisclosure(basis, fact?.consentId ?? null, fact?.meetingId ?? null) : null];
    }),
  );
  return { shown: rows.filter((r) => disclosureOf.get(r.c.id)), caseOf, disclosureOf };
}

/**
 * 自機関のタスク: every task disclosedAgencyTasks gives the caller, each with the case's main person. The reads are
 * audited on the basis the case is shown on: the tasks per case, and the persons shown.
 */
export async function listAgencyTasks(db: Db, actor: RequestActor) {
  policies.listCases(actor);
  const agencyId = actor.agencyId as string;
  return db.transaction(async (tx) => {
    const { shown, caseOf, disclosureOf } = await disclosedAgencyTasks(tx, actor);
    const shownCases = [...new Set(shown.map((r) => r.c.id))];
    // whose task it is: the case's main person, shown on the basis the case's tasks are shown on
    const people = new Map(
      (await personsRepo.findPersons(tx, actor.municipalityId, [...new Set(shown.map((r) => r.c.mainPersonId))])).map(
        (p) => [p.id, { id: p.id, nameKanji: p.nameKanji, nameKana: p.nameKana }],
      ),
    );
    await recordAuditBatch(tx, [
      ...shownCases.map((id) => ({
        ...actorOf(actor),
        action: "read",
        entityType: "support_tasks",
        entityId: id,
        basis: disclosureOf.get(id) as string,
      })),
      ...shownCases.map((id) =>
        personRead(actor, (caseOf.get(id) as (typeof shown)[number]["c"]).mainPersonId, disclosureOf.get(id) as string),
      ),
    ]);
    const agencies = await agencyMap(tx, actor.municipalityId);
    const today = todayInJapan();
    return {
      today,
      tasks: shown.map((r) => ({
        ...presentTask(r.task, agencies, today, agencyId),
        caseId: r.c.id,
        person: people.get(r.c.mainPersonId) ?? null,
        plan: {
          id: r.plan.id,
          number: r.plan.number,
          kindLabel: PLAN_KIND_LABELS[r.plan.kind as PlanKind] ?? r.plan.kind,
          status: r.plan.status,
        },
        goal: r.goal.text,
      })),
    };
  });
}
