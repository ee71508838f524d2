import { beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { startReferralWorld } from "../../../../test/helpers/referral-world.js";

// A sheet's closed loop: the receiver moves it, the sender reads the outcome; overdue sheets; validation.
const w = worldForFile(startReferralWorld);
beforeAll(async () => {
  // as in the access matrix, the receiver has also sent a sheet of its own about the person (to the coordinators),
  // so it still has a basis for the person once the first sheet is closed
  expect((await w.as.receiver.post("/api/referrals", w.referralBody({ toAgencyId: null }))).status).toBe(201);
});

/** Moves the file's referral as `client`, naming the version it last saw. */
const transition = (client: ApiClient, body: Record<string, unknown>, version: number) =>
  client.post(`/api/referrals/${w.referralId}/transition`, body, ifMatch(version));

describe("referral transitions (closed loop)", () => {
  const auditCount = async () =>
    (await auditRecords(w.t.database.db, { municipalityId: w.t.municipalityId, entityId: w.referralId })).length;

  it("lets the receiver move the referral, the sender read the outcome, and refuses bad moves", async () => {
    const current = (await w.as.receiver.get(`/api/referrals/${w.referralId}`)).body.referral;
    expect(current).toMatchObject({ status: "sent", statusLabel: "送付", access: "receiver" });
    expect((await w.as.receiver.post(`/api/referrals/${w.referralId}/transition`, { to: "accepted" })).status).toBe(
      428,
    );

    // failures roll back: no event, no audit record
    const before = await auditCount();
    const stale = await transition(w.as.receiver, { to: "accepted" }, current.version + 1);
    expect(stale.status).toBe(412);
    const jump = await transition(w.as.receiver, { to: "completed" }, current.version);
    expect(jump.status).toBe(400);
    expect(jump.body.fields).toEqual([{ field: "to", message: "「送付」から「つなぎ完了」には進められません" }]);
    const noReason = await transition(w.as.receiver, { to: "declined" }, current.version);
    expect(noReason.body.fields.map((f: { field: string }) => f.field)).toEqual(["reason"]);
    expect((await transition(w.as.senderProvider, { to: "accepted" }, current.version)).status).toBe(403);
    expect(await auditCount()).toBe(before);

    const accepted = await transition(w.as.receiver, { to: "accepted" }, current.version);
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("etag")).toBe(`"${current.version + 1}"`);
    expect(await auditCount()).toBe(before + 1);
    // the same version again is stale now
    expect((await transition(w.as.receiver, { to: "in_progress" }, current.version)).status).toBe(412);

    // forwarding hands it to another agency, which can then accept it
    const forwarded = await transition(
      w.as.receiver,
      { to: "forwarded", toAgencyId: w.agencyId.kikan, reason: "障害福祉サービスの相談が中心のため" },
      accepted.body.referral.version,
    );
    expect(forwarded.status).toBe(200);
    expect(forwarded.body.referral.toAgency.id).toBe(w.agencyId.kikan);
    expect((await w.as.receiver.get(`/api/referrals/${w.referralId}`)).status).toBe(404);
    const taken = await transition(w.as.otherStaff, { to: "accepted" }, forwarded.body.referral.version);
    expect(taken.status).toBe(200);
    const done = await transition(
      w.as.coordinator,
      { to: "completed", reason: "相談支援事業所につないだ" },
      taken.body.referral.version,
    );
    expect(done.status).toBe(200);
    expect(
      (await transition(w.as.otherStaff, { to: "declined", reason: "x" }, done.body.referral.version)).status,
    ).toBe(400);

    // closed loop: the sender sees the outcome and every step
    const seen = (await w.as.senderProvider.get(`/api/referrals/${w.referralId}`)).body.referral;
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
    const late = await w.as.senderProvider.post(
      "/api/referrals",
      w.referralBody({ dueDate: "2020-01-31", toAgencyId: w.agencyId.kodomo }),
    );
    expect(late.status).toBe(201);
    const overdue = (await w.as.coordinator.get("/api/referrals?status=overdue")).body.referrals as {
      id: string;
      status: string;
      overdue: boolean;
    }[];
    expect(overdue.map((r) => r.id)).toContain(late.body.referral.id);
    for (const r of overdue) {
      expect(r.overdue).toBe(true);
      expect(["completed", "declined"]).not.toContain(r.status);
    }
    expect((await w.as.coordinator.get("/api/referrals?status=late")).status).toBe(400);
    const sent = (await w.as.coordinator.get("/api/referrals?status=sent")).body.referrals as { status: string }[];
    expect(new Set(sent.map((r) => r.status))).toEqual(new Set(["sent"]));
  });

  it("validates a referral with field names in Japanese", async () => {
    const res = await w.as.receiver.post("/api/referrals", {
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
    const unknownConcern = await w.as.senderProvider.post("/api/referrals", w.referralBody({ concerns: ["宇宙"] }));
    expect(unknownConcern.body.fields.map((f: { field: string }) => f.field)).toEqual(["concerns.0"]);
    const toProvider = await w.as.receiver.post(
      "/api/referrals",
      w.referralBody({
        toAgencyId: (await w.as.coordinator.get("/api/agencies")).body.agencies.find(
          (a: { kind: string }) => a.kind === "provider",
        ).id,
      }),
    );
    expect(toProvider.body.fields).toEqual([{ field: "toAgencyId", message: "登録事業者には送付できません" }]);
  });
});
