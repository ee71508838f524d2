import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeKana } from "../../src/domain/persons/kana.js";
import { loggerOptions } from "../../src/server/platform/logging.js";
import { ApiClient } from "../helpers/api-client.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

/**
 * A canary person (a name, reading, birth date, address and phone nobody else has) is registered through the API;
 * then database statements that carry it are made to fail: a unique violation (whose detail names the values),
 * and a trigger that raises with the value in its message. Every line the server logs, at every level, is read:
 * the canary is in none of them, while the failures themselves are logged (code, constraint, statement).
 */
const CANARY = {
  nameKanji: "金糸雀 鳥籠子",
  nameKana: "カナリア トリカゴコ",
  dateOfBirth: "1931-07-19",
  address: "架空県鳥籠市金糸雀町9-9-9",
  phone: "099-9999-7319",
};
const TRACES = [
  "金糸雀",
  "鳥籠",
  "カナリア",
  "トリカゴ",
  "1931-07-19",
  "金糸雀町",
  "099-9999-7319",
  normalizeKana(CANARY.nameKana),
];

const lines: string[] = [];
let t: TestApp;
let staff: ApiClient;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  t = await startTestApp({ app: { logger: loggerOptions("trace", stream) } });
  staff = await ApiClient.login(t.baseUrl, "houkatsu");
});
afterAll(async () => {
  await t?.close();
});

const logged = () => lines.map((l) => JSON.parse(l) as Record<string, any>);

describe("no personal data in the server log", () => {
  it("logs failing statements about a canary person without any of its values", async () => {
    const registered = await staff.post("/api/persons", CANARY);
    expect(registered.status).toBe(201);
    const personId = registered.body.person.id as string;

    // 1. a unique constraint the service does not know of (a test-only index) refuses the same person again
    await t.database.db.execute(
      sql.raw(
        `create unique index canary_person_uq on persons (municipality_id, name_kana) where name_kana like 'カナリア%'`,
      ),
    );
    const again = await staff.post("/api/persons", CANARY);
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ error: "conflict", message: expect.stringMatching(/同時に登録されました/) });

    // 2. a trigger refuses the referral about the canary, quoting the referral's text (with the name) as it does
    await t.database.db.execute(
      sql.raw(`create function refuse_for_test() returns trigger language plpgsql as $$
        begin raise exception 'refused: % (%)', new.observed, new.person_id using detail = new.observed; end $$`),
    );
    await t.database.db.execute(
      sql.raw(
        `create trigger refuse_for_test before insert on referrals for each row execute function refuse_for_test()`,
      ),
    );
    const referral = await staff.post("/api/referrals", {
      personId,
      concerns: ["その他"],
      observed: `${CANARY.nameKanji}さん（${CANARY.dateOfBirth}生、${CANARY.phone}）の様子が気になる`,
      urgency: "低",
      consent: "unknown",
    });
    expect(referral.status).toBe(500);
    expect(JSON.stringify(referral.body)).not.toMatch(/金糸雀|refused/);

    const entries = logged();
    expect(entries.length).toBeGreaterThan(5);
    for (const line of lines) for (const trace of TRACES) expect(line).not.toContain(trace);

    // the failures are there, described by code, constraint and statement (with placeholders only)
    const unique = entries.find((e) => e.err?.code === "23505");
    expect(unique?.err).toMatchObject({ type: "DatabaseError", constraint: "canary_person_uq", table: "persons" });
    expect(unique?.err.statement).toMatch(/^insert into "persons" .*\$1/);
    const raised = entries.find((e) => e.err?.code === "P0001");
    expect(raised?.level).toBe(50);
    expect(raised?.err.statement).toMatch(/^insert into "referrals" .*\$1/);
    expect(raised?.err.stack).toMatch(/^\s+at /);
  });
});
