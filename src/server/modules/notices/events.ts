/** The events that notify someone, each called inside the event's own transaction. */
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import type { Executor } from "../../db/client.js";
import { agencyPeople, departmentEditors, notify, referralReference } from "./notify.js";
import * as repo from "./repository.js";
import { loadSubjects } from "./subjects.js";

/** A sheet was returned or accepted: its departments' editors are told (the reference is the year and item code). */
export async function sheetReviewed(
  tx: Executor,
  municipalityId: string,
  kind: "sheet_returned" | "sheet_accepted",
  sheet: { id: string; fiscalYear: number; version: number },
  itemCode: string | null,
  itemDepartmentIds: string[],
) {
  const reference = [formatFiscalYear(sheet.fiscalYear), itemCode].filter(Boolean).join(" ");
  return notify(
    tx,
    municipalityId,
    { kind, subjectType: "sheet", subjectId: sheet.id, occasion: `v${sheet.version}`, reference },
    { type: "sheet", departmentIds: itemDepartmentIds, link: `/sheets/${sheet.id}` },
    await departmentEditors(tx, municipalityId, itemDepartmentIds),
  );
}

interface ReferralFacts {
  id: string;
  fromAgencyId: string;
  toAgencyId: string | null;
  version: number;
}

const referralSubject = (r: ReferralFacts) => ({
  type: "referral" as const,
  fromAgencyId: r.fromAgencyId,
  toAgencyId: r.toAgencyId,
  link: `/support/referrals/${r.id}`,
});

/** A referral arrived (sent, or forwarded to another receiver): the receiving agency's staff are told. */
export async function referralArrived(tx: Executor, municipalityId: string, referral: ReferralFacts) {
  const people = await agencyPeople(tx, municipalityId, referral.toAgencyId);
  return notify(
    tx,
    municipalityId,
    {
      kind: "referral_arrived",
      subjectType: "referral",
      subjectId: referral.id,
      occasion: `v${referral.version}`,
      reference: referralReference(referral.id),
    },
    referralSubject(referral),
    // the sender's own staff are not told that what they sent arrived
    people.filter((p) => p.agencyId !== referral.fromAgencyId),
  );
}

/** The receiver answered a referral (accepted, declined, completed): the sending agency's staff and providers. */
export async function referralAnswered(tx: Executor, municipalityId: string, referral: ReferralFacts) {
  return notify(
    tx,
    municipalityId,
    {
      kind: "referral_answered",
      subjectType: "referral",
      subjectId: referral.id,
      occasion: `v${referral.version}`,
      reference: referralReference(referral.id),
    },
    referralSubject(referral),
    await agencyPeople(tx, municipalityId, referral.fromAgencyId, ["support_staff", "provider"]),
  );
}

/**
 * A committee asks its members for opinions (意見) on a closed year: part K calls this in the transaction that opens
 * the request, with the members' accounts. `occasion` tells requests on the same committee apart (e.g. the year).
 */
export async function notifyOpinionRequested(
  tx: Executor,
  input: { municipalityId: string; committeeId: string; memberUserIds: string[]; occasion: string; reference: string },
) {
  if (input.memberUserIds.length === 0) return [];
  // who may open it is decided as for any committee notice: the members' terms as they stand today
  const subject = (
    await loadSubjects(tx, input.municipalityId, [{ subjectType: "committee", subjectId: input.committeeId }])
  ).get(`committee:${input.committeeId}`);
  if (!subject) return [];
  const members = await repo.candidates(tx, input.municipalityId, {
    roles: ["system_admin", "plan_office", "department_editor", "viewer"],
    userIds: input.memberUserIds,
  });
  return notify(
    tx,
    input.municipalityId,
    {
      kind: "opinion_requested",
      subjectType: "committee",
      subjectId: input.committeeId,
      occasion: input.occasion,
      reference: input.reference,
    },
    subject,
    members,
  );
}

/** A case as its notices quote it: its id's first characters, never the person. */
export const caseReference = (caseId: string) => `ケース #${caseId.slice(0, 8)}`;

/**
 * A support plan was approved: each task's agency is told it has a task (one notice per task), its staff only, and
 * only those the case's own rule lets open the case.
 */
export async function tasksAssigned(
  tx: Executor,
  municipalityId: string,
  caseId: string,
  tasks: { id: string; agencyId: string }[],
) {
  const subject = (await loadSubjects(tx, municipalityId, [{ subjectType: "case", subjectId: caseId }])).get(
    `case:${caseId}`,
  );
  if (!subject) return [];
  const written: repo.NoticeRow[] = [];
  for (const task of tasks) {
    written.push(
      ...(await notify(
        tx,
        municipalityId,
        {
          kind: "task_assigned",
          subjectType: "case",
          subjectId: caseId,
          occasion: `task:${task.id}`,
          reference: caseReference(caseId),
        },
        subject,
        await agencyPeople(tx, municipalityId, task.agencyId),
      )),
    );
  }
  return written;
}
