import { describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { fields, startSeededIndicatorWorld } from "../../../../test/helpers/indicator-world.js";

// The plan's milestone ladder and the targets it leaves unclassified.
const w = worldForFile(startSeededIndicatorWorld);

describe("milestone ladder and unclassified targets", () => {
  it("lists free-text targets for the plan office only", async () => {
    const res = await w.office.get(`/api/plans/${w.planId}/targets/unclassified`);
    expect(res.status).toBe(200);
    expect(res.body.texts).toEqual([
      expect.objectContaining({
        source: "ロードマップの作成",
        count: 1,
        occurrences: [expect.objectContaining({ indicatorId: w.ids.freeText, fiscalYear: 2025 })],
      }),
    ]);
    expect(res.body.counts).toMatchObject({ text: 1, asNeeded: 1 });
    expect((await w.korei.get(`/api/plans/${w.planId}/targets/unclassified`)).status).toBe(403);
  });

  it("validates the ladder with field-named 400s and re-types every target when it changes", async () => {
    const got = await w.office.get(`/api/plans/${w.planId}/milestone-ladder`);
    expect(got.body).toMatchObject({ isDefault: true });
    expect(got.body.ladder.steps[0].label).toBe("調査・研究");
    const version = Number(got.headers.get("etag")?.replace(/"/g, ""));

    const invalid = await w.office.put(
      `/api/plans/${w.planId}/milestone-ladder`,
      {
        steps: [
          { label: "着手", rank: 1, aliases: ["検討"] },
          { label: "", rank: 2 },
          { label: "検討", rank: 3 },
        ],
      },
      ifMatch(version),
    );
    expect(invalid.status).toBe(400);
    expect(fields(invalid).sort()).toEqual(["steps.1", "steps.2"]);
    const malformed = await w.office.put(
      `/api/plans/${w.planId}/milestone-ladder`,
      { steps: [{ label: "x", rank: "高" }] },
      ifMatch(version),
    );
    expect(fields(malformed)).toEqual(["steps.0.rank"]);
    expect(
      (await w.korei.put(`/api/plans/${w.planId}/milestone-ladder`, { steps: null }, ifMatch(version))).status,
    ).toBe(403);
    expect(
      (await w.office.put(`/api/plans/${w.planId}/milestone-ladder`, { steps: null }, ifMatch(version - 1))).status,
    ).toBe(412);

    const steps = [...got.body.ladder.steps, { label: "ロードマップの作成", rank: 3, aliases: ["計画の策定"] }];
    const put = await w.office.put(`/api/plans/${w.planId}/milestone-ladder`, { steps }, ifMatch(version));
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ isDefault: false, retypedTargets: 1, unclassifiedTargets: 0 });
    expect(put.headers.get("etag")).toBe(`"${version + 1}"`);
    const detail = (await w.office.get(`/api/indicators/${w.ids.freeText}`)).body.indicator;
    expect(detail.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2025).target.typed).toEqual({
      kind: "milestone",
      step: "ロードマップの作成",
      rank: 3,
    });
    expect((await w.office.get(`/api/plans/${w.planId}/targets/unclassified`)).body.texts).toEqual([]);
    // a stage of the plan's own ladder can be reported
    const reported = await w.office.put(`/api/indicators/${w.ids.freeText}/actuals/2025`, {
      kind: "milestone",
      step: "計画の策定",
    });
    expect(reported.body.attainment.status).toBe("met");

    const now = Number(
      (await w.office.get(`/api/plans/${w.planId}/milestone-ladder`)).headers.get("etag")?.slice(1, -1),
    );
    expect(now).toBe(version + 2); // the actual bumped the plan's version too
    const reset = await w.office.put(`/api/plans/${w.planId}/milestone-ladder`, { steps: null }, ifMatch(now));
    expect(reset.body).toMatchObject({ isDefault: true, retypedTargets: 1, unclassifiedTargets: 1 });
    const list = (await w.office.get(`/api/plans/${w.planId}/indicators?fiscalYear=2025`)).body.indicators;
    expect(list.find((i: { id: string }) => i.id === w.ids.freeText).attainment.status).toBe("manual");
  });
});
