/**
 * How a year's actual of a fed indicator relates to its suggestion, decided when the actual is written (as a grade
 * other than the indicators' suggestion needs a reason): accepted as it is, or another value with a reason. The
 * decision is kept on the actual with what it was decided against (measure, filter, definition, time computed).
 */
import {
  FED_DECISION_LABELS,
  type FedDecision,
  SUPPRESSED_NOT_ACCEPTABLE,
} from "../../../domain/labels/fed-indicators.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { conflict, ValidationError } from "../../platform/errors.js";
import * as repo from "./repository.js";
import { type Suggestion, suggestionReader } from "./suggestion.js";

/** What an actual keeps of the suggestion it was decided against (indicator_actuals.fed). */
export interface FedProvenance {
  decision: FedDecision;
  decisionLabel: string;
  reason: string | null;
  measureKey: string;
  label: string;
  definition: string;
  filterLabel: string;
  breakdownRow: string | null;
  agencyId: string | null;
  districtId: string | null;
  source: Suggestion["source"];
  computedAt: string;
  /** the suggestion as the person deciding saw it */
  suggested: { value: number | null; state: string; display: string };
}

export interface ActualAgainstSuggestion {
  indicatorId: string;
  planId: string;
  fiscalYear: number;
  /** the number entered; null for a milestone or text actual */
  value: number | null;
  reason: string | null;
  /** the actual is the suggestion itself (POST …/accept-suggestion) */
  accept: boolean;
}

function provenanceOf(s: Suggestion, decision: FedDecision, reason: string | null): FedProvenance | null {
  if (!s.basis) return null;
  const b = s.basis;
  return {
    decision,
    decisionLabel: FED_DECISION_LABELS[decision],
    reason,
    measureKey: b.measureKey,
    label: b.label,
    definition: b.definition,
    filterLabel: b.filterLabel,
    breakdownRow: b.breakdownRow,
    agencyId: b.agencyId,
    districtId: b.districtId,
    source: s.source,
    computedAt: b.computedAt.toISOString(),
    suggested: {
      value: s.cell?.state === "shown" ? s.cell.value : null,
      state: s.cell?.state ?? "none",
      display: s.display,
    },
  };
}

/**
 * The decision an actual carries, or null when the indicator is not fed. Accepting takes the suggestion's value (a
 * suppressed or missing suggestion cannot be accepted: 409). Another number than a shown suggestion needs a reason
 * (field-named 400). A suppressed suggestion is never compared with what is typed: a refusal would tell the number.
 */
export async function decideAgainstSuggestion(
  tx: Executor,
  caller: AuthContext,
  a: ActualAgainstSuggestion,
): Promise<{ fed: FedProvenance | null; value: number | null }> {
  const link = await repo.findLink(tx, caller.municipalityId, a.indicatorId);
  if (!link) {
    if (a.accept) throw conflict("この指標は集計値とつながっていないため、提案値がありません");
    return { fed: null, value: a.value };
  }
  const reader = await suggestionReader(tx, caller, caller.municipalityId);
  const [s] = await reader.yearsOf(a.planId, link, [a.fiscalYear]);
  if (!s?.basis) {
    if (a.accept) throw conflict("この年度の提案値はありません（締め切りの後につないだ指標です）");
    return { fed: null, value: a.value };
  }
  const shown = s.cell?.state === "shown" ? s.cell.value : null;
  if (a.accept) {
    if (shown === null) throw conflict(SUPPRESSED_NOT_ACCEPTABLE);
    return { fed: provenanceOf(s, "accepted", null), value: shown };
  }
  const reason = a.reason?.trim() ? a.reason.trim() : null;
  if (shown !== null && a.value === shown) return { fed: provenanceOf(s, "accepted", null), value: a.value };
  if (shown !== null && !reason) {
    throw new ValidationError([
      {
        field: "suggestionReason",
        message: `提案値（${s.display}）と異なる実績とするときは、その理由を入力してください`,
      },
    ]);
  }
  return { fed: provenanceOf(s, "other", reason), value: a.value };
}
