/**
 * The audit-trail tests' world: the demo municipality with its administrators signed in, a staff account of the
 * 地域包括支援センター created through the API (so the trail knows its agency over time) and the demo referral
 * a provider sent to that centre.
 */
import { expect } from "vitest";
import { ApiClient } from "./api-client.js";
import { startTestApp, type TestApp } from "./test-app.js";

/** One entry of GET /api/audit/entries, as the tests read it. */
export interface Entry {
  seq: number;
  at: string;
  actor: { userId: string | null; loginId: string; displayName: string | null };
  agency: { id: string; name: string | null; asRecorded: boolean } | null;
  action: string;
  kind: string;
  actionLabel: string;
  target: { type: string; typeLabel: string; id: string | null; name: string | null; label: string; shown: number };
  basis: string | null;
  basisLabel: string | null;
  ip: string | null;
}

export interface AuditWorld {
  t: TestApp;
  office: ApiClient;
  /** the support side's administrator: reads the support side's records (the plan office reads the plan side's) */
  auditor: ApiClient;
  admin: ApiClient;
  referralId: string;
  staffUserId: string;
  agencyId: Record<string, string>;
}

export async function startAuditWorld(): Promise<AuditWorld> {
  const t = await startTestApp();
  const office = await ApiClient.login(t.baseUrl, "keikaku");
  const auditor = await ApiClient.login(t.baseUrl, "shienkanri");
  const admin = await ApiClient.login(t.baseUrl, "admin");
  const agencies = (await auditor.get("/api/agencies")).body.agencies as { id: string; name: string }[];
  const byName = (part: string) => agencies.find((a) => a.name.includes(part))?.id as string;
  const agencyId = { houkatsu: byName("地域包括"), kikan: byName("基幹") };
  const created = await admin.post("/api/users", {
    loginId: "staff-x",
    displayName: "職員 エックス",
    role: "support_staff",
    agencyId: agencyId.houkatsu,
    password: "receiving-desk-pass-1",
  });
  expect(created.status).toBe(201);
  const staffUserId: string = created.body.user.id;
  const jigyosha = await ApiClient.login(t.baseUrl, "jigyosha");
  const sent = (await jigyosha.get("/api/referrals")).body.referrals as {
    id: string;
    toAgency: { id: string } | null;
  }[];
  const toHoukatsu = sent.find((r) => r.toAgency?.id === agencyId.houkatsu);
  if (!toHoukatsu) throw new Error("demo referral to the 地域包括支援センター");
  return { t, office, auditor, admin, referralId: toHoukatsu.id, staffUserId, agencyId };
}

/** One page of the trail as `client` may read it (200 expected). */
export async function auditEntries(client: ApiClient, query: Record<string, string>) {
  const res = await client.get(`/api/audit/entries?${new URLSearchParams(query)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { entries: Entry[]; nextBefore: number | null };
}

/** The whole trail as `client` may read it, page by page (`pageSize` at a time, newest first) along the cursor. */
export async function everyAuditEntry(client: ApiClient, pageSize: number, maxPages = 100): Promise<Entry[]> {
  const all: Entry[] = [];
  let before: number | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page = await auditEntries(client, { limit: String(pageSize), ...(before ? { before: String(before) } : {}) });
    all.push(...page.entries);
    before = page.nextBefore;
    if (!before) break;
  }
  return all;
}
