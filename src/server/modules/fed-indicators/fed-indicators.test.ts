import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { latestAuditRecord } from "../../../../test/helpers/audit-records.js";
import { demoPlanId, signedInApp } from "../../../../test/helpers/fixtures.js";
import { SUPPRESSED_NOT_ACCEPTABLE } from "../../../domain/labels/fed-indicators.js";
import { evaluationRounds } from "../../db/schema/index.js";
import { freezeFedValues } from "./freeze.js";

/**
 * Indicators fed by computed measures, on the demo municipality: its plan's indicators and its support data (the
 * demo counts of 令和6・7年度 are small, so the plan side sees most of them suppressed; 相談の延べ件数 of 令和7年度
 * is 7, shown).
 */
const app = signedInApp(
  {
    office: "keikaku",
    soudan: "soudan",
    korei: "korei",
    viewer: "iin",
    coord: "coord",
    supportAdmin: "shienkanri",
  },
  { demoIndicators: true },
);

interface Suggestion {
  fiscalYear: number;
  source: string;
  measureKey: string | null;
  label: string | null;
  definition: string | null;
  filterLabel: string | null;
  value: number | null;
  state: string;
  display: string;
  acceptable: boolean;
  notAcceptableReason: string | null;
  computedAt: string | null;
}

let planId: string;
const indicatorIds: Record<string, string> = {};

beforeAll(async () => {
  planId = await demoPlanId(app.office);
  const list = (await app.office.get(`/api/plans/${planId}/indicators?fiscalYear=2025`)).body.indicators as {
    id: string;
    name: string;
  }[];
  for (const i of list) indicatorIds[i.name] = i.id;
});

