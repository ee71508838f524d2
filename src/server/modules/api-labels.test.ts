/**
 * Every code the API accepts or answers for people to choose or read has its word in src/domain/labels: the zod
 * enums of the schemas are walked, and the server's own unions are held equal to the labelled ones.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { ROLE_LABELS } from "../../domain/access/principals.js";
import { AUDIT_ACTION_KIND_LABELS } from "../../domain/labels/audit.js";
import { SHEET_STATUS_LABELS } from "../../domain/labels/evaluation.js";
import { INDICATOR_KIND_LABELS } from "../../domain/labels/indicators.js";
import {
  AGENCY_KIND_LABELS,
  type CaseBasis,
  CONSENT_LABELS,
  type HouseholdBasis,
  type PersonBasisKind,
  PHASE_LABELS,
  REFERRAL_MOVE_LABELS,
  REFERRAL_STATUS_LABELS,
  type ReferralBasis,
  VISIBILITY_LABELS,
} from "../../domain/labels/support.js";
import {
  CLOSURE_REASON_LABELS,
  GOAL_TERM_LABELS,
  PLAN_KIND_LABELS,
  TASK_RESPONSE_LABELS,
} from "../../domain/labels/support-plans.js";
import type * as policies from "../platform/policies.js";
import { createAgencySchema } from "./agencies/schema.js";
import { auditQuerySchema } from "./audit-trail/schema.js";
import { changePhaseSchema, consentSchema, createRecordSchema, listCasesQuery } from "./cases/schema.js";
import { sheetListQuery } from "./evaluations/schema.js";
import { indicatorInputSchema } from "./indicators/schema.js";
import { createReferralSchema, listReferralsQuery, transitionSchema } from "./referrals/schema.js";
import { closureSchema, createPlanSchema, respondTaskSchema, savePlanSchema } from "./support-plans/schema.js";
import { roleSchema } from "./users/schema.js";

/** The options of a (possibly optional or defaulted) zod enum. */
function optionsOf(schema: z.ZodType): string[] {
  let s: unknown = schema;
  for (let i = 0; i < 5; i++) {
    const def = (s as { def: { type: string; innerType?: unknown; options?: unknown; entries?: object } }).def;
    if (def.type === "enum") return Object.values(def.entries as Record<string, string>);
    s = def.innerType;
  }
  throw new Error("not an enum");
}

describe("the API's enums have labels", () => {
  const enums: [string, z.ZodType, Readonly<Record<string, string>>, string[]?][] = [
    ["role", roleSchema, ROLE_LABELS],
    ["agency kind", createAgencySchema.shape.kind, AGENCY_KIND_LABELS],
    ["audit action kind", auditQuerySchema.shape.action, AUDIT_ACTION_KIND_LABELS],
    ["sheet status filter", sheetListQuery.shape.status, SHEET_STATUS_LABELS],
    ["indicator kind", indicatorInputSchema.shape.kind, INDICATOR_KIND_LABELS],
    ["referral consent", createReferralSchema.shape.consent, CONSENT_LABELS],
    ["referral status filter", listReferralsQuery.shape.status, REFERRAL_STATUS_LABELS, ["overdue"]],
    ["referral move", transitionSchema.shape.to, REFERRAL_MOVE_LABELS],
    ["case phase filter", listCasesQuery.shape.phase, PHASE_LABELS],
    ["case phase change", changePhaseSchema.shape.to, PHASE_LABELS],
    ["case consent", consentSchema.shape.consent, CONSENT_LABELS],
    ["record visibility", createRecordSchema.shape.visibility, VISIBILITY_LABELS],
    ["plan kind", createPlanSchema.shape.kind, PLAN_KIND_LABELS],
    ["goal term", savePlanSchema.shape.goals.unwrap().element.shape.term, GOAL_TERM_LABELS],
    ["task answer", respondTaskSchema.shape.response, TASK_RESPONSE_LABELS],
    ["closure reason", closureSchema.shape.reason, CLOSURE_REASON_LABELS],
  ];
  it.each(enums)("%s", (_name, schema, labels, notLabels = []) => {
    for (const v of optionsOf(schema).filter((o) => !notLabels.includes(o))) {
      expect(labels[v]?.trim(), `label of ${v}`).toBeTruthy();
    }
  });

  it("the need-to-know bases the policies answer are the labelled ones", () => {
    expectTypeOf<policies.CaseBasis>().toEqualTypeOf<CaseBasis>();
    expectTypeOf<policies.ReferralBasis>().toEqualTypeOf<ReferralBasis>();
    expectTypeOf<policies.HouseholdBasis>().toEqualTypeOf<HouseholdBasis>();
    expectTypeOf<policies.PersonBasis["kind"]>().toEqualTypeOf<PersonBasisKind>();
  });
});
