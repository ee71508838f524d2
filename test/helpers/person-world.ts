/**
 * The need-to-know tests' world. Demo facts used: 地域包括 (houkatsu) registered つなぐ 太郎・梅子 and 架空 健一, received
 * the sheet about 架空 花子 and leads the cases of つなぐ家 and 架空家; 基幹 (kikan) received the sheet about 見本 一郎 (a
 * minor), leads 見本家's case and is on つなぐ家's team; the 見本 family was registered by 子ども家庭センター; the
 * provider (jigyosha) registered 架空 花子. The "outsider" agency is new and has a basis for nobody.
 */
import { and, desc, eq, gt, isNotNull } from "drizzle-orm";
import { expect } from "vitest";
import { auditLog, persons, referrals } from "../../src/server/db/schema/index.js";
import { asEntityReads } from "../../src/server/platform/audit.js";
import { sealAuditLog } from "../../src/server/platform/audit-sealer.js";
import { FACTORY_PASSWORD } from "../factories/municipality.js";
import { createAgencyUser } from "../factories/support.js";
import { ApiClient } from "./api-client.js";
import { startTestApp, type TestApp } from "./test-app.js";

export interface PersonWorld {
  t: TestApp;
  coord: ApiClient;
  houkatsu: ApiClient;
  kikan: ApiClient;
  provider: ApiClient;
  outsider: ApiClient;
  outsiderAgencyId: string;
  /** MIKAMI, registered by 基幹 */
  mikamiId: string;
  /** the audit records of one actor written after `afterSeq`, oldest first */
  auditSince(afterSeq: number, loginId: string): ReturnType<typeof auditSince>;
  /** the sequence number of the municipality's latest audit record */
  lastSeq(): Promise<number>;
  /** the demo sheet about the demo person named so */
  sheetAbout(nameKanji: string): Promise<string | undefined>;
  /** the id of the demo person named so */
  personNamed(nameKanji: string): Promise<string>;
}

export const MIKAMI = {
  nameKanji: "三上 未来",
  nameKana: "ミカミ ミライ",
  dateOfBirth: "2009-03-03",
  address: "つなぐ市北町9-9-9（テスト）",
  phone: "090-1111-2222",
};

export async function startPersonWorld(): Promise<PersonWorld> {
  const t = await startTestApp();
  const coord = await ApiClient.login(t.baseUrl, "coord");
  const houkatsu = await ApiClient.login(t.baseUrl, "houkatsu");
  const kikan = await ApiClient.login(t.baseUrl, "kikan");
  const provider = await ApiClient.login(t.baseUrl, "jigyosha");
  const outsiderAgencyId = (
    await createAgencyUser(t.database.db, t.municipalityId, {
      loginId: "outsider",
      role: "support_staff",
      agencyName: "つなぐ市くらし相談窓口（テスト）",
    })
  ).agencyId;
  const outsider = await ApiClient.login(t.baseUrl, "outsider", FACTORY_PASSWORD);
  const created = await kikan.post("/api/persons", MIKAMI);
  expect(created.status).toBe(201);
  return {
    t,
    coord,
    houkatsu,
    kikan,
    provider,
    outsider,
    outsiderAgencyId,
    mikamiId: created.body.person.id,
    auditSince: (afterSeq, loginId) => auditSince(t, afterSeq, loginId),
    lastSeq: () => lastSeq(t),
    sheetAbout: (nameKanji) => sheetAbout(t, nameKanji),
    personNamed: (nameKanji) => personNamed(t, nameKanji),
  };
}

export interface Found {
  id: string;
  nameKanji: string | null;
  nameKana: string;
  dateOfBirth: string | null;
  access: string;
}
export interface SearchBody {
  by: "reading" | "name";
  persons: Found[];
  othersMatch: { askCoordinators: { id: string; name: string }[] } | null;
}

export const search = async (client: ApiClient, query: string) => {
  const res = await client.post<SearchBody>("/api/persons/search", { query });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res;
};
export const names = (body: SearchBody) => body.persons.map((p) => p.nameKanji).sort();

// sealed first, as every reader of the chain does: each record committed so far has its seq
const auditSince = async (t: TestApp, afterSeq: number, loginId: string) => {
  await sealAuditLog(t.database.db);
  return (
    await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.municipalityId, t.municipalityId),
          eq(auditLog.actorLabel, loginId),
          gt(auditLog.seq, afterSeq),
        ),
      )
      .orderBy(desc(auditLog.seq))
      .limit(200)
  )
    .reverse()
    .flatMap((r) => asEntityReads(r));
};
const lastSeq = async (t: TestApp) => {
  await sealAuditLog(t.database.db);
  return (
    (
      await t.database.db
        .select({ seq: auditLog.seq })
        .from(auditLog)
        .where(and(eq(auditLog.municipalityId, t.municipalityId), isNotNull(auditLog.seq)))
        .orderBy(desc(auditLog.seq))
        .limit(1)
    )[0]?.seq ?? 0
  );
};

async function sheetAbout(t: TestApp, nameKanji: string) {
  const [sheet] = await t.database.db
    .select({ id: referrals.id })
    .from(referrals)
    .innerJoin(persons, and(eq(persons.municipalityId, referrals.municipalityId), eq(persons.id, referrals.personId)))
    .where(and(eq(referrals.municipalityId, t.municipalityId), eq(persons.nameKanji, nameKanji)));
  return sheet?.id;
}

async function personNamed(t: TestApp, nameKanji: string) {
  const [row] = await t.database.db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.municipalityId, t.municipalityId), eq(persons.nameKanji, nameKanji)));
  return row?.id as string;
}
