import type { Executor } from "../db/client.js";
import * as meetingsRepo from "../modules/meetings/repository.js";
import { ensureKinds } from "../modules/meetings/settings.js";
import * as plansRepo from "../modules/support-plans/repository.js";
import { insertDemoCase } from "./demo-cases.js";
import {
  CLOSED_CASE,
  CLOSED_DECISION,
  CLOSED_EVALUATION,
  CLOSED_MEETING,
  CLOSED_MONITORINGS,
  CLOSED_ON,
  CLOSED_PERSON,
  CLOSED_PLAN,
  CLOSED_REASON,
  DEMO_DISTRICTS,
  type DemoMeeting,
  type DemoMonitoring,
  type DemoPlan,
  OUTREACH_MEETING,
  OUTREACH_PLAN,
  TSUNAGU_DECISION,
  TSUNAGU_MEETING,
  TSUNAGU_MONITORING,
  TSUNAGU_PLAN,
} from "./demo-meetings-data.js";
import { type AgencyKey, demoTime, insertDemoPerson, type PersonKey } from "./demo-support-data.js";

/**
 * The demo's meetings and support plans, written through the two modules' repositories as their services would
 * have: the kinds the meetings module creates on first use, a 支援会議 about a case without consent (pledged
 * members, an outreach plan approved there), つなぐ家's 支援決定, 重層的支援会議 and approved plan (with the
 * consent in force on the meeting day on its agenda item) and an overdue review, and a case closed after its final
 * monitoring.
 */

interface Ids {
  agency: (key: AgencyKey) => string;
  userByAgency: Map<AgencyKey, string>;
  personIds: Map<PersonKey, string>;
  caseIds: Map<PersonKey, string>;
}

export async function loadDemoMeetings(tx: Executor, municipalityId: string, ids: Ids) {
  const kinds = await ensureKinds(tx, municipalityId);
  const districtIds = new Map<string, string>();
  for (const [position, name] of DEMO_DISTRICTS.entries()) {
    districtIds.set(name, (await meetingsRepo.insertDistrict(tx, { municipalityId, name, position })).id);
  }
  const w = new DemoWriter(tx, municipalityId, ids, (m) => {
    const kind = kinds.find((k) => k.legalBasis === m.legalBasis);
    if (!kind) throw new Error(`no meeting kind for ${m.legalBasis}`);
    return { kindId: kind.id, districtId: districtIds.get(m.district) as string };
  });

  const ichiro = caseOf(ids, "ichiro");
  const outreach = await w.meeting(OUTREACH_MEETING, [{ caseId: ichiro, personId: personOf(ids, "ichiro") }]);
  await w.plan(ichiro, 1, OUTREACH_PLAN, OUTREACH_MEETING, outreach);

  const taro = caseOf(ids, "taro");
  await w.supportDecision(taro, TSUNAGU_DECISION);
  const tsunagu = await w.meeting(TSUNAGU_MEETING, [{ caseId: taro, personId: personOf(ids, "taro") }]);
  const taroPlan = await w.plan(taro, 1, TSUNAGU_PLAN, TSUNAGU_MEETING, tsunagu);
  await w.monitoring(taro, taroPlan, TSUNAGU_MONITORING);

  // a household that came to the counter in 2024; its case is over
  const kazuko = await insertDemoPerson(tx, municipalityId, CLOSED_PERSON, ids);
  const closed = await insertDemoCase(tx, municipalityId, CLOSED_CASE, {
    ...ids,
    people: new Map([[CLOSED_PERSON.key, kazuko.id]]),
    referralIds: new Map(),
  });
  await w.supportDecision(closed, CLOSED_DECISION);
  const closedMeeting = await w.meeting(CLOSED_MEETING, [{ caseId: closed, personId: kazuko.id }]);
  const closedPlan = await w.plan(closed, 1, CLOSED_PLAN, CLOSED_MEETING, closedMeeting);
  for (const m of CLOSED_MONITORINGS) await w.monitoring(closed, closedPlan, m);
  await plansRepo.insertClosure(tx, {
    municipalityId,
    caseId: closed,
    closedOn: CLOSED_ON,
    reason: CLOSED_REASON.reason,
    reasonNote: CLOSED_REASON.note,
    evaluation: CLOSED_EVALUATION,
    recordedBy: ids.userByAgency.get("houkatsu") ?? null,
    recordedByAgencyId: ids.agency("houkatsu"),
    createdAt: demoTime(CLOSED_ON),
  });
  return { districts: DEMO_DISTRICTS.length, meetings: 3, supportPlans: 3, closedCases: 1 };
}

const caseOf = (ids: Ids, key: PersonKey) => ids.caseIds.get(key) as string;
const personOf = (ids: Ids, key: PersonKey) => ids.personIds.get(key) as string;

class DemoWriter {
  constructor(
    private readonly tx: Executor,
    private readonly municipalityId: string,
    private readonly ids: Ids,
    private readonly kindAndDistrict: (m: DemoMeeting) => { kindId: string; districtId: string },
  ) {}

  private user(agency: AgencyKey) {
    return this.ids.userByAgency.get(agency) ?? null;
  }

