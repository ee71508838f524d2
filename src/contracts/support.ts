import type { z } from "zod";
import type { presentAgency } from "../server/modules/agencies/presenter.js";
import type { createAgencySchema } from "../server/modules/agencies/schema.js";
import type { listAssessments } from "../server/modules/cases/assessments.js";
import type {
  Assessment as AssessmentDto,
  AssessmentVersion as AssessmentVersionDto,
  CaseDetail as CaseDetailDto,
  CaseSummary as CaseSummaryDto,
} from "../server/modules/cases/presenter.js";
import type { listRecords } from "../server/modules/cases/records.js";
import type {
  addTeamAgencySchema,
  changePhaseSchema,
  consentSchema,
  createRecordSchema,
  openCaseSchema,
  saveAssessmentSchema,
  updateCaseSchema,
} from "../server/modules/cases/schema.js";
import type { listCases } from "../server/modules/cases/service.js";
import type { putConcernsSchema } from "../server/modules/concerns/schema.js";
import type { ConcernList as ConcernListDto } from "../server/modules/concerns/service.js";
import type {
  Household as HouseholdDto,
  HouseholdMember as HouseholdMemberDto,
  HouseholdSummary as HouseholdSummaryDto,
} from "../server/modules/households/presenter.js";
import type { createHouseholdSchema, memberSchema } from "../server/modules/households/schema.js";
import type { presentPerson } from "../server/modules/persons/presenter.js";
import type { createPersonSchema, linkPersonsSchema, searchPersonsSchema } from "../server/modules/persons/schema.js";
import type { searchPersons } from "../server/modules/persons/search.js";
import type { createPerson } from "../server/modules/persons/service.js";
import type { presentReferral } from "../server/modules/referrals/presenter.js";
import type { createReferralSchema, ReferralStatus, transitionSchema } from "../server/modules/referrals/schema.js";
import type { getReferral, listReferrals } from "../server/modules/referrals/service.js";
import type { Jsonify, JsonOf } from "./json.js";

export type { ReferralStatus };

// Agencies (GET /api/agencies)
export type Agency = Jsonify<ReturnType<typeof presentAgency>>;
/** An agency as the user screens need it (GET /api/agencies answers the whole agency). */
export type AgencyOption = Agency;
export type CreateAgencyInput = z.input<typeof createAgencySchema>;

// Persons
export type Person = Jsonify<ReturnType<typeof presentPerson>>;
/** POST /api/persons/search: the persons the caller may see, and whether others (outside its basis) match too. */
export type PersonSearchResult = JsonOf<typeof searchPersons>;
/** Why the caller's agency may see a person found by a search (the need-to-know basis). */
export type PersonAccess = PersonSearchResult["persons"][number]["access"];
export type AgencyRef = NonNullable<PersonSearchResult["othersMatch"]>["askCoordinators"][number];
/** POST /api/persons: the person registered, with the likely duplicates. */
export type PersonCreated = JsonOf<typeof createPerson>;
/** Staff see who a candidate is when they have a basis for it; otherwise (a provider always) the score and reasons. */
export type DuplicateCandidate = PersonCreated["duplicateCandidates"][number];
export type SearchPersonsInput = z.input<typeof searchPersonsSchema>;
export type CreatePersonInput = z.input<typeof createPersonSchema>;
export type LinkPersonsInput = z.input<typeof linkPersonsSchema>;

// Referrals (つなぐシート)
export type Referral = Jsonify<ReturnType<typeof presentReferral>>;
export type Consent = Referral["consent"];
export type ReferralListRow = JsonOf<typeof listReferrals>[number];
export type ReferralDetail = JsonOf<typeof getReferral>;
/** A referral whose person the caller sees (the coordinators always do: the case opening works on these). */
export type DisclosedReferral = ReferralDetail & {
  person: NonNullable<ReferralDetail["person"]>;
  personId: string;
  observed: string;
};
export type ReferralEvent = ReferralDetail["events"][number];
export type ReferralAccess = ReferralDetail["access"];
export type CreateReferralInput = z.input<typeof createReferralSchema>;
export type TransitionInput = z.input<typeof transitionSchema>;

// 相談の分類 (GET /api/concerns)
export type ConcernList = Jsonify<ConcernListDto>;
export type ConcernCategory = ConcernList["categories"][number];
export type PutConcernsInput = z.input<typeof putConcernsSchema>;

// Households (世帯)
export type HouseholdMember = Jsonify<HouseholdMemberDto>;
export type HouseholdSummary = Jsonify<HouseholdSummaryDto>;
export type Household = Jsonify<HouseholdDto>;
export type CreateHouseholdInput = z.input<typeof createHouseholdSchema>;
export type MemberInput = z.input<typeof memberSchema>;

// Cases (ケース)
export type CaseSummary = Jsonify<CaseSummaryDto>;
/** GET /api/cases: one page of the cases the caller may see. */
export type CasePage = JsonOf<typeof listCases>;
export type CaseDetail = Jsonify<CaseDetailDto>;
export type CaseRecords = JsonOf<typeof listRecords>;
export type CaseRecord = CaseRecords["records"][number];
export type AssessmentVersion = Jsonify<AssessmentVersionDto>;
export type Assessment = Jsonify<AssessmentDto>;
/** GET /api/cases/:caseId/assessments */
export type AssessmentList = JsonOf<typeof listAssessments>;
export type OpenCaseInput = z.input<typeof openCaseSchema>;
export type UpdateCaseInput = z.input<typeof updateCaseSchema>;
export type ChangePhaseInput = z.input<typeof changePhaseSchema>;
export type ConsentInput = z.input<typeof consentSchema>;
export type AddTeamAgencyInput = z.input<typeof addTeamAgencySchema>;
export type CreateRecordInput = z.input<typeof createRecordSchema>;
export type SaveAssessmentInput = z.input<typeof saveAssessmentSchema>;
