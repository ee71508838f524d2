import type { ExpertRole } from "../../domain/labels/meetings.js";
import type { ClosureReason, GoalTerm, TaskResponse } from "../../domain/labels/support-plans.js";
import type { DemoCase } from "./demo-cases.js";
import type { AgencyKey } from "./demo-support-data.js";

/**
 * The invented meetings and support plans of the demo (issue 12): the 地区, a 支援会議 about a family that has not
 * consented yet, 重層的支援会議 approving plans, and a case already closed. Dates are the demo's own (2024–2025).
 */

export const DEMO_DISTRICTS = ["中央地区", "北地区", "南地区"] as const;
export type DistrictName = (typeof DEMO_DISTRICTS)[number];

export interface DemoMeeting {
  legalBasis: "art106_6" | "consent";
  title: string;
  /** the day the coordinators convened it (roster and agenda set) */
  convenedOn: string;
  heldOn: string;
  startsAt: string;
  district: DistrictName;
  /** staff members by their agency (each agency's demo account), with the day of their pledge if they made one */
  staff: { agency: AgencyKey; pledgedOn: string | null }[];
  experts: { name: string; affiliation: string; role: ExpertRole; pledgedOn: string }[];
  decision: string;
  minutes: string;
}

export interface DemoPlan {
  kind: "support" | "outreach";
  /** drafted by; the coordinators approve at the meeting */
  draftedBy: AgencyKey;
  draftedOn: string;
  wishes: string;
  goals: {
    term: GoalTerm;
    text: string;
    tasks: {
      agency: AgencyKey;
      role: string;
      text: string;
      dueOn: string | null;
      response: TaskResponse;
      respondedOn?: string;
      reason?: string;
      doneOn?: string;
    }[];
  }[];
}

export interface DemoMonitoring {
  by: AgencyKey;
  heldOn: string;
  /** the progress of each goal, in the plan's order */
  progress: string[];
  nextReviewOn: string | null;
  note: string;
  isFinal: boolean;
}

/** 見本家: the mother has not agreed to share yet, so the family is discussed at a 支援会議 under art. 106-6. */
export const OUTREACH_MEETING: DemoMeeting = {
  legalBasis: "art106_6",
  title: "支援会議（南地区）令和7年4月",
  convenedOn: "2025-04-17",
  heldOn: "2025-04-24",
  startsAt: "14:00",
  district: "南地区",
  staff: [
    { agency: "coord", pledgedOn: "2025-04-24" },
    { agency: "kikan", pledgedOn: "2025-04-24" },
  ],
  experts: [{ name: "法務 誠（デモ）", affiliation: "つなぐ架空法律事務所", role: "lawyer", pledgedOn: "2025-04-22" }],
  decision:
    "本人と母の同意が得られるまで、アウトリーチ支援プランにより基幹相談支援センターと子ども家庭センターが家庭訪問を続ける。次回の支援会議で経過を確認する（デモ）。",
  minutes:
    "出席：構成員3名（全員が誓約済み）。\n議題：見本家（ヤングケアラーの疑い）。\n経過：基幹相談支援センターから、弟の通所先が決まらず一郎さんの欠席が続いていると報告。母はまだ情報共有に同意していない。\n意見：弁護士から、同意がない段階で共有する情報は支援に必要な範囲に限るよう助言があった。\n結論：アウトリーチ支援プランを承認（デモ）。",
};

export const OUTREACH_PLAN: DemoPlan = {
  kind: "outreach",
  draftedBy: "kikan",
  draftedOn: "2025-04-21",
  wishes: "（本人とはまだ話せていない）母：弟の通う先が決まれば、一郎を学校に行かせてやりたい（デモ）。",
  goals: [
    {
      term: "long",
      text: "一郎さんが家族の介助を抱え込まず、学校生活を続けられる",
      tasks: [],
    },
    {
      term: "short",
      text: "母との関係をつくり、弟の日中の通所先を一緒に探す",
      tasks: [
        {
          agency: "kikan",
          role: "障害福祉サービスの調整",
          text: "月2回家庭を訪問し、弟の日中活動の利用先を母と一緒に探す",
          dueOn: "2025-06-30",
          response: "accepted",
          respondedOn: "2025-04-25",
          doneOn: "2025-06-26",
        },
        {
          agency: "kodomo",
          role: "学校との連絡",
          text: "学校と連絡を取り合い、一郎さんの出席と様子を確認する",
          dueOn: "2025-06-30",
          response: "pending",
        },
      ],
    },
  ],
};

