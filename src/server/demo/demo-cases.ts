/** The demo's households and cases: relatives living with the demo persons, teams, phases, records, assessments. */
import { randomUUID } from "node:crypto";
import type { Executor } from "../db/client.js";
import { insertConsent } from "../modules/cases/consent-repository.js";
import * as casesRepo from "../modules/cases/repository.js";
import type { CaseConsent, Phase } from "../modules/cases/schema.js";
import * as householdsRepo from "../modules/households/repository.js";
import type { Relationship } from "../modules/households/schema.js";
import { type AgencyKey, DEMO_REFERRALS, demoTime, insertDemoPerson, type PersonKey } from "./demo-support-data.js";

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

/** An invented household with its case: whom it is about, its team, consent, phases, records and assessments. */
export interface DemoCase<Who extends string = PersonKey | RelativeKey> {
  household: { name: string; address: string; registeredBy: AgencyKey };
  members: { who: Who; relationship: Relationship }[];
  main: Who;
  lead: AgencyKey;
  team: AgencyKey[];
  consent: { consent: CaseConsent; consentDate: string | null; consentMethod: string | null };
  /** the members who agreed to share their information with the team (consent records; none: the case without) */
  consentedBy: Who[];
  /** the case's issues when no つなぐシート about the main person names them */
  issues?: string[];
  phases: { phase: Phase; on: string; by: AgencyKey; reason?: string }[];
  records: { by: AgencyKey; kind: string; date: string; text: string; visibility: "team" | "agency" }[];
  assessments: { by: AgencyKey; on: string; note: string; sections: Record<string, string> }[];
}

/** Three invented households, each with a case in another phase, a team, records and (two of them) assessments. */
const DEMO_CASES: DemoCase[] = [
  {
    household: { name: "つなぐ家", address: "つなぐ市本町2-3-4（架空）", registeredBy: "houkatsu" },
    members: [
      { who: "taro", relationship: "本人" },
      { who: "umeko", relationship: "母" },
    ],
    main: "taro",
    lead: "houkatsu",
    // the coordinators take a part of the plan themselves (就労準備と家計の相談へのつなぎ)
    team: ["houkatsu", "kikan", "coord"],
    consent: { consent: "given", consentDate: "2025-04-01", consentMethod: "口頭" },
    consentedBy: ["taro", "umeko"],
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
    consentedBy: [],
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
    consentedBy: ["hanako"],
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

export async function loadDemoCases(
  tx: Executor,
  municipalityId: string,
  ids: {
    agency: (key: AgencyKey) => string;
    userByAgency: Map<AgencyKey, string>;
    personIds: Map<PersonKey, string>;
    referralIds: Map<PersonKey, string>;
  },
) {
  const people = new Map<string, string>(ids.personIds);
  for (const p of DEMO_RELATIVES) {
    const row = await insertDemoPerson(tx, municipalityId, p, ids);
    people.set(p.key, row.id);
  }
  const caseIds = new Map<PersonKey, string>();
  for (const d of DEMO_CASES) {
    caseIds.set(d.main as PersonKey, await insertDemoCase(tx, municipalityId, d, { ...ids, people }));
  }
  return {
    caseIds,
    counts: { relatives: DEMO_RELATIVES.length, households: DEMO_CASES.length, cases: DEMO_CASES.length },
  };
}

/**
 * One household and its case as if worked through the screens: members, team, consents, the phase history
 * (the case's version counts its phase changes, as each change moved it), records and assessments.
 */
export async function insertDemoCase(
  tx: Executor,
  municipalityId: string,
  d: DemoCase<string>,
  ids: {
    agency: (key: AgencyKey) => string;
    userByAgency: Map<AgencyKey, string>;
    people: Map<string, string>;
    referralIds: Map<PersonKey, string>;
  },
) {
  const { agency, userByAgency, people } = ids;
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
  const concerns = DEMO_REFERRALS.find((r) => r.person === d.main)?.concerns ?? d.issues ?? ["その他"];
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
  // a case opened at the counter has no つなぐシート behind it
  const referralId = ids.referralIds.get(d.main as PersonKey);
  if (referralId) await casesRepo.insertCaseReferrals(tx, [{ municipalityId, caseId: c.id, referralId }]);
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
  for (const who of d.consentedBy) {
    await insertConsent(
      tx,
      {
        id: randomUUID(),
        municipalityId,
        personId: people.get(who) as string,
        caseId: c.id,
        scope: "team",
        givenOn: d.consent.consentDate,
        method: "oral",
        recordedBy: userByAgency.get(d.lead) ?? null,
        recordedByAgencyId: agency(d.lead),
        recordedAt: demoTime(d.phases[0]?.on ?? last.on),
      },
      [],
    );
  }
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
  return c.id;
}
