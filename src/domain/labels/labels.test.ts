import { describe, expect, expectTypeOf, it } from "vitest";
import {
  PRINCIPAL_LABELS,
  PRINCIPALS,
  ROLE_LABELS,
  ROLES,
  SIDE_LABELS,
  SIDE_OF_ROLE,
  type Side,
} from "../access/principals";
import { DEFAULT_LADDER } from "../indicators/milestones";
import { parseTarget, type TargetKind } from "../indicators/target";
import { CHANGE_TYPE_LABELS, DIFF_SUMMARY_LABELS } from "../revisions/diff-table";
import type { ChangeType } from "../revisions/diff-types";
import {
  AUDIT_ACTION_KIND_LABELS,
  AUDIT_ACTION_KINDS,
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPE_LABELS,
  AUDIT_ENTITY_TYPES,
  auditActionLabel,
  REFUSED_ACTION_LABELS,
  REFUSED_ACTIONS,
  USER_ACTION_LABELS,
  USER_ACTIONS,
} from "./audit";
import {
  COMMITTEE_KIND_LABELS,
  COMMITTEE_KINDS,
  OPINION_STATUS_LABELS,
  OPINION_STATUSES,
  RESPONSE_STATUS_LABELS,
  RESPONSE_STATUSES,
} from "./committees";
import {
  REVISION_STATUS_LABELS,
  REVISION_STATUSES,
  ROUND_STATUS_LABELS,
  ROUND_STATUSES,
  SHEET_ACTION_LABELS,
  SHEET_ACTIONS,
  SHEET_FIELD_LABELS,
  SHEET_FIELDS,
  SHEET_STATUS_LABELS,
  SHEET_STATUSES,
} from "./evaluation";
import { FED_DECISION_LABELS, FED_DECISIONS, FED_SOURCE_LABELS, FED_SOURCES } from "./fed-indicators";
import { HOME_ITEM_LABELS, HOME_ITEMS, HOME_SECTION_LABELS, HOME_SECTIONS } from "./home";
import { WORKBOOK_PROBLEM_KINDS, WORKBOOK_PROBLEM_LABELS } from "./imports";
import {
  ATTAINMENT_LABELS,
  ATTAINMENT_STATUSES,
  INDICATOR_KIND_LABELS,
  INDICATOR_KINDS,
  MATRIX_MARK_LABELS,
  MATRIX_MARKS,
  TARGET_KIND_LABELS,
} from "./indicators";
import {
  MAIL_SECURITIES,
  MAIL_SECURITY_LABELS,
  NOTICE_MAIL_KIND_LABELS,
  NOTICE_MAIL_KINDS,
  NOTICE_MAIL_REASON_LABELS,
  NOTICE_MAIL_REASONS,
} from "./mail";
import {
  MEASURE_DEFINITIONS,
  MEASURE_FILTER_LABELS,
  MEASURE_FILTERS,
  MEASURE_GROUP_LABELS,
  MEASURE_GROUPS,
  MEASURE_KEYS,
  MEASURE_LABELS,
} from "./measures";
import {
  MID_YEAR_FIELD_LABELS,
  MID_YEAR_FIELDS,
  MID_YEAR_PROGRESS,
  MID_YEAR_PROGRESS_LABELS,
  MID_YEAR_ROUND_STATUS_LABELS,
  MID_YEAR_ROUND_STATUSES,
  MID_YEAR_SHEET_STATUS_LABELS,
  MID_YEAR_SHEET_STATUSES,
} from "./mid-year";
import { NOTICE_KIND_LABELS, NOTICE_KINDS } from "./notices";
import {
  PROPOSAL_DECISION_LABELS,
  PROPOSAL_DECISIONS,
  RESOURCE_AUDIENCE_LABELS,
  RESOURCE_AUDIENCES,
  RESOURCE_CATEGORIES,
  RESOURCE_CATEGORY_LABELS,
  RESOURCE_STATUS_LABELS,
  RESOURCE_STATUSES,
  WEEKDAY_LABELS,
  WEEKDAYS,
} from "./resources";
import {
  AGENCY_KIND_LABELS,
  AGENCY_KINDS,
  CASE_BASES,
  CASE_BASIS_LABELS,
  CASE_CONSENTS,
  CONSENT_LABELS,
  CONSENT_METHOD_LABELS,
  CONSENT_METHODS,
  CONSENT_SCOPE_LABELS,
  CONSENT_SCOPES,
  DISCLOSURE_KIND_LABELS,
  DISCLOSURE_KINDS,
  disclosureKind,
  HOUSEHOLD_BASES,
  HOUSEHOLD_BASIS_LABELS,
  PERSON_BASES,
  PERSON_BASIS_LABELS,
  PHASE_LABELS,
  PHASES,
  RECORD_VISIBILITIES,
  REFERRAL_BASES,
  REFERRAL_BASIS_LABELS,
  REFERRAL_BOX_LABELS,
  REFERRAL_BOXES,
  REFERRAL_MOVE_LABELS,
  REFERRAL_STATUS_LABELS,
  REFERRAL_STATUSES,
  TEAM_EVENT_KINDS,
  TEAM_EVENT_LABELS,
  VISIBILITY_LABELS,
} from "./support";
import {
  CLOSURE_REASON_LABELS,
  CLOSURE_REASONS,
  GOAL_TERM_LABELS,
  GOAL_TERMS,
  PLAN_KIND_LABELS,
  PLAN_KINDS,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  TASK_RESPONSE_LABELS,
  TASK_RESPONSES,
} from "./support-plans";

