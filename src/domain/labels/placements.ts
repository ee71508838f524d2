/**
 * Participation support (参加支援, issue 14 item 2) in words: a placement's status in its order, the reasons it was
 * interrupted. Screens, presenters and the placements measure read these.
 */

/** The order a placement moves in: 見学・体験 → 参加 → 定着; 中断 may follow any of them and ends it. */
export const PLACEMENT_STATUSES = ["trial", "participating", "settled", "interrupted"] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];
export const PLACEMENT_STATUS_LABELS: Record<PlacementStatus, string> = {
  trial: "見学・体験",
  participating: "参加",
  settled: "定着",
  interrupted: "中断",
};

/** The statuses each status may move to (anything else is refused with the field named). */
export const PLACEMENT_NEXT: Record<PlacementStatus, readonly PlacementStatus[]> = {
  trial: ["participating", "interrupted"],
  participating: ["settled", "interrupted"],
  settled: ["interrupted"],
  interrupted: [],
};

export const PLACEMENT_INTERRUPTION_REASONS = [
  "health",
  "not_matched",
  "relationships",
  "transport",
  "person_wish",
  "resource_closed",
  "other",
] as const;
export type PlacementInterruptionReason = (typeof PLACEMENT_INTERRUPTION_REASONS)[number];
export const PLACEMENT_INTERRUPTION_REASON_LABELS: Record<PlacementInterruptionReason, string> = {
  health: "体調",
  not_matched: "本人の希望と合わなかった",
  relationships: "人間関係",
  transport: "移動手段",
  person_wish: "本人の申し出",
  resource_closed: "資源の休止・終了",
  other: "その他",
};
