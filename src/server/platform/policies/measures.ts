import type { AuthContext } from "../auth/context.js";
import { isCoordinatorStaff, onlyFor, readsPlanSide } from "./roles.js";

/**
 * Computed measures (統計). The counts are the same for every caller; what differs is whether small ones are shown.
 * The 多機関協働 coordinators (who see every case) and the support-side administrator read raw counts: for them no
 * number leaves the support side's need-to-know. The plan side (plan office, department editors, viewers, the system
 * administrator, who works there) reads them suppressed, as do operators' commands, whose output leaves the system.
 * Other agency staff and providers do not read them: an agency's own small numbers would point at its own clients.
 */
const readsRawMeasures = (a: AuthContext) => a.role === "support_admin" || isCoordinatorStaff(a);

export const measurePolicies = {
  readMeasures: onlyFor((a) => readsRawMeasures(a) || readsPlanSide(a)),
  /** whether small counts are suppressed for this caller (an operator's command has no session: suppressed) */
  measuresSuppressedFor(a: AuthContext | null): boolean {
    return a === null || !readsRawMeasures(a);
  },
  /** the threshold is the support side's setting: its administrator's (the system administrator administers both) */
  setSuppressionThreshold: onlyFor((a) => a.role === "support_admin" || a.role === "system_admin"),
};
