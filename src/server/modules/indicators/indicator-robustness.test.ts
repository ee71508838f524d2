import fc from "fast-check";
import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { startSeededIndicatorWorld } from "../../../../test/helpers/indicator-world.js";
import { acceptsGzip } from "../../platform/http/precompressed.js";

// Generated payloads on the write endpoints, deletion under If-Match, Accept-Encoding.
const w = worldForFile(startSeededIndicatorWorld);

describe("robustness", () => {
  it("never answers 500 to generated payloads on the indicator write endpoints", async () => {
    const nasty = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom("\u0000", "\ud800", "１，２００", "—", "", "試行", "=cmd|' /C calc'!A0", "長".repeat(3000)),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    );
    const keys = ["kind", "value", "step", "text", "comment", "itemId", "name", "targets", "source", "steps"];
    const body = fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 6 })), nasty, {
      maxKeys: 5,
    });
    const ok = (status: number) => status < 500;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const current = (await w.office.get(`/api/indicators/${w.ids.asNeeded}`)).body.indicator;
        const actual = current.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2026).actual;
        const results = [
          await w.office.put(`/api/indicators/${w.ids.asNeeded}/actuals/2026`, b, ifMatch(actual?.version ?? 0)),
          await w.office.post(`/api/plans/${w.planId}/indicators`, { itemId: w.item("1-1-1"), kind: "outcome", ...b }),
          await w.office.put(`/api/indicators/${w.ids.asNeeded}/targets/2028`, b),
          await w.office.patch(`/api/indicators/${w.ids.asNeeded}`, b, ifMatch(current.version)),
          await w.office.put(`/api/plans/${w.planId}/milestone-ladder`, b, ifMatch(0)),
        ];
        for (const r of results) {
          expect(ok(r.status)).toBe(true);
          if (r.status >= 400) expect(typeof r.body.message).toBe("string");
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it("deletes an actual and an indicator under If-Match, with 404 afterwards", async () => {
    const created = await w.create("1-1-1", "削除する指標", { 2025: "1回" });
    const put = await w.office.put(`/api/indicators/${created.id}/actuals/2025`, { kind: "number", value: 1 });
    expect(put.status).toBe(200);
    expect((await w.office.request("DELETE", `/api/indicators/${created.id}/actuals/2025`)).status).toBe(428);
    expect(
      (await w.office.request("DELETE", `/api/indicators/${created.id}/actuals/2025`, undefined, ifMatch(1))).status,
    ).toBe(204);
    expect((await w.office.request("DELETE", `/api/indicators/${created.id}`, undefined, ifMatch(2))).status).toBe(412);
    expect((await w.korei.request("DELETE", `/api/indicators/${created.id}`, undefined, ifMatch(1))).status).toBe(403);
    expect((await w.office.request("DELETE", `/api/indicators/${created.id}`, undefined, ifMatch(1))).status).toBe(204);
    expect((await w.office.get(`/api/indicators/${created.id}`)).status).toBe(404);
  });

  it("reads Accept-Encoding the way browsers send it", () => {
    const req = (v?: string) => ({ headers: { "accept-encoding": v } }) as unknown as FastifyRequest;
    expect(acceptsGzip(req("gzip, deflate, br"))).toBe(true);
    expect(acceptsGzip(req("br;q=1.0, gzip;q=0.8"))).toBe(true);
    expect(acceptsGzip(req("gzip;q=0"))).toBe(false);
    expect(acceptsGzip(req("identity"))).toBe(false);
    expect(acceptsGzip(req(undefined))).toBe(false);
  });
});
