import { normalizeKana } from "../../domain/persons/kana.js";
import type { Executor } from "../db/client.js";
import { users } from "../db/schema/index.js";
import * as agenciesRepo from "../modules/agencies/repository.js";
import * as casesRepo from "../modules/cases/repository.js";
import type { CaseConsent, Phase } from "../modules/cases/schema.js";
import * as departmentsRepo from "../modules/departments/repository.js";
import * as householdsRepo from "../modules/households/repository.js";
import type { Relationship } from "../modules/households/schema.js";
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
const demoTime = (day: string) => new Date(`${day}T10:00:00+09:00`);

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
  const referralIds = new Map<PersonKey, string>();
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
      createdAt: demoTime(r.sentOn),
      updatedAt: demoTime(r.path.at(-1)?.on ?? r.sentOn),
    });
    referralIds.set(r.person, referral.id);
    for (const step of [{ status: "sent" as ReferralStatus, by: r.from, on: r.sentOn, reason: undefined }, ...r.path]) {
      await referralsRepo.insertEvent(tx, {
        municipalityId,
        referralId: referral.id,
        status: step.status,
        byUserId: userByAgency.get(step.by) ?? null,
        agencyId: agency(step.by),
        reason: step.reason ?? null,
        at: demoTime(step.on),
      });
    }
  }
  const demoCases = await loadDemoCases(tx, municipalityId, { agency, userByAgency, personIds, referralIds });
  await recordAudit(tx, {
    municipalityId,
    actorUserId: null,
    actorLabel: "system",
    action: "load_demo",
    entityType: "municipality",
    entityId: municipalityId,
    after: {
      agencies: DEMO_AGENCIES.length,
      persons: DEMO_PERSONS.length,
      referrals: DEMO_REFERRALS.length,
      ...demoCases,
    },
  });
}

/** Invented relatives who live with the demo persons (世帯員). */
const DEMO_RELATIVES = [
  { key: "umeko", nameKanji: "つなぐ 梅子", nameKana: "ツナグ ウメコ", dateOfBirth: "1946-02-20", agency: "houkatsu" },
  { key: "sakura", nameKanji: "見本 さくら", nameKana: "ミホン サクラ", dateOfBirth: "1980-09-09", agency: "kodomo" },
  { key: "jiro", nameKanji: "見本 二郎", nameKana: "ミホン ジロウ", dateOfBirth: "2014-01-20", agency: "kodomo" },
  {
    key: "kenichi",
    nameKanji: "架空 健一",
    nameKana: "カクウ ケンイチ",
    dateOfBirth: "1970-12-01",
    agency: "houkatsu",
  },
] as const;
type RelativeKey = (typeof DEMO_RELATIVES)[number]["key"];