/** つなぐ家: support decided, the consent in force, the plan agreed at a 重層的支援会議. */
export const TSUNAGU_DECISION = { decidedOn: "2025-05-15", decidedBy: "福祉政策課長" };

export const TSUNAGU_MEETING: DemoMeeting = {
  legalBasis: "consent",
  title: "重層的支援会議（中央地区）令和7年5月",
  convenedOn: "2025-05-15",
  heldOn: "2025-05-22",
  startsAt: "10:00",
  district: "中央地区",
  staff: [
    { agency: "coord", pledgedOn: null },
    { agency: "houkatsu", pledgedOn: null },
    { agency: "kikan", pledgedOn: null },
  ],
  experts: [],
  decision:
    "支援プラン第1版を承認。居場所への参加から始め、就労準備支援と家計改善支援を組み合わせる。3か月後にモニタリングを行う（デモ）。",
  minutes:
    "出席：多機関協働推進室、中央地域包括支援センター、基幹相談支援センター。\n議題：つなぐ家（8050）。本人と母の同意を確認。\n協議：母の介護負担の軽減と、本人の就労に向けた段階的な支援を確認した。\n結論：支援プランを承認（デモ）。",
};

export const TSUNAGU_PLAN: DemoPlan = {
  kind: "support",
  draftedBy: "houkatsu",
  draftedOn: "2025-05-08",
  wishes: "母の介護はこれからも続けたい。短い時間なら、外で働いてみたい（デモ）。",
  goals: [
    {
      term: "long",
      text: "母との暮らしを続けながら、本人が自分の収入を得られるようになる",
      tasks: [
        {
          agency: "coord",
          role: "就労と家計の支援へのつなぎ",
          text: "就労準備支援事業と家計改善支援事業の初回面談に同行する",
          dueOn: "2025-07-31",
          response: "accepted",
          respondedOn: "2025-05-23",
          doneOn: "2025-07-10",
        },
      ],
    },
    {
      term: "short",
      text: "週1回、地域の居場所に通い、生活のリズムを整える",
      tasks: [
        {
          agency: "houkatsu",
          role: "母の介護の支援",
          text: "母のデイサービスを週3回に増やせるようケアマネジャーと調整し、本人の介護の負担を減らす",
          dueOn: "2025-06-30",
          response: "accepted",
          respondedOn: "2025-05-26",
          doneOn: "2025-06-20",
        },
        {
          agency: "kikan",
          role: "障害福祉サービスの調整",
          text: "就労継続支援B型事業所の見学を調整する",
          dueOn: "2025-06-30",
          response: "declined",
          respondedOn: "2025-05-27",
          reason:
            "本人に障害の診断や手帳がなく、現時点では障害福祉サービスの対象とならないため。本人が受診を望んだときは改めて相談を受ける（デモ）。",
        },
      ],
    },
  ],
};

/** Its review was due in November 2025 and has not been held: the plan tab shows it overdue. */
export const TSUNAGU_MONITORING: DemoMonitoring = {
  by: "houkatsu",
  heldOn: "2025-08-21",
  progress: [
    "家計改善支援の面談を2回受けた。就労準備支援は見学まで（デモ）。",
    "居場所に毎週参加している。母のデイサービスは週3回になった（デモ）。",
  ],
  nextReviewOn: "2025-11-20",
  note: "本人から、秋から短時間の就労体験を始めたいと話があった（デモ）。",
  isFinal: false,
};

/** 仮名家: an older case, supported from autumn 2024 and closed when its goals were met. */
export const CLOSED_PERSON = {
  key: "kazuko",
  nameKanji: "仮名 和子",
  nameKana: "カメイ カズコ",
  dateOfBirth: "1939-07-07",
  agency: "houkatsu",
} as const;

export const CLOSED_REASON: { reason: ClosureReason; note: string } = {
  reason: "goals_met",
  note: "サービス付き高齢者向け住宅への転居が決まり、生活が安定した",
};