  async supportDecision(caseId: string, d: { decidedOn: string; decidedBy: string }) {
    await meetingsRepo.insertSupportDecision(this.tx, {
      municipalityId: this.municipalityId,
      caseId,
      ...d,
      recordedBy: this.user("coord"),
      recordedByAgencyId: this.ids.agency("coord"),
      recordedAt: demoTime(d.decidedOn),
    });
  }

  /** A meeting convened by the coordinators, its roster, agenda (consent kind: the consent covering the day), decision. */
  async meeting(m: DemoMeeting, subjects: { caseId: string; personId: string }[]) {
    const { tx, municipalityId } = this;
    const coordUser = this.user("coord");
    const convened = demoTime(m.convenedOn);
    const row = await meetingsRepo.insertMeeting(tx, {
      municipalityId,
      ...this.kindAndDistrict(m),
      heldOn: m.heldOn,
      startsAt: m.startsAt,
      secretariatAgencyId: this.ids.agency("coord"),
      title: m.title,
      minutes: m.minutes,
      createdBy: coordUser,
      // created, then the minutes saved after the meeting
      version: 2,
      createdAt: convened,
      updatedAt: demoTime(m.heldOn),
    });
    for (const s of m.staff) {
      const userId = this.user(s.agency);
      await meetingsRepo.insertMember(tx, {
        municipalityId,
        meetingId: row.id,
        userId,
        agencyId: this.ids.agency(s.agency),
        pledgedOn: s.pledgedOn,
        pledgeRecordedBy: s.pledgedOn ? userId : null,
        addedBy: coordUser,
        addedAt: convened,
      });
    }
    for (const e of m.experts) {
      await meetingsRepo.insertMember(tx, {
        municipalityId,
        meetingId: row.id,
        expertName: e.name,
        expertAffiliation: e.affiliation,
        expertRole: e.role,
        pledgedOn: e.pledgedOn,
        pledgeRecordedBy: coordUser,
        addedBy: coordUser,
        addedAt: convened,
      });
    }
    for (const s of subjects) {
      const consentId =
        m.legalBasis === "consent"
          ? await meetingsRepo.consentCoveringDay(tx, municipalityId, s.personId, m.heldOn)
          : null;
      if (m.legalBasis === "consent" && !consentId) throw new Error(`demo: no consent covers ${m.heldOn}`);
      const subject = await meetingsRepo.insertSubject(tx, {
        municipalityId,
        meetingId: row.id,
        ...s,
        consentId,
        addedBy: coordUser,
        addedAt: convened,
      });
      await meetingsRepo.insertDecision(tx, {
        municipalityId,
        meetingId: row.id,
        subjectId: subject.id,
        text: m.decision,
        createdBy: coordUser,
        createdAt: demoTime(m.heldOn),
      });
    }
    return row.id;
  }

  /** A plan drafted, saved once, then approved at the meeting by the coordinators, with the agencies' answers. */
  async plan(caseId: string, number: number, p: DemoPlan, m: DemoMeeting, meetingId: string) {
    const { tx, municipalityId } = this;
    const plan = await plansRepo.insertPlan(tx, {
      municipalityId,
      caseId,
      number,
      kind: p.kind,
      status: "approved",
      wishes: p.wishes,
      approvedOn: m.heldOn,
      approvedMeetingId: meetingId,
      approvedBy: this.user("coord"),
      createdBy: this.user(p.draftedBy),
      version: 3,
      createdAt: demoTime(p.draftedOn),
      updatedAt: demoTime(m.heldOn),
    });
    const goals = await plansRepo.insertGoals(
      tx,
      p.goals.map((g, order) => ({ municipalityId, planId: plan.id, order, term: g.term, text: g.text })),
    );
    const tasks = p.goals.flatMap((g, gi) => g.tasks.map((t) => ({ ...t, goalId: goals[gi]?.id as string })));
    await plansRepo.insertTasks(
      tx,
      tasks.map((t, order) => ({
        municipalityId,
        planId: plan.id,
        goalId: t.goalId,
        order,
        agencyId: this.ids.agency(t.agency),
        role: t.role,
        text: t.text,
        dueOn: t.dueOn,
        response: t.response,
        reason: t.reason ?? null,
        respondedBy: t.respondedOn ? this.user(t.agency) : null,
        respondedAt: t.respondedOn ? demoTime(t.respondedOn) : null,
        doneOn: t.doneOn ?? null,
      })),
    );
    return { id: plan.id, goalIds: goals.map((g) => g.id) };
  }

  async monitoring(caseId: string, plan: { id: string; goalIds: string[] }, m: DemoMonitoring) {
    await plansRepo.insertMonitoring(this.tx, {
      municipalityId: this.municipalityId,
      caseId,
      planId: plan.id,
      heldOn: m.heldOn,
      progress: m.progress.map((progress, i) => ({ goalId: plan.goalIds[i] as string, progress })),
      nextReviewOn: m.nextReviewOn,
      note: m.note,
      isFinal: m.isFinal,
      recordedBy: this.user(m.by),
      recordedByAgencyId: this.ids.agency(m.by),
      createdAt: demoTime(m.heldOn),
    });
  }
}
