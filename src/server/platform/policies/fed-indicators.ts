import { isPlanOffice, onlyFor } from "./roles.js";

/**
 * Indicators fed by computed measures. Which measure and filter feed an indicator is the plan office's decision, as
 * the indicator itself is; whoever may enter the year's actual decides on the suggestion (policies.enterActual), and
 * the suggestion itself is read suppressed by the plan side (measurePolicies.measuresSuppressedFor).
 */
export const fedIndicatorPolicies = {
  linkIndicatorToMeasure: onlyFor(isPlanOffice),
};
