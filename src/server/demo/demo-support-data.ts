import { normalizeKana } from "../../domain/persons/kana.js";
import type { Executor } from "../db/client.js";
import * as personsRepo from "../modules/persons/repository.js";
import type { ReferralStatus } from "../modules/referrals/schema.js";

/** The support side's invented demo data: agencies, their accounts, persons, referrals with their paths. */
export const DEMO_AGENCIES = [
  {
    key: "coord",
    name: "つなぐ市 多機関協働推進室",
    category: "多機関協働",
    kind: "public",
    isCoordinator: true,
    department: "福祉相談課",
  },
  {
    key: "houkatsu",
    name: "つなぐ中央地域包括支援センター",
    category: "包括的相談支援",
    kind: "public",
    isCoordinator: false,
    department: "高齢支援課",
  },
  {
    key: "kikan",
    name: "つなぐ市基幹相談支援センター",
    category: "包括的相談支援",
    kind: "public",
    isCoordinator: false,
    department: "障害福祉課",
  },
  {
    key: "kodomo",
    name: "つなぐ市子ども家庭センター",
    category: "包括的相談支援",
    kind: "public",
    isCoordinator: false,
    department: null,
  },
  {
    key: "jigyosha",
    name: "架空ケアサービス株式会社（登録事業者）",
    category: "参加支援",
    kind: "provider",
    isCoordinator: false,
    department: null,
  },
] as const;
export type AgencyKey = (typeof DEMO_AGENCIES)[number]["key"];

export const DEMO_SUPPORT_USERS = [
  { loginId: "coord", displayName: "協働 五郎（多機関協働推進室）", role: "support_staff", agency: "coord" },
  { loginId: "houkatsu", displayName: "包括 六花（地域包括支援センター）", role: "support_staff", agency: "houkatsu" },
  { loginId: "kikan", displayName: "基幹 七海（基幹相談支援センター）", role: "support_staff", agency: "kikan" },
  { loginId: "jigyosha", displayName: "事業 八郎（架空ケアサービス）", role: "provider", agency: "jigyosha" },
] as const;

export const DEMO_PERSONS = [
  { key: "taro", nameKanji: "つなぐ 太郎", nameKana: "ツナグ タロウ", dateOfBirth: "1972-04-01", agency: "houkatsu" },
  { key: "hanako", nameKanji: "架空 花子", nameKana: "カクウ ハナコ", dateOfBirth: "1943-10-10", agency: "jigyosha" },
  { key: "ichiro", nameKanji: "見本 一郎", nameKana: "ミホン イチロウ", dateOfBirth: "2010-06-15", agency: "kodomo" },
] as const;
export type PersonKey = (typeof DEMO_PERSONS)[number]["key"];

export const DEMO_REFERRALS: {
  person: PersonKey;
  from: AgencyKey;
  to: AgencyKey | null;
  concerns: string[];
  observed: string;
  urgency: string;
  dueDate: string | null;
  /** the day the sheet was sent; each later step has its own day */
  sentOn: string;
  path: { status: ReferralStatus; by: AgencyKey; on: string; reason?: string }[];
}[] = [
  {
    person: "hanako",
    from: "jigyosha",
    to: "houkatsu",
    concerns: ["介護", "8050"],
    observed: "訪問時、同居の息子さんが日中も外出していない様子（デモ）。",
    urgency: "中",
    dueDate: "2025-04-30",
    sentOn: "2025-04-15",
    // a case was opened from it, so it has been accepted; still open past its date, it shows as overdue
    path: [
      { status: "accepted", by: "houkatsu", on: "2025-04-17" },
      { status: "in_progress", by: "houkatsu", on: "2025-04-21", reason: "世帯のケースを開始（デモ）" },
    ],
  },
  {
    person: "taro",
    from: "houkatsu",
    to: null,
    concerns: ["生活困窮", "ひきこもり", "8050"],
    observed: "母親の介護相談の中で、本人の就労と家計の相談が必要と分かった（デモ）。",
    urgency: "高",
    dueDate: null,
    sentOn: "2025-03-27",
    path: [
      { status: "accepted", by: "coord", on: "2025-03-28" },
      { status: "in_progress", by: "coord", on: "2025-04-03", reason: "支援会議で検討（デモ）" },
    ],
  },
  {
    person: "ichiro",
    from: "kodomo",
    to: "kikan",
    concerns: ["ヤングケアラー", "障害"],
    observed: "きょうだいの介助で欠席が続いている（デモ）。",
    urgency: "高",
    dueDate: "2025-03-31",
    sentOn: "2025-03-19",
    path: [
      { status: "accepted", by: "kikan", on: "2025-03-21" },
      { status: "completed", by: "kikan", on: "2025-04-02", reason: "障害福祉サービスの利用につないだ（デモ）" },
    ],
  },
];

/** A demo day at 10:00 in Japan. */
export const demoTime = (day: string) => new Date(`${day}T10:00:00+09:00`);

/** Registers an invented person as the agency that knows them (their first contact). */
export async function insertDemoPerson(
  tx: Executor,
  municipalityId: string,
  p: { nameKanji: string; nameKana: string; dateOfBirth: string; agency: AgencyKey },
  ids: { agency: (key: AgencyKey) => string; userByAgency: Map<AgencyKey, string> },
) {
  return personsRepo.insertPerson(tx, {
    municipalityId,
    nameKanji: p.nameKanji,
    nameKana: p.nameKana,
    kanaKey: normalizeKana(p.nameKana),
    dateOfBirth: p.dateOfBirth,
    createdByAgencyId: ids.agency(p.agency),
    createdBy: ids.userByAgency.get(p.agency) ?? null,
  });
}
