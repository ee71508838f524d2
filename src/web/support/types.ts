import type { Session } from "../types";

/**
 * Shapes of the multi-layered support API answers as these pages use them (mirrors the presenters of the
 * agencies, persons and referrals modules).
 */

/** The session user as the server sends it for agency accounts (agency and coordinator flag included). */
export type SupportUser = Session["user"] & { agencyId?: string | null; isCoordinator?: boolean };

export interface Agency {
  id: string;
  name: string;
  category: string;
  kind: "public" | "provider";
  kindLabel: string;
  isCoordinator: boolean;
  departmentId: string | null;
  version: number;
}

export interface Person {
  id: string;
  nameKanji: string | null;
  nameKana: string;
  dateOfBirth: string | null;
  address: string | null;
  phone: string | null;
  createdByAgencyId: string | null;
  version: number;
}

/** Why the caller's agency may see a person found by a search (the need-to-know basis). */
export type PersonAccess = "coordinator" | "registrar" | "referral" | "case";

/** A search answer: the persons the caller may see, and whether others (outside its basis) match too. */
export interface PersonSearchResult {
  by: "reading" | "name";
  persons: (Person & { access: PersonAccess })[];
  /** persons the caller has no basis for match too: only that, and whom to ask */
  othersMatch: { askCoordinators: AgencyRef[] } | null;
  /** only the first matches were looked at (a very common beginning): typing more finds the rest */
  partial: boolean;
}

/** Staff see who a candidate is when they have a basis for it; otherwise (and a provider always) only the score and the reasons. */
export interface DuplicateCandidate {
  person?: Person;
  score: number;
  reasons: string[];
}

export interface AgencyRef {
  id: string;
  name: string;
}

export type ReferralStatus = "sent" | "accepted" | "in_progress" | "completed" | "declined" | "forwarded";
export type Consent = "given" | "not_given" | "unknown";

export interface Referral {
  id: string;
  personId: string;
  fromAgency: AgencyRef | null;
  /** null = sent to the 多機関協働 coordinators */
  toAgency: AgencyRef | null;
  toLabel: string;
  concerns: string[];
  observed: string;
  urgency: string;
  consent: Consent;
  consentDate: string | null;
  consentMethod: string | null;
  status: ReferralStatus;
  statusLabel: string;
  dueDate: string | null;
  overdue: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReferralListRow extends Referral {
  person: { id: string; nameKanji: string | null; nameKana: string };
}

export interface ReferralEvent {
  seq: number;
  status: ReferralStatus;
  statusLabel: string;
  at: string;
  byUserId: string | null;
  agency: AgencyRef | null;
  reason: string | null;
}

export type ReferralAccess = "coordinator" | "receiver" | "sender";

export interface ReferralDetail extends Referral {
  access: ReferralAccess;
  person: Person;
  events: ReferralEvent[];
  /** the case opened from this referral, when the caller may open that case */
  case: { id: string; phase: string; phaseLabel: string } | null;
}