/** Three invented households, each with a case in another phase, a team, records and (two of them) assessments. */
const DEMO_CASES: {
  household: { name: string; address: string; registeredBy: AgencyKey };
  members: { who: PersonKey | RelativeKey; relationship: Relationship }[];
  main: PersonKey;
  lead: AgencyKey;
  team: AgencyKey[];
  consent: { consent: CaseConsent; consentDate: string | null; consentMethod: string | null };
  phases: { phase: Phase; on: string; by: AgencyKey; reason?: string }[];
  records: { by: AgencyKey; kind: string; date: string; text: string; visibility: "team" | "agency" }[];
  assessments: { by: AgencyKey; on: string; note: string; sections: Record<string, string> }[];
}[] = [
  {
    household: { name: "つなぐ家", address: "つなぐ市本町2-3-4（架空）", registeredBy: "houkatsu" },
    members: [
      { who: "taro", relationship: "本人" },
      { who: "umeko", relationship: "母" },
    ],
    main: "taro",
    lead: "houkatsu",
    team: ["houkatsu", "kikan"],
    consent: { consent: "given", consentDate: "2025-04-01", consentMethod: "口頭" },
    phases: [
      { phase: "intake", on: "2025-04-03", by: "coord", reason: "つなぐシートからケースを開始" },
      { phase: "assessment", on: "2025-04-10", by: "houkatsu" },
      { phase: "planning", on: "2025-05-08", by: "houkatsu" },
      { phase: "support", on: "2025-05-22", by: "coord", reason: "重層的支援会議でプランを確認（デモ）" },
    ],
    records: [
      {
        by: "houkatsu",
        kind: "訪問",
        date: "2025-04-08",
        text: "自宅を訪問。母の介護の状況と本人の生活リズムを確認した（デモ）。",
        visibility: "team",
      },
      {
        by: "houkatsu",
        kind: "電話",
        date: "2025-04-15",
        text: "母から家計についての相談。詳細は当センターで継続（デモ）。",
        visibility: "agency",
      },
      {
        by: "coord",
        kind: "会議",
        date: "2025-05-22",
        text: "重層的支援会議。就労準備支援と家計相談を組み合わせる方針（デモ）。",
        visibility: "team",
      },
      {
        by: "kikan",
        kind: "面談",
        date: "2025-06-05",
        text: "本人と面談。週1回の居場所への参加を提案し、本人も前向き（デモ）。",
        visibility: "team",
      },
    ],
    assessments: [
      {
        by: "houkatsu",
        on: "2025-04-24",
        note: "初回アセスメント",
        sections: {
          person: "50代。10年以上仕事をしておらず、日中は自室で過ごす（デモ）。",
          household: "80代の母と2人暮らし。母は要介護1（デモ）。",
          economy: "母の年金が主な収入。貯蓄は少ない（デモ）。",
          wishes: "本人：母の介護は続けたい。できれば働きたい（デモ）。",
          view: "介護と本人の就労の両面から支援が必要（8050）（デモ）。",
        },
      },
      {
        by: "coord",
        on: "2025-05-20",
        note: "会議前に見立てを更新",
        sections: {
          person: "50代。10年以上仕事をしておらず、日中は自室で過ごす。夕方の散歩は続いている（デモ）。",
          household: "80代の母と2人暮らし。母は要介護1、デイサービス週2回（デモ）。",
          economy: "母の年金が主な収入。家計相談の利用を本人が了承（デモ）。",
          social: "近所の付き合いはほとんどない（デモ）。",
          wishes: "本人：母の介護は続けたい。短時間なら働きたい（デモ）。",
          view: "居場所への参加から始め、就労準備支援につなぐ（デモ）。",
        },
      },
    ],
  },
  {
    household: { name: "見本家", address: "つなぐ市南町5-6-7（架空）", registeredBy: "kodomo" },
    members: [
      { who: "ichiro", relationship: "本人" },
      { who: "sakura", relationship: "母" },
      { who: "jiro", relationship: "兄弟姉妹" },
    ],
    main: "ichiro",
    lead: "kikan",
    team: ["kikan", "kodomo"],
    consent: { consent: "unknown", consentDate: null, consentMethod: null },
    phases: [
      { phase: "intake", on: "2025-04-02", by: "coord", reason: "つなぐシートからケースを開始" },
      { phase: "assessment", on: "2025-04-18", by: "kikan" },
    ],
    records: [
      {
        by: "kikan",
        kind: "電話",
        date: "2025-04-16",
        text: "母に電話。弟の通所先を探していると話があった（デモ）。",
        visibility: "team",
      },
      {
        by: "kikan",
        kind: "同行",
        date: "2025-04-25",
        text: "母に同行して障害福祉の窓口へ（デモ）。",
        visibility: "agency",
      },
    ],
    assessments: [],
  },
  {
    household: { name: "架空家", address: "つなぐ市東町8-9（架空）", registeredBy: "houkatsu" },
    members: [
      { who: "hanako", relationship: "本人" },
      { who: "kenichi", relationship: "子" },
    ],
    main: "hanako",
    lead: "houkatsu",
    team: ["houkatsu"],
    consent: { consent: "given", consentDate: "2025-04-01", consentMethod: "口頭" },
    phases: [{ phase: "intake", on: "2025-04-21", by: "coord", reason: "つなぐシートからケースを開始" }],
    records: [
      {
        by: "houkatsu",
        kind: "オンライン",
        date: "2025-04-23",
        text: "事業所とオンラインで情報交換（デモ）。",
        visibility: "team",
      },
    ],
    assessments: [],
  },
];

