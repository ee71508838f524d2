import { normalizeKana } from "../../domain/persons/kana.js";
import type { Executor } from "../db/client.js";
import { users } from "../db/schema/index.js";
import * as agenciesRepo from "../modules/agencies/repository.js";
import * as departmentsRepo from "../modules/departments/repository.js";
import * as personsRepo from "../modules/persons/repository.js";
import * as referralsRepo from "../modules/referrals/repository.js";
import type { ReferralStatus } from "../modules/referrals/schema.js";
import { recordAudit } from "../platform/audit.js";

/** Issue 4 demo: agencies, their accounts, three invented persons and three referrals in different states. */
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
type AgencyKey = (typeof DEMO_AGENCIES)[number]["key"];

export const DEMO_SUPPORT_USERS = [
  { loginId: "coord", displayName: "協働 五郎（多機関協働推進室）", role: "support_staff", agency: "coord" },
  { loginId: "houkatsu", displayName: "包括 六花（地域包括支援センター）", role: "support_staff", agency: "houkatsu" },
  { loginId: "kikan", displayName: "基幹 七海（基幹相談支援センター）", role: "support_staff", agency: "kikan" },
  { loginId: "jigyosha", displayName: "事業 八郎（架空ケアサービス）", role: "provider", agency: "jigyosha" },
] as const;

const DEMO_PERSONS = [
  { key: "taro", nameKanji: "つなぐ 太郎", nameKana: "ツナグ タロウ", dateOfBirth: "1972-04-01", agency: "houkatsu" },
  { key: "hanako", nameKanji: "架空 花子", nameKana: "カクウ ハナコ", dateOfBirth: "1943-10-10", agency: "jigyosha" },
  { key: "ichiro", nameKanji: "見本 一郎", nameKana: "ミホン イチロウ", dateOfBirth: "2010-06-15", agency: "kodomo" },
] as const;
type PersonKey = (typeof DEMO_PERSONS)[number]["key"];

const DEMO_REFERRALS: {
  person: PersonKey;
  from: AgencyKey;
  to: AgencyKey | null;
  concerns: string[];
  observed: string;
  urgency: string;
  dueDate: string | null;
  path: { status: ReferralStatus; by: AgencyKey; reason?: string }[];
}[] = [
  {
    person: "hanako",
    from: "jigyosha",
    to: "houkatsu",
    concerns: ["介護", "8050"],
    observed: "訪問時、同居の息子さんが日中も外出していない様子（デモ）。",
    urgency: "中",
    dueDate: "2025-04-30",
    path: [],
  },
  {
    person: "taro",
    from: "houkatsu",
    to: null,
    concerns: ["生活困窮", "ひきこもり", "8050"],
    observed: "母親の介護相談の中で、本人の就労と家計の相談が必要と分かった（デモ）。",
    urgency: "高",
    dueDate: null,
    path: [
      { status: "accepted", by: "coord" },
      { status: "in_progress", by: "coord", reason: "支援会議で検討（デモ）" },
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
    path: [
      { status: "accepted", by: "kikan" },
      { status: "completed", by: "kikan", reason: "障害福祉サービスの利用につないだ（デモ）" },
    ],
  },
];

export async function loadDemoSupport(tx: Executor, municipalityId: string, passwordHash: string) {
  const agencyIds = new Map<AgencyKey, string>();
  for (const a of DEMO_AGENCIES) {
    const department = a.department
      ? await departmentsRepo.findDepartmentByName(tx, municipalityId, a.department)
      : null;
    const row = await agenciesRepo.insertAgency(tx, {
      municipalityId,
      name: a.name,
      category: a.category,
      kind: a.kind,
      isCoordinator: a.isCoordinator,
      departmentId: department?.id ?? null,
    });
    agencyIds.set(a.key, row.id);
  }
  const agency = (key: AgencyKey) => agencyIds.get(key) as string;
  const userByAgency = new Map<AgencyKey, string>();
  for (const u of DEMO_SUPPORT_USERS) {
    const [row] = await tx
      .insert(users)
      .values({
        municipalityId,
        loginId: u.loginId,
        displayName: u.displayName,
        role: u.role,
        passwordHash,
        agencyId: agency(u.agency),
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    userByAgency.set(u.agency, row.id);
  }
  const personIds = new Map<PersonKey, string>();
  for (const p of DEMO_PERSONS) {
    const row = await personsRepo.insertPerson(tx, {
      municipalityId,
      nameKanji: p.nameKanji,
      nameKana: p.nameKana,
      kanaKey: normalizeKana(p.nameKana),
      dateOfBirth: p.dateOfBirth,
      createdByAgencyId: agency(p.agency),
      createdBy: userByAgency.get(p.agency) ?? null,
    });
    personIds.set(p.key, row.id);
  }
  for (const r of DEMO_REFERRALS) {
    const last = r.path.at(-1)?.status ?? "sent";
    const referral = await referralsRepo.insertReferral(tx, {
      municipalityId,
      personId: personIds.get(r.person) as string,
      fromAgencyId: agency(r.from),
      toAgencyId: r.to ? agency(r.to) : null,
      concerns: r.concerns,
      observed: r.observed,
      urgency: r.urgency,
      consent: "given",
      consentDate: "2025-04-01",
      consentMethod: "口頭",
      status: last,
      dueDate: r.dueDate,
      createdBy: userByAgency.get(r.from) ?? null,
      version: 1 + r.path.length,
    });
    for (const step of [{ status: "sent" as ReferralStatus, by: r.from, reason: undefined }, ...r.path]) {
      await referralsRepo.insertEvent(tx, {
        municipalityId,
        referralId: referral.id,
        status: step.status,
        byUserId: userByAgency.get(step.by) ?? null,
        agencyId: agency(step.by),
        reason: step.reason ?? null,
      });
    }
  }
  await recordAudit(tx, {
    municipalityId,
    actorUserId: null,
    actorLabel: "system",
    action: "load_demo",
    entityType: "municipality",
    entityId: municipalityId,
    after: { agencies: DEMO_AGENCIES.length, persons: DEMO_PERSONS.length, referrals: DEMO_REFERRALS.length },
  });
}
