import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { type Actor, type ReferralWorld, startReferralWorld } from "../../../../test/helpers/referral-world.js";
import type { TestApp } from "../../../../test/helpers/test-app.js";
import { auditLog } from "../../db/schema/index.js";

// A sheet's closed loop: the receiver moves it, the sender reads the outcome; overdue sheets; validation.
let w: ReferralWorld;
let t: TestApp;
let as: Record<Actor, ApiClient>;
let agencyId: Record<string, string>;
let referralId: string;

beforeAll(async () => {
  w = await startReferralWorld();
  ({ t, as, agencyId, referralId } = w);
  // as in the access matrix, the receiver has also sent a sheet of its own about the person (to the coordinators),
  // so it still has a basis for the person once the first sheet is closed
  expect((await as.receiver.post("/api/referrals", w.referralBody({ toAgencyId: null }))).status).toBe(201);
});
afterAll(async () => {
  await t?.close();
});

const referralBody = (over: Record<string, unknown> = {}) => w.referralBody(over);

describe("referral transitions (closed loop)", () => {
  const auditCount = async () =>
    (
      await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.municipalityId, t.municipalityId), eq(auditLog.entityId, referralId)))
    ).length;

  it("lets the receiver move the referral, the sender read the outcome, and refuses bad moves", async () => {
    const current = (await as.receiver.get(`/api/referrals/${referralId}`)).body.referral;
    expect(current).toMatchObject({ status: "sent", statusLabel: "送付", access: "receiver" });
    expect((await as.receiver.post(`/api/referrals/${referralId}/transition`, { to: "accepted" })).status).toBe(428);

    // failures roll back: no event, no audit record
    const before = await auditCount();
    const stale = await as.receiver.post(
      `/api/referrals/${referralId}/transition`,
      { to: "accepted" },
      ifMatch(current.version + 1),
    );
    expect(stale.status).toBe(412);
    const jump = await as.receiver.post(
      `/api/referrals/${referralId}/transition`,
      { to: "completed" },
      ifMatch(current.version),
    );
    expect(jump.status).toBe(400);
    expect(jump.body.fields).toEqual([{ field: "to", message: "「送付」から「つなぎ完了」には進められません" }]);
    const noReason = await as.receiver.post(
      `/api/referrals/${referralId}/transition`,
      { to: "declined" },
      ifMatch(current.version),
    );
    expect(noReason.body.fields.map((f: { field: string }) => f.field)).toEqual(["reason"]);
    expect(
      (
        await as.senderProvider.post(
          `/api/referrals/${referralId}/transition`,
          { to: "accepted" },
          ifMatch(current.version),
        )
      ).status,
    ).toBe(403);
    expect(await auditCount()).toBe(before);

    const accepted = await as.receiver.post(
      `/api/referrals/${referralId}/transition`,
      { to: "accepted" },
      ifMatch(current.version),
    );
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("etag")).toBe(`"${current.version + 1}"`);
    expect(await auditCount()).toBe(before + 1);
    // the same version again is stale now
    expect(
      (
        await as.receiver.post(
          `/api/referrals/${referralId}/transition`,
          { to: "in_progress" },
          ifMatch(current.version),
        )
      ).status,
    ).toBe(412);

    // forwarding hands it to another agency, which can then accept it
    const forwarded = await as.receiver.post(
      `/api/referrals/${referralId}/transition`,
      { to: "forwarded", toAgencyId: agencyId.kikan, reason: "障害福祉サービスの相談が中心のため" },
      ifMatch(accepted.body.referral.version),
    );
    expect(forwarded.status).toBe(200);
    expect(forwarded.body.referral.toAgency.id).toBe(agencyId.kikan);
    expect((await as.receiver.get(`/api/referrals/${referralId}`)).status).toBe(404);
    const taken = await as.otherStaff.post(
      `/api/referrals/${referralId}/transition`,
      { to: "accepted" },
      ifMatch(forwarded.body.referral.version),
    );
    expect(taken.status).toBe(200);
    const done = await as.coordinator.post(
      `/api/referrals/${referralId}/transition`,
      { to: "completed", reason: "相談支援事業所につないだ" },
      ifMatch(taken.body.referral.version),
    );
    expect(done.status).toBe(200);
    expect(
      (
        await as.otherStaff.post(
          `/api/referrals/${referralId}/transition`,
          { to: "declined", reason: "x" },
          ifMatch(done.body.referral.version),
        )
      ).status,
    ).toBe(400);

    // closed loop: the sender sees the outcome and every step
    const seen = (await as.senderProvider.get(`/api/referrals/${referralId}`)).body.referral;
    expect(seen).toMatchObject({ status: "completed", statusLabel: "つなぎ完了", access: "sender" });
    expect(seen.events.map((e: { status: string }) => e.status)).toEqual([
      "sent",
      "accepted",
      "forwarded",
      "accepted",
      "completed",
    ]);
    expect(seen.events[2]).toMatchObject({ reason: "障害福祉サービスの相談が中心のため" });
  });

  it("lists overdue referrals (not closed, due date passed), in the API and the CLI service", async () => {
    const late = await as.senderProvider.post(
      "/api/referrals",
      referralBody({ dueDate: "2020-01-31", toAgencyId: agencyId.kodomo }),
    );
    expect(late.status).toBe(201);
    const overdue = (await as.coordinator.get("/api/referrals?status=overdue")).body.referrals as {
      id: string;
      status: string;
      overdue: boolean;
    }[];
    expect(overdue.map((r) => r.id)).toContain(late.body.referral.id);
    for (const r of overdue) {
      expect(r.overdue).toBe(true);
      expect(["completed", "declined"]).not.toContain(r.status);
    }
    expect((await as.coordinator.get("/api/referrals?status=late")).status).toBe(400);
    const sent = (await as.coordinator.get("/api/referrals?status=sent")).body.referrals as { status: string }[];
    expect(new Set(sent.map((r) => r.status))).toEqual(new Set(["sent"]));
  });

  it("validates a referral with field names in Japanese", async () => {
    const res = await as.receiver.post("/api/referrals", {
      personId: "x",
      concerns: ["宇宙"],
      urgency: "最高",
      consent: "given",
      observed: "",
    });
    expect(res.status).toBe(400);
    const fields = res.body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["personId", "urgency", "observed"]));
    // concerns are checked against the municipality's list once the sheet is otherwise well formed
    const unknownConcern = await as.senderProvider.post("/api/referrals", referralBody({ concerns: ["宇宙"] }));
    expect(unknownConcern.body.fields.map((f: { field: string }) => f.field)).toEqual(["concerns.0"]);
    const toProvider = await as.receiver.post(
      "/api/referrals",
      referralBody({
        toAgencyId: (await as.coordinator.get("/api/agencies")).body.agencies.find(
          (a: { kind: string }) => a.kind === "provider",
        ).id,
      }),
    );
    expect(toProvider.body.fields).toEqual([{ field: "toAgencyId", message: "登録事業者には送付できません" }]);
  });
});
