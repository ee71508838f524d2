import { describe, expect, it } from "vitest";
import type { AuthContext, Role } from "../auth/context.js";
import { AppError } from "../errors.js";
import { personPolicies, policies } from "../policies.js";

/** A caller as the session makes it; only what the policies read matters. */
function caller(role: Role, extra: Partial<AuthContext> = {}): AuthContext {
  return {
    userId: "u1",
    municipalityId: "m1",
    municipalityCode: "000000",
    municipalityName: "テスト市",
    loginId: "someone",
    displayName: "誰か",
    role,
    departmentIds: [],
    agencyId: null,
    isCoordinator: false,
    csrfToken: "",
    sessionTokenHash: "",
    pendingSteps: [],
    ...extra,
  };
}

const coordinator = caller("support_staff", { agencyId: "a1", isCoordinator: true });
const staff = caller("support_staff", { agencyId: "a2" });
const provider = caller("provider", { agencyId: "p1" });
const status = (fn: () => unknown) => {
  try {
    fn();
    return "allowed";
  } catch (e) {
    return e instanceof AppError ? e.status : "error";
  }
};

describe("list scopes", () => {
  it("lists every referral to the coordinators, the sent and received ones to staff, the sent ones to providers", () => {
    expect(policies.referralListScope(coordinator)).toEqual({ all: true });
    expect(policies.referralListScope(staff)).toEqual({ all: false, agencyId: "a2", received: true });
    expect(policies.referralListScope(provider)).toEqual({ all: false, agencyId: "p1", received: false });
    expect(status(() => policies.referralListScope(caller("plan_office")))).toBe(403);
  });

  it("lists every case and household to the coordinators and their agency's to other staff; providers none", () => {
    for (const scope of [policies.caseListScope, policies.householdListScope]) {
      expect(scope(coordinator)).toEqual({ agencyId: undefined });
      expect(scope(staff)).toEqual({ agencyId: "a2" });
      expect(status(() => scope(provider))).toBe(403);
      expect(status(() => scope(caller("support_admin")))).toBe(403);
    }
  });
});

describe("team entries without consent", () => {
  it("are seen by the coordinators only", () => {
    expect(policies.seesTeamEntries("coordinator", null)).toBe(true);
    expect(policies.seesTeamEntries("lead", null)).toBe(false);
    expect(policies.seesTeamEntries("team", "c1")).toBe(true);
  });
});

describe("disclosure of a case's personal content", () => {
  it("is the coordinators' and the lead's always, another team agency's only with a consent covering it", () => {
    expect(policies.caseDisclosure("coordinator", null)).toBe("case:coordinator");
    expect(policies.caseDisclosure("lead", null)).toBe("case:lead");
    expect(policies.caseDisclosure("team", null)).toBeNull();
    expect(policies.caseDisclosure("team", "c1")).toBe("consent:c1");
    expect(policies.caseDisclosure("team", null, "m1")).toBe("art106_6:meeting:m1");
    expect(policies.caseDisclosure("team", "c1", "m1")).toBe("consent:c1");
  });

  it("names the consent as a person's basis only after the others (receiving or sitting on a team is none)", () => {
    const facts = { createdByAgencyId: "x1", referralId: null, caseId: null, consentId: null, meetingId: null };
    expect(personPolicies.personBasis(staff, facts)).toBeNull();
    expect(personPolicies.personBasis(staff, { ...facts, consentId: "c1" })).toEqual({
      kind: "consent",
      consentId: "c1",
    });
    expect(personPolicies.personBasis(staff, { ...facts, caseId: "k1", consentId: "c1" })).toEqual({
      kind: "case",
      caseId: "k1",
    });
    expect(personPolicies.personBasis(provider, { ...facts, consentId: "c1" })).toBeNull();
    // a pledged 支援会議 member's basis comes after a consent
    expect(personPolicies.personBasis(staff, { ...facts, meetingId: "m1" })).toEqual({
      kind: "meeting",
      meetingId: "m1",
    });
    expect(personPolicies.personBasis(staff, { ...facts, consentId: "c1", meetingId: "m1" })).toMatchObject({
      kind: "consent",
    });
  });
});

describe("operator listing of referrals", () => {
  it("answers operator commands only", () => {
    expect(status(() => policies.listReferralsAsOperator({ userId: null, loginId: "cli:ops" }))).toBe("allowed");
    expect(status(() => policies.listReferralsAsOperator({ userId: "u1", loginId: "cli:ops" }))).toBe(403);
    expect(status(() => policies.listReferralsAsOperator({ userId: null, loginId: "ops" }))).toBe(403);
  });
});

describe("an administrator's own account", () => {
  const admin = caller("plan_office");
  it("refuses disabling it or changing its role, and names the field", () => {
    expect(policies.ownAccessChange(admin, { id: "u1", role: "plan_office" }, { disabled: true })).toBe("disabled");
    expect(policies.ownAccessChange(admin, { id: "u1", role: "plan_office" }, { role: "viewer" })).toBe("role");
    expect(policies.ownAccessChange(admin, { id: "u1", role: "plan_office" }, { role: "plan_office" })).toBeNull();
    expect(policies.ownAccessChange(admin, { id: "u2", role: "plan_office" }, { disabled: true })).toBeNull();
  });
});

describe("uploads and workbook sheets", () => {
  const editor = caller("department_editor", { departmentIds: ["d1"] });
  it("lets a department editor bring back a workbook only; the plan office uploads anything", () => {
    expect(status(() => policies.uploadDocument(editor, { isWorkbook: true }))).toBe("allowed");
    expect(status(() => policies.uploadDocument(editor, { isWorkbook: false }))).toBe(403);
    expect(status(() => policies.uploadDocument(caller("plan_office"), { isWorkbook: false }))).toBe("allowed");
    expect(status(() => policies.uploadDocument(caller("viewer"), { isWorkbook: true }))).toBe(403);
  });

  it("answers like editSheet; a department editor cannot change a submitted or accepted sheet", () => {
    for (const a of [editor, caller("viewer"), caller("plan_office"), staff]) {
      for (const depts of [["d1"], ["d2"]]) {
        expect(policies.canEditSheet(a, depts)).toBe(status(() => policies.editSheet(a, depts)) === "allowed");
      }
    }
    expect(
      ["not_started", "draft", "returned", "submitted", "accepted"].filter((s) => !policies.canEditSheetIn(editor, s)),
    ).toEqual(["submitted", "accepted"]);
    expect(policies.canEditSheetIn(caller("plan_office"), "accepted")).toBe(true);
  });
});