async function loadDemoCases(
  tx: Executor,
  municipalityId: string,
  ids: {
    agency: (key: AgencyKey) => string;
    userByAgency: Map<AgencyKey, string>;
    personIds: Map<PersonKey, string>;
    referralIds: Map<PersonKey, string>;
  },
) {
  const { agency, userByAgency } = ids;
  const people = new Map<PersonKey | RelativeKey, string>(ids.personIds);
  for (const p of DEMO_RELATIVES) {
    const row = await personsRepo.insertPerson(tx, {
      municipalityId,
      nameKanji: p.nameKanji,
      nameKana: p.nameKana,
      kanaKey: normalizeKana(p.nameKana),
      dateOfBirth: p.dateOfBirth,
      createdByAgencyId: agency(p.agency),
      createdBy: userByAgency.get(p.agency) ?? null,
    });
    people.set(p.key, row.id);
  }
  for (const d of DEMO_CASES) {
    const household = await householdsRepo.insertHousehold(tx, {
      municipalityId,
      name: d.household.name,
      address: d.household.address,
      registeredByAgencyId: agency(d.household.registeredBy),
      createdBy: userByAgency.get(d.household.registeredBy) ?? null,
    });
    await householdsRepo.insertMembers(
      tx,
      d.members.map((m) => ({
        municipalityId,
        householdId: household.id,
        personId: people.get(m.who) as string,
        relationship: m.relationship,
      })),
    );
    const concerns = DEMO_REFERRALS.find((r) => r.person === d.main)?.concerns ?? ["その他"];
    const last = d.phases.at(-1) as (typeof d.phases)[number];
    const c = await casesRepo.insertCase(tx, {
      municipalityId,
      householdId: household.id,
      mainPersonId: people.get(d.main) as string,
      leadAgencyId: agency(d.lead),
      issues: concerns,
      phase: last.phase,
      ...d.consent,
      openedBy: userByAgency.get("coord") ?? null,
      version: d.phases.length,
      createdAt: demoTime(d.phases[0]?.on ?? last.on),
      updatedAt: demoTime(last.on),
    });
    await casesRepo.insertCaseReferrals(tx, [
      { municipalityId, caseId: c.id, referralId: ids.referralIds.get(d.main) as string },
    ]);
    await casesRepo.insertTeam(
      tx,
      d.team.map((a) => ({
        municipalityId,
        caseId: c.id,
        agencyId: agency(a),
        addedBy: userByAgency.get("coord"),
        addedAt: demoTime(d.phases[0]?.on ?? last.on),
      })),
    );
    const by = (a: AgencyKey) => ({ byUserId: userByAgency.get(a) ?? null, byAgencyId: agency(a) });
    for (const [i, p] of d.phases.entries()) {
      await casesRepo.insertEvent(tx, {
        municipalityId,
        caseId: c.id,
        kind: i === 0 ? "opened" : "phase",
        phase: p.phase,
        ...(i === 0 ? { ...d.consent, issues: concerns } : {}),
        reason: p.reason ?? null,
        ...by(p.by),
        at: demoTime(p.on),
      });
      if (i === 0) {
        for (const a of d.team) {
          await casesRepo.insertEvent(tx, {
            municipalityId,
            caseId: c.id,
            kind: "team_added",
            subjectAgencyId: agency(a),
            ...by("coord"),
            at: demoTime(p.on),
          });
        }
      }
    }
    for (const r of d.records) {
      await casesRepo.insertRecord(tx, {
        municipalityId,
        caseId: c.id,
        agencyId: agency(r.by),
        kind: r.kind,
        date: r.date,
        text: r.text,
        visibility: r.visibility,
        createdBy: userByAgency.get(r.by) ?? null,
        createdAt: demoTime(r.date),
      });
    }
    for (const [i, a] of d.assessments.entries()) {
      await casesRepo.insertAssessment(tx, {
        municipalityId,
        caseId: c.id,
        version: i + 1,
        agencyId: agency(a.by),
        sections: a.sections,
        note: a.note,
        createdBy: userByAgency.get(a.by) ?? null,
        createdAt: demoTime(a.on),
      });
    }
  }
  return { relatives: DEMO_RELATIVES.length, households: DEMO_CASES.length, cases: DEMO_CASES.length };
}