const id = (name: string) => indicatorIds[name] as string;
const feed = async (client: ApiClient, name: string) => {
  const res = await client.get(`/api/indicators/${id(name)}/feed`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as {
    link: { version: number; measureKey: string; filterLabel: string } | null;
    suggestions: Suggestion[];
  };
};
const yearOf = (suggestions: Suggestion[], fy: number) => suggestions.find((s) => s.fiscalYear === fy) as Suggestion;

/** The published cell of a measure in GET /api/stats (its total, or one row), as the caller reads it. */
async function statsCell(client: ApiClient, query: string, measureKey: string, row?: string) {
  const body = (await client.get(`/api/stats?${query}`)).body as {
    measures: {
      key: string;
      total: { value: number | null; state: string; display: string } | null;
      rows: { key: string; value: number | null; state: string; display: string }[];
    }[];
  };
  const m = body.measures.find((x) => x.key === measureKey);
  const cell = row ? m?.rows.find((r) => r.key === row) : m?.total;
  return { value: cell?.value ?? null, state: cell?.state, display: cell?.display };
}

const link = (client: ApiClient, name: string, body: unknown, headers?: Record<string, string>) =>
  client.put(`/api/indicators/${id(name)}/measure-link`, body, headers);

describe("indicators fed by computed measures", () => {
  it("the demo plan has indicators fed by measures, with a suggested actual for every year so far", async () => {
    const fed = [];
    for (const name of Object.keys(indicatorIds)) {
      const f = await feed(app.office, name);
      if (f.link) fed.push([name, f.link.measureKey]);
    }
    expect(fed).toEqual(
      expect.arrayContaining([
        ["支援会議の開催回数", "support_meetings"],
        ["関係機関へのつなぎ件数", "referrals_sent"],
        ["地域資源につなげた件数", "placements"],
      ]),
    );
    const meetings = await feed(app.office, "支援会議の開催回数");
    expect(meetings.suggestions.map((s) => s.fiscalYear).slice(0, 2)).toEqual([2024, 2025]);
    expect(yearOf(meetings.suggestions, 2025)).toMatchObject({ source: "live", label: "支援会議の開催回数" });
    expect(yearOf(meetings.suggestions, 2025).definition?.length).toBeGreaterThan(10);
  });

  it("only the plan office links and unlinks; every change is audited", async () => {
    const body = { measureKey: "contacts", breakdownRow: "電話" };
    for (const client of [app.soudan, app.korei, app.viewer, app.coord, app.supportAdmin]) {
      expect((await link(client, "相談支援の延べ件数", body)).status).toBe(403);
    }
    const made = await link(app.office, "相談支援の延べ件数", body);
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect(made.body.link).toMatchObject({
      measureKey: "contacts",
      breakdownRow: "電話",
      filterLabel: "電話",
      version: 1,
    });
    const record = await latestAuditRecord(app.t.database.db, {
      action: "link_measure",
      entityId: id("相談支援の延べ件数"),
    });
    expect(record?.after).toMatchObject({ measureKey: "contacts", breakdownRow: "電話" });

    // a row the measure does not have, a filter it does not answer to, an agency of nobody: field-named 400s
    const bad = await link(
      app.office,
      "相談支援の延べ件数",
      {
        measureKey: "registered_providers",
        breakdownRow: "電話",
        districtId: crypto.randomUUID(),
        projectId: crypto.randomUUID(),
      },
      ifMatch(1),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(
      ["breakdownRow", "districtId", "districtId", "projectId", "projectId"].sort(),
    );
    const unknownAgency = await link(
      app.office,
      "相談支援の延べ件数",
      { measureKey: "contacts", agencyId: crypto.randomUUID() },
      ifMatch(1),
    );
    expect(unknownAgency.status).toBe(400);

    // the department reads the link; another department does not see the indicator at all
    expect((await feed(app.soudan, "相談支援の延べ件数")).link?.measureKey).toBe("contacts");
    expect((await app.korei.get(`/api/indicators/${id("相談支援の延べ件数")}/feed`)).status).toBe(404);
  });

  it("suggests what GET /api/stats publishes for the same year and filter", async () => {
    const current = (await feed(app.office, "相談支援の延べ件数")).link?.version as number;
    const agencies = (await app.coord.get("/api/agencies")).body.agencies as { id: string; kind: string }[];
    const agency = agencies.find((a) => a.kind === "public") as { id: string };
    const cases: [unknown, string, string | undefined][] = [
      [{ measureKey: "contacts", breakdownRow: "電話" }, "", "電話"],
      [{ measureKey: "contacts" }, "", undefined],
      [{ measureKey: "contacts", agencyId: agency.id }, `&agencyId=${agency.id}`, undefined],
    ];
    // a project of the registry whose agencies recorded contacts in 令和7年度
    const projects = (await app.office.get("/api/stats?fiscalYear=2025")).body.choices.projects as { id: string }[];
    let project: { id: string } | undefined;
    for (const p of projects)
      if (((await statsCell(app.coord, `fiscalYear=2025&projectId=${p.id}`, "contacts")).value ?? 0) > 0) {
        project = p;
        break;
      }
    expect(project, "a demo project with contacts").toBeDefined();
    cases.push([{ measureKey: "contacts", projectId: project?.id }, `&projectId=${project?.id}`, undefined]);
    let version = current;
    for (const [body, filter, row] of cases) {
      const res = await link(app.office, "相談支援の延べ件数", body, ifMatch(version));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      version = res.body.link.version;
      const suggestions = (await feed(app.office, "相談支援の延べ件数")).suggestions;
      for (const fy of [2024, 2025]) {
        const s = yearOf(suggestions, fy);
        const published = await statsCell(app.office, `fiscalYear=${fy}${filter}`, "contacts", row);
        expect({ value: s.value, state: s.state, display: s.display }, `${JSON.stringify(body)} ${fy}`).toEqual(
          published,
        );
      }
    }
    // back to the whole city's total for the tests below
    expect((await link(app.office, "相談支援の延べ件数", { measureKey: "contacts" }, ifMatch(version))).status).toBe(
      200,
    );
  });

  it("suppresses small counts for the plan side with the municipality's threshold", async () => {
    const raw = await statsCell(app.coord, "fiscalYear=2025", "support_meetings");
    expect(raw).toMatchObject({ value: 1, state: "shown" });
    const s = yearOf((await feed(app.office, "支援会議の開催回数")).suggestions, 2025);
    expect(s).toMatchObject({ value: null, state: "small", display: "5未満", acceptable: false });
    expect(s.notAcceptableReason).toBe(SUPPRESSED_NOT_ACCEPTABLE);
    // a department reads it as the plan side does
    expect(yearOf((await feed(app.soudan, "支援会議の開催回数")).suggestions, 2025).display).toBe("5未満");

    const setting = (await app.supportAdmin.get("/api/settings/stats")).body.setting;
    const changed = await app.supportAdmin.put("/api/settings/stats", { threshold: 8 }, ifMatch(setting.version));
    expect(changed.status).toBe(200);
    try {
      const seven = yearOf((await feed(app.office, "相談支援の延べ件数")).suggestions, 2025);
      expect(seven).toMatchObject({ value: null, state: "small", display: "8未満" });
    } finally {
      await app.supportAdmin.put("/api/settings/stats", { threshold: 5 }, ifMatch(changed.body.setting.version));
    }
    const shown = yearOf((await feed(app.office, "相談支援の延べ件数")).suggestions, 2025);
    expect(shown).toMatchObject({ value: 7, state: "shown", display: "7", acceptable: true });
  });

  it("the department accepts a shown suggestion; a suppressed one cannot be accepted", async () => {
    const url = (name: string, fy: number) => `/api/indicators/${id(name)}/actuals/${fy}/accept-suggestion`;
    expect((await app.korei.post(url("相談支援の延べ件数", 2025))).status).toBe(404);
    expect((await app.viewer.post(url("相談支援の延べ件数", 2025))).status).toBe(403);

    const accepted = await app.soudan.post(url("相談支援の延べ件数", 2025));
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.actual).toMatchObject({ kind: "number", value: 7, version: 1 });
    expect(accepted.body.actual.fed).toMatchObject({
      decision: "accepted",
      measureKey: "contacts",
      label: "支援経過の延べ件数",
      filterLabel: "絞り込みなし（市全体）",
      source: "live",
      suggested: { value: 7, state: "shown", display: "7" },
    });
    expect(accepted.body.actual.fed.definition.length).toBeGreaterThan(10);
    expect(Date.parse(accepted.body.actual.fed.computedAt)).not.toBeNaN();
    const record = await latestAuditRecord(app.t.database.db, {
      action: "create_actual",
      entityId: id("相談支援の延べ件数"),
    });
    expect(record?.after).toMatchObject({ value: 7, fed: { decision: "accepted" } });

    // the actual exists now: a stale version is refused, nothing changes
    expect((await app.soudan.post(url("相談支援の延べ件数", 2025), undefined, ifMatch(7))).status).toBe(412);

    const suppressed = await app.soudan.post(url("支援会議の開催回数", 2025));
    expect(suppressed.status).toBe(409);
    expect(suppressed.body.message).toBe(SUPPRESSED_NOT_ACCEPTABLE);
  });

  it("another value than the suggestion needs a reason; a suppressed suggestion is never compared", async () => {
    const put = (name: string, fy: number, body: unknown, version: number) =>
      app.soudan.put(`/api/indicators/${id(name)}/actuals/${fy}`, body, ifMatch(version));
    const noReason = await put("相談支援の延べ件数", 2025, { kind: "number", value: 9 }, 1);
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields[0]).toMatchObject({ field: "suggestionReason" });
    expect(noReason.body.fields[0].message).toContain("7");

    const other = await put(
      "相談支援の延べ件数",
      2025,
      { kind: "number", value: 9, suggestionReason: "窓口の手書き記録2件を加算" },
      1,
    );
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    expect(other.body.actual.value).toBe(9);
    expect(other.body.actual.fed).toMatchObject({
      decision: "other",
      reason: "窓口の手書き記録2件を加算",
      suggested: { value: 7 },
    });
    // typing the suggestion itself is accepting it
    const same = await put("相談支援の延べ件数", 2025, { kind: "number", value: "７" }, 2);
    expect(same.body.actual.fed).toMatchObject({ decision: "accepted", reason: null });

    // 5未満: any number goes without a reason (a refusal would tell the count), kept as another value
    const small = await app.soudan.put(`/api/indicators/${id("支援会議の開催回数")}/actuals/2025`, {
      kind: "number",
      value: 3,
    });
    expect(small.status, JSON.stringify(small.body)).toBe(200);
    expect(small.body.actual.fed).toMatchObject({
      decision: "other",
      suggested: { value: null, state: "small", display: "5未満" },
    });
  });

  it("refuses stale or missing versions of a link", async () => {
    const current = (await feed(app.office, "相談支援の延べ件数")).link?.version as number;
    const path = `/api/indicators/${id("相談支援の延べ件数")}/measure-link`;
    expect((await link(app.office, "相談支援の延べ件数", { measureKey: "contacts" })).status).toBe(428);
    expect(
      (await link(app.office, "相談支援の延べ件数", { measureKey: "contacts" }, ifMatch(current + 5))).status,
    ).toBe(412);
    expect((await app.office.request("DELETE", path)).status).toBe(428);
    expect((await app.office.request("DELETE", path, undefined, ifMatch(current + 5))).status).toBe(412);
    expect((await app.soudan.request("DELETE", path, undefined, ifMatch(current))).status).toBe(403);
    expect((await feed(app.office, "相談支援の延べ件数")).link?.version).toBe(current);
  });

  it("shows the sheet's suggestions, counts only", async () => {
    const sheets = (await app.soudan.get(`/api/plans/${planId}/evaluations/2025/sheets`)).body.sheets as {
      id: string;
      item: { code: string } | null;
    }[];
    const sheet = sheets.find((s) => s.item?.code === "1-1-2") as { id: string };
    const res = await app.soudan.get(`/api/sheets/${sheet.id}/suggested-actuals`);
    expect(res.status).toBe(200);
    const byIndicator = Object.fromEntries(
      (res.body.suggestions as (Suggestion & { indicatorId: string })[]).map((s) => [s.indicatorId, s]),
    );
    expect(byIndicator[id("相談支援の延べ件数")]).toMatchObject({ fiscalYear: 2025, display: "7", acceptable: true });
    expect(byIndicator[id("関係機関へのつなぎ件数")]).toMatchObject({ display: "5未満", acceptable: false });
    expect((await app.korei.get(`/api/sheets/${sheet.id}/suggested-actuals`)).status).toBe(404);
    // the sheet's own indicator table carries how the actual was decided
    const shownOnSheet = (await app.soudan.get(`/api/sheets/${sheet.id}`)).body.sheet.indicators as {
      id: string;
      actual: { value: number; fed: { decision: string } | null } | null;
    }[];
    expect(shownOnSheet.find((i) => i.id === id("相談支援の延べ件数"))?.actual).toMatchObject({
      value: 7,
      fed: { decision: "accepted" },
    });

    // no person is ever in a suggestion: neither the names the coordinators see nor any field about one
    const cases = (await app.coord.get("/api/cases")).body.cases as {
      mainPerson: { nameKanji: string | null; nameKana: string } | null;
    }[];
    const names = cases
      .flatMap((c) => [c.mainPerson?.nameKanji, c.mainPerson?.nameKana])
      .filter((n): n is string => !!n);
    expect(names.length).toBeGreaterThan(0);
    const bodies = [JSON.stringify(res.body), JSON.stringify(await feed(app.office, "関係機関へのつなぎ件数"))];
    for (const text of bodies) {
      for (const n of names) expect(text).not.toContain(n);
      // field names that would carry a person (a measure's key such as new_persons is a count, not a field)
      expect(text).not.toMatch(/"(person|household|nameKan|birth)/i);
    }
  });

  it("once the year's round is closed, every read shows the value frozen then, never a recount", async () => {
    const db = app.t.database.db;
    const municipalityId = (await app.office.get("/api/auth/session")).body.municipality.id as string;
    const frozen = await db.transaction((tx) => freezeFedValues(tx, municipalityId, planId, 2024));
    expect(frozen.map((f) => f.indicatorId)).toEqual(
      expect.arrayContaining([id("相談支援の延べ件数"), id("支援会議の開催回数")]),
    );
    // closing itself is evaluations/close-round.ts; here the round's status is set as it would leave it
    await db
      .update(evaluationRounds)
      .set({ status: "closed" })
      .where(
        and(
          eq(evaluationRounds.municipalityId, municipalityId),
          eq(evaluationRounds.planId, planId),
          eq(evaluationRounds.fiscalYear, 2024),
        ),
      );

    const first = yearOf((await feed(app.office, "相談支援の延べ件数")).suggestions, 2024);
    expect(first).toMatchObject({ source: "frozen", measureKey: "contacts", label: "支援経過の延べ件数" });
    const again = yearOf((await feed(app.office, "相談支援の延べ件数")).suggestions, 2024);
    expect(again.computedAt).toBe(first.computedAt);
    const open = [
      yearOf((await feed(app.office, "相談支援の延べ件数")).suggestions, 2025).computedAt,
      yearOf((await feed(app.office, "相談支援の延べ件数")).suggestions, 2025).computedAt,
    ];
    expect(open[0]).not.toBe(open[1]);

    // the link changes: the closed year keeps the measure it was frozen with, the open year follows the link
    const version = (await feed(app.office, "相談支援の延べ件数")).link?.version as number;
    expect((await link(app.office, "相談支援の延べ件数", { measureKey: "new_persons" }, ifMatch(version))).status).toBe(
      200,
    );
    const after = (await feed(app.office, "相談支援の延べ件数")).suggestions;
    expect(yearOf(after, 2024)).toMatchObject({
      source: "frozen",
      measureKey: "contacts",
      computedAt: first.computedAt,
    });
    expect(yearOf(after, 2025)).toMatchObject({ source: "live", measureKey: "new_persons" });

    // an indicator linked after the close has no value for the closed year, rather than a recount
    const late = (await feed(app.office, "新たに開設された居場所の数")).link;
    expect(late).toBeNull();
    expect((await link(app.office, "新たに開設された居場所の数", { measureKey: "referrals_sent" })).status).toBe(200);
    const none = yearOf((await feed(app.office, "新たに開設された居場所の数")).suggestions, 2024);
    expect(none).toMatchObject({ source: "none", value: null, acceptable: false });
    expect(
      (
        await app.office.post(
          `/api/indicators/${id("新たに開設された居場所の数")}/actuals/2024/accept-suggestion`,
          undefined,
          ifMatch(1),
        )
      ).status,
    ).toBe(409);
  });
});