export const CLOSED_CASE: DemoCase<"kazuko"> = {
  household: { name: "仮名家", address: "つなぐ市北町1-2-3（架空）", registeredBy: "houkatsu" },
  members: [{ who: "kazuko", relationship: "本人" }],
  main: "kazuko",
  lead: "houkatsu",
  team: ["houkatsu"],
  consent: { consent: "given", consentDate: "2024-10-03", consentMethod: "書面" },
  consentedBy: ["kazuko"],
  issues: ["介護", "生活困窮"],
  phases: [
    { phase: "intake", on: "2024-10-03", by: "coord", reason: "窓口での相談からケースを開始（デモ）" },
    { phase: "assessment", on: "2024-10-10", by: "houkatsu" },
    { phase: "planning", on: "2024-11-07", by: "houkatsu" },
    { phase: "support", on: "2024-11-28", by: "coord", reason: "重層的支援会議でプランを確認（デモ）" },
    { phase: "closed", on: "2025-03-27", by: "houkatsu", reason: `目標達成：${CLOSED_REASON.note}` },
  ],
  records: [
    {
      by: "houkatsu",
      kind: "訪問",
      date: "2024-10-08",
      text: "自宅を訪問。家賃の滞納と、階段の上り下りが難しくなっていることを確認した（デモ）。",
      visibility: "team",
    },
    {
      by: "houkatsu",
      kind: "同行",
      date: "2025-02-14",
      text: "サービス付き高齢者向け住宅の見学に同行。本人が入居を決めた（デモ）。",
      visibility: "team",
    },
  ],
  assessments: [],
};

export const CLOSED_DECISION = { decidedOn: "2024-11-21", decidedBy: "福祉政策課長" };

export const CLOSED_MEETING: DemoMeeting = {
  legalBasis: "consent",
  title: "重層的支援会議（北地区）令和6年11月",
  convenedOn: "2024-11-21",
  heldOn: "2024-11-28",
  startsAt: "14:00",
  district: "北地区",
  staff: [
    { agency: "coord", pledgedOn: null },
    { agency: "houkatsu", pledgedOn: null },
  ],
  experts: [],
  decision: "支援プラン第1版を承認。住まいの確保を最優先とし、生活保護の相談を並行して進める（デモ）。",
  minutes:
    "出席：多機関協働推進室、中央地域包括支援センター。\n議題：仮名家（住まいと家計）。本人の同意を確認。\n結論：支援プランを承認（デモ）。",
};

export const CLOSED_PLAN: DemoPlan = {
  kind: "support",
  draftedBy: "houkatsu",
  draftedOn: "2024-11-07",
  wishes: "階段のない所で、一人で暮らし続けたい（デモ）。",
  goals: [
    {
      term: "long",
      text: "本人が安心して一人暮らしを続けられる住まいで生活する",
      tasks: [
        {
          agency: "houkatsu",
          role: "住まいの確保の支援",
          text: "高齢者向けの住まいを一緒に探し、見学と契約に同行する",
          dueOn: "2025-03-31",
          response: "accepted",
          respondedOn: "2024-11-29",
          doneOn: "2025-03-10",
        },
      ],
    },
    {
      term: "short",
      text: "家賃の滞納を解消し、毎月の支出を把握できるようにする",
      tasks: [
        {
          agency: "houkatsu",
          role: "家計の相談",
          text: "家計の状況を一緒に整理し、生活保護の相談窓口に同行する",
          dueOn: "2025-01-31",
          response: "accepted",
          respondedOn: "2024-11-29",
          doneOn: "2025-01-20",
        },
      ],
    },
  ],
};

export const CLOSED_MONITORINGS: DemoMonitoring[] = [
  {
    by: "houkatsu",
    heldOn: "2025-01-23",
    progress: ["住まいの候補が2か所見つかった（デモ）。", "生活保護の申請が受理され、滞納は解消の見込み（デモ）。"],
    nextReviewOn: "2025-03-13",
    note: "本人の表情が明るくなった（デモ）。",
    isFinal: false,
  },
  {
    by: "houkatsu",
    heldOn: "2025-03-13",
    progress: ["サービス付き高齢者向け住宅への入居が決まった（デモ）。", "滞納は解消し、家計も安定した（デモ）。"],
    nextReviewOn: null,
    note: "目標を達成したため、終結を提案する（デモ）。",
    isFinal: true,
  },
];

export const CLOSED_EVALUATION =
  "住まいと家計の両面の課題が解消し、本人の望む一人暮らしを続けられる見通しが立った。転居後の見守りは転居先の地域包括支援センターに引き継いだ（デモ）。";
export const CLOSED_ON = "2025-03-27";
