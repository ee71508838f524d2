import type { MeetingAccess, MeetingLegalBasis } from "../../../domain/labels/meetings.js";
import type { AuthContext } from "../auth/context.js";
import { forbidden } from "../errors.js";
import { actsForAgency, isAgencyStaff, isCoordinatorStaff, isSupportAdmin, onlyFor } from "./roles.js";
import type { CaseBasis } from "./support.js";

/**
 * Meetings (支援会議 / 重層的支援会議, issue 12). A meeting's existence is need-to-know: its readers are the 多機関協働
 * coordinators (the municipality's 重層的支援 office, who convene meetings), the secretariat agency's staff and the
 * meeting's current members; everyone else 404. A member of a 支援会議 sees nothing of it but that it exists until
 * they have signed the confidentiality pledge (誓約) for that meeting: the law lets members share without consent
 * precisely because each is bound by confidentiality.
 */

/** The caller's own row on a meeting's roster (current or former). */
export interface OwnMembership {
  leftAt: Date | null;
  pledgedOn: string | null;
}

export const meetingPolicies = {
  /** Kinds of meeting and 地区 are read by the support side's administrators and agency staff. */
  readMeetingSettings: onlyFor((a) => isSupportAdmin(a) || isAgencyStaff(a)),
  /** 地区 are also where the resource directory's entries are: providers read them to find and propose resources. */
  readDistricts: onlyFor((a) => isSupportAdmin(a) || actsForAgency(a)),
  /** The municipality's kinds of meeting (and their legal basis) are the support-side administrators' setting. */
  manageMeetingKinds: onlyFor(isSupportAdmin),
  /** 地区: the support-side administrators, and the coordinators who convene meetings per 地区. */
  manageDistricts: onlyFor((a) => isSupportAdmin(a) || isCoordinatorStaff(a)),
  /** Both kinds of meeting are convened by the coordinators (the municipality's 重層的支援 office). */
  conveneMeetings: onlyFor(isCoordinatorStaff),
  /** The meeting list is for agency staff: each sees the meetings it may read (coordinators all). */
  listMeetings: onlyFor(isAgencyStaff),
  /**
   * The caller's part in a meeting, or null: hidden (404). A former member (left) is an outsider again; a member of a
   * 支援会議 who has not pledged is `pledge_pending`.
   */
  meetingAccess(
    a: AuthContext,
    m: { secretariatAgencyId: string },
    legalBasis: MeetingLegalBasis,
    own: OwnMembership | null,
  ): MeetingAccess | null {
    if (!isAgencyStaff(a)) return null;
    if (a.isCoordinator) return "coordinator";
    if (m.secretariatAgencyId === a.agencyId) return "secretariat";
    if (!own || own.leftAt) return null;
    if (legalBasis === "art106_6" && !own.pledgedOn) return "pledge_pending";
    return "member";
  },
  /** Whether the caller sees the meeting's roster, agenda, decisions and minutes. */
  seesMeetingContent(access: MeetingAccess): boolean {
    return access !== "pledge_pending";
  },
  /** Roster, agenda, decisions, minutes and the meeting's details: the coordinators and the secretariat. */
  manageMeeting(access: MeetingAccess) {
    if (access !== "coordinator" && access !== "secretariat") throw forbidden();
  },
  /**
   * A pledge is the member's own act: a member records their own; the secretariat (or the coordinators) record it
   * for an outside expert, who has no account. Nobody pledges for another account.
   */
  recordPledge(a: AuthContext, access: MeetingAccess, member: { userId: string | null }) {
    if (member.userId) {
      if (member.userId !== a.userId) throw forbidden();
      return;
    }
    meetingPolicies.manageMeeting(access);
  },
  /**
   * The operator's meeting counts carry no names (of persons or members): for operator commands only, an actor
   * without a user row whose label names the command line.
   */
  countMeetingsAsOperator(a: { userId: string | null; loginId: string }) {
    if (a.userId !== null || !a.loginId.startsWith("cli:")) throw forbidden();
  },
  /** 支援決定 is recorded by the coordinators (the municipality's decision, as they were told it); the team 403. */
  recordSupportDecision(basis: CaseBasis) {
    if (basis !== "coordinator") throw forbidden();
  },
};
