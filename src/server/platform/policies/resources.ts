import type { AuthContext } from "../auth/context.js";
import { forbidden, notFound } from "../errors.js";
import { actsForAgency, isAgencyStaff, isCoordinatorStaff, isSupportAdmin, onlyFor } from "./roles.js";

/**
 * The local resource directory (地域資源, issue 14). It holds no personal data, so the whole support side reads it
 * (administrators, agency staff, providers); the plan side does not, as with every other support-side tool (it
 * gets the directory's numbers through the computed measures, never the directory). Agency staff keep it; a
 * provider proposes, and a proposal is seen by the coordinators and the proposing agency until a coordinator
 * decides. A hidden location (a shelter) is need-to-know: the coordinators and the operator agency only.
 */

export interface ResourceFacts {
  status: string;
  operatorAgencyId: string | null;
  proposedByAgencyId: string | null;
  locationHidden: boolean;
}

/** A proposal (提案中) or one turned down (見送り): not part of the directory yet. */
const isProposal = (r: { status: string }) => r.status === "proposed" || r.status === "rejected";

export const resourcePolicies = {
  readResources: onlyFor((a) => isSupportAdmin(a) || actsForAgency(a)),
  /** agency staff add to the directory directly; a provider's addition is a proposal */
  addResource: onlyFor(actsForAgency),
  reviewResourceProposals: onlyFor(isCoordinatorStaff),
  /** a community hub's monthly participation (地域づくりの拠点): agency staff record it */
  recordResourceActivity: onlyFor(isAgencyStaff),
  /** Whose proposals a list shows: all (coordinators), the caller's agency's, or none. */
  proposalScope(a: AuthContext): "all" | { agencyId: string } | "none" {
    if (isCoordinatorStaff(a)) return "all";
    if (a.role === "provider" && a.agencyId) return { agencyId: a.agencyId };
    return "none";
  },
  canSeeResource(a: AuthContext, r: ResourceFacts): boolean {
    if (!isProposal(r)) return true;
    return isCoordinatorStaff(a) || (!!a.agencyId && a.agencyId === r.proposedByAgencyId);
  },
  readResource(a: AuthContext, r: ResourceFacts) {
    resourcePolicies.readResources(a);
    if (!resourcePolicies.canSeeResource(a, r)) throw notFound("地域資源");
  },
  /** the address of a hidden location: the coordinators and the operator agency's staff */
  seesHiddenLocation(a: AuthContext, r: ResourceFacts): boolean {
    return !r.locationHidden || isCoordinatorStaff(a) || (!!a.agencyId && a.agencyId === r.operatorAgencyId);
  },
  /**
   * Editing: agency staff, on a resource in the directory; a hidden location only by those who see it (an edit
   * sends the whole resource, and one who cannot see the address cannot keep it).
   */
  editResource(a: AuthContext, r: ResourceFacts) {
    resourcePolicies.readResource(a, r);
    if (!isAgencyStaff(a)) throw forbidden();
    if (!resourcePolicies.seesHiddenLocation(a, r)) throw forbidden();
  },
};
