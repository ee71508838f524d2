import type { PlacementInterruptionReason, PlacementStatus } from "../../domain/labels/placements.js";
import type { AgencyKey, PersonKey } from "./demo-support-data.js";

/**
 * The demo's participation support (参加支援): each status once on the demo cases, at the demo resources, and the
 * needs the workers looked for and did not find. Invented; every date is in 2025 so the follow-ups are due.
 */

export interface DemoPlacement {
  /** the case, by its main person */
  caseOf: PersonKey;
  /** the resource, by its name in DEMO_RESOURCES */
  resource: string;
  wishes: string;
  proposedBy: AgencyKey;
  /** the history in order; the last step is the placement's status */
  steps: { status: PlacementStatus; on: string; reason?: PlacementInterruptionReason; note?: string }[];
  followUpOn: string | null;
}

export const DEMO_PLACEMENTS: readonly DemoPlacement[] = [
  {
    caseOf: "taro",
    resource: "喫茶つなぐ 就労体験",
    wishes: "人と少しずつ話せるようになりたい。短い時間なら働いてみたい",
    proposedBy: "houkatsu",
    steps: [
      { status: "trial", on: "2025-06-04", note: "母と一緒に見学" },
      { status: "participating", on: "2025-06-25", note: "週1回、1時間から" },
      { status: "settled", on: "2025-09-10", note: "週2回に増やした" },
    ],
    followUpOn: "2025-12-10",
  },
  {
    caseOf: "taro",
    resource: "みなみ畑の居場所",
    wishes: "外で体を動かしたい",
    proposedBy: "houkatsu",
    steps: [
      { status: "trial", on: "2025-06-07" },
      { status: "interrupted", on: "2025-06-28", reason: "transport", note: "雨の日のバスがなく通えない" },
    ],
    followUpOn: null,
  },
  {
    caseOf: "ichiro",
    resource: "子ども・若者の一時的な居場所",
    wishes: "家にいづらいときに過ごせる場所がほしい",
    proposedBy: "kikan",
    steps: [
      { status: "trial", on: "2025-05-12" },
      { status: "participating", on: "2025-05-26" },
    ],
    followUpOn: "2025-08-25",
  },
  {
    caseOf: "hanako",
    resource: "きたまち いきいきサロン",
    wishes: "近所の人とお茶を飲みたい",
    proposedBy: "houkatsu",
    steps: [{ status: "trial", on: "2025-05-01", note: "民生委員が同行" }],
    followUpOn: "2025-05-15",
  },
];

export interface DemoUnmetNeed {
  caseOf: PersonKey;
  lookedFor: string;
  district: "中央地区" | "北地区" | "南地区" | null;
  audiences: string[];
  recordedOn: string;
  recordedBy: AgencyKey;
}

export const DEMO_UNMET_NEEDS: readonly DemoUnmetNeed[] = [
  {
    caseOf: "taro",
    lookedFor: "夜に通える若者の居場所",
    district: "南地区",
    audiences: ["youth"],
    recordedOn: "2025-06-30",
    recordedBy: "houkatsu",
  },
  {
    caseOf: "taro",
    lookedFor: "送迎つきの就労体験",
    district: "南地区",
    audiences: ["youth", "disability"],
    recordedOn: "2025-07-02",
    recordedBy: "houkatsu",
  },
  {
    caseOf: "ichiro",
    lookedFor: "中学生が放課後に勉強できる場所",
    district: "北地区",
    audiences: ["children"],
    recordedOn: "2025-05-20",
    recordedBy: "kikan",
  },
];