/** Every value has a word, and the table words nothing else (a leftover key is a value that no longer exists). */
function expectLabelled(values: readonly string[], labels: Readonly<Record<string, string>>) {
  for (const v of values) expect(labels[v]?.trim(), `label of ${v}`).toBeTruthy();
  expect(Object.keys(labels).sort()).toEqual([...new Set(values)].sort());
}

const TARGET_KINDS = ["numeric", "milestone", "asNeeded", "text"] as const;
const CHANGE_TYPES = Object.keys(CHANGE_TYPE_LABELS) as ChangeType[];

describe("every value shown to people has a label", () => {
  const tables: [string, readonly string[], Readonly<Record<string, string>>][] = [
    ["roles", ROLES, ROLE_LABELS],
    ["principals", PRINCIPALS, PRINCIPAL_LABELS],
    ["sides", Object.values(SIDE_OF_ROLE), SIDE_LABELS],
    ["sheet statuses", SHEET_STATUSES, SHEET_STATUS_LABELS],
    ["round statuses", ROUND_STATUSES, ROUND_STATUS_LABELS],
    ["sheet fields", SHEET_FIELDS, SHEET_FIELD_LABELS],
    ["sheet actions", SHEET_ACTIONS, SHEET_ACTION_LABELS],
    ["mid-year progress", MID_YEAR_PROGRESS, MID_YEAR_PROGRESS_LABELS],
    ["mid-year sheet statuses", MID_YEAR_SHEET_STATUSES, MID_YEAR_SHEET_STATUS_LABELS],
    ["mid-year sheet fields", MID_YEAR_FIELDS, MID_YEAR_FIELD_LABELS],
    ["mid-year round statuses", MID_YEAR_ROUND_STATUSES, MID_YEAR_ROUND_STATUS_LABELS],
    ["revision statuses", REVISION_STATUSES, REVISION_STATUS_LABELS],
    ["indicator kinds", INDICATOR_KINDS, INDICATOR_KIND_LABELS],
    ["target kinds", TARGET_KINDS, TARGET_KIND_LABELS],
    ["attainment", ATTAINMENT_STATUSES, ATTAINMENT_LABELS],
    ["department marks", MATRIX_MARKS, MATRIX_MARK_LABELS],
    ["change types of a diff", CHANGE_TYPES, CHANGE_TYPE_LABELS],
    ["referral statuses", REFERRAL_STATUSES, REFERRAL_STATUS_LABELS],
    ["referral moves", REFERRAL_STATUSES.filter((s) => s !== "sent"), REFERRAL_MOVE_LABELS],
    ["referral lists", REFERRAL_BOXES, REFERRAL_BOX_LABELS],
    ["case phases", PHASES, PHASE_LABELS],
    ["consent", CASE_CONSENTS, CONSENT_LABELS],
    ["consent scopes", CONSENT_SCOPES, CONSENT_SCOPE_LABELS],
    ["consent methods", CONSENT_METHODS, CONSENT_METHOD_LABELS],
    ["record visibility", RECORD_VISIBILITIES, VISIBILITY_LABELS],
    ["team changes", TEAM_EVENT_KINDS, TEAM_EVENT_LABELS],
    ["agency kinds", AGENCY_KINDS, AGENCY_KIND_LABELS],
    ["referral bases", REFERRAL_BASES, REFERRAL_BASIS_LABELS],
    ["case bases", CASE_BASES, CASE_BASIS_LABELS],
    ["disclosure kinds", DISCLOSURE_KINDS, DISCLOSURE_KIND_LABELS],
    ["household bases", HOUSEHOLD_BASES, HOUSEHOLD_BASIS_LABELS],
    ["person bases", PERSON_BASES, PERSON_BASIS_LABELS],
    ["audit action kinds", AUDIT_ACTION_KINDS, AUDIT_ACTION_KIND_LABELS],
    ["audit actions", AUDIT_ACTIONS, AUDIT_ACTION_LABELS],
    ["account changes", USER_ACTIONS, USER_ACTION_LABELS],
    ["audit target kinds", AUDIT_ENTITY_TYPES, AUDIT_ENTITY_TYPE_LABELS],
    ["refused actions", REFUSED_ACTIONS, REFUSED_ACTION_LABELS],
    ["workbook problems", WORKBOOK_PROBLEM_KINDS, WORKBOOK_PROBLEM_LABELS],
    ["notice mail kinds", NOTICE_MAIL_KINDS, NOTICE_MAIL_KIND_LABELS],
    ["notice mail reasons", NOTICE_MAIL_REASONS, NOTICE_MAIL_REASON_LABELS],
    ["mail security", MAIL_SECURITIES, MAIL_SECURITY_LABELS],
    ["home items", HOME_ITEMS, HOME_ITEM_LABELS],
    ["home sections", HOME_SECTIONS, HOME_SECTION_LABELS],
    ["notice kinds", NOTICE_KINDS, NOTICE_KIND_LABELS],
    ["plan kinds", PLAN_KINDS, PLAN_KIND_LABELS],
    ["plan statuses", PLAN_STATUSES, PLAN_STATUS_LABELS],
    ["goal terms", GOAL_TERMS, GOAL_TERM_LABELS],
    ["task responses", TASK_RESPONSES, TASK_RESPONSE_LABELS],
    ["measures", MEASURE_KEYS, MEASURE_LABELS],
    ["measure definitions", MEASURE_KEYS, MEASURE_DEFINITIONS],
    ["measure groups", MEASURE_GROUPS, MEASURE_GROUP_LABELS],
    ["measure filters", MEASURE_FILTERS, MEASURE_FILTER_LABELS],
    ["closure reasons", CLOSURE_REASONS, CLOSURE_REASON_LABELS],
    ["resource categories", RESOURCE_CATEGORIES, RESOURCE_CATEGORY_LABELS],
    ["resource audiences", RESOURCE_AUDIENCES, RESOURCE_AUDIENCE_LABELS],
    ["resource statuses", RESOURCE_STATUSES, RESOURCE_STATUS_LABELS],
    ["days of the week", WEEKDAYS, WEEKDAY_LABELS],
    ["proposal decisions", PROPOSAL_DECISIONS, PROPOSAL_DECISION_LABELS],
    ["decisions on a suggested actual", FED_DECISIONS, FED_DECISION_LABELS],
    ["committee kinds", COMMITTEE_KINDS, COMMITTEE_KIND_LABELS],
    ["opinion statuses", OPINION_STATUSES, OPINION_STATUS_LABELS],
    ["answer statuses", RESPONSE_STATUSES, RESPONSE_STATUS_LABELS],
    ["sources of a suggested actual", FED_SOURCES, FED_SOURCE_LABELS],
  ];
  it.each(tables)("%s", (_name, values, labels) => expectLabelled(values, labels));

  it("the lists are the types' members (a new member without a label is a type error)", () => {
    expectTypeOf<(typeof TARGET_KINDS)[number]>().toEqualTypeOf<TargetKind>();
    expectTypeOf<(typeof SIDE_OF_ROLE)[keyof typeof SIDE_OF_ROLE]>().toEqualTypeOf<Side>();
    for (const source of ["15事業者以上", "試行実施", "適宜", "地域の見守りを進める"]) {
      expect(TARGET_KIND_LABELS[parseTarget(source, DEFAULT_LADDER).kind]).toBeTruthy();
    }
  });

  it("the diff's counts are worded as its rows' 種別", () => {
    expect(Object.values(DIFF_SUMMARY_LABELS).every((l) => Object.values(CHANGE_TYPE_LABELS).includes(l))).toBe(true);
  });

  it("an account's change reads the same in the account changes list and in the audit trail", () => {
    for (const a of USER_ACTIONS) expect(auditActionLabel(a, "user")).toBe(USER_ACTION_LABELS[a]);
    expect(auditActionLabel("submit", "evaluation_sheet")).toBe("提出");
    expect(auditActionLabel("create", "case_record")).toBe("作成");
    expect(auditActionLabel("no_such_action", "case")).toBe("no_such_action");
  });
});

describe("disclosureKind reads the stored basis of a case's personal content", () => {
  it("names each kind the server writes and nothing else", () => {
    expect(disclosureKind("case:coordinator")).toBe("coordinator");
    expect(disclosureKind("case:lead")).toBe("lead");
    expect(disclosureKind("consent:0b1e3c4a-1111-4222-8333-944455556666")).toBe("consent");
    expect(disclosureKind("art106_6:meeting:0b1e3c4a-1111-4222-8333-944455556666")).toBe("art106_6");
    expect(disclosureKind(null)).toBeNull();
    expect(disclosureKind("case:team")).toBeNull();
    expect(disclosureKind("household:x")).toBeNull();
  });
});
