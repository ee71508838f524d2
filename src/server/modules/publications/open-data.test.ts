/**
 * Open data: the catalogue validates against its JSON Schema (docs/opendata-catalog.schema.json), every file it
 * lists downloads, each table's CSV (UTF-8 with BOM) and JSON hold the same rows, and those rows are what the
 * public pages show (the year's projects, an indicator's trend).
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { demoPlanId, signedInApp } from "../../../../test/helpers/fixtures.js";

const app = signedInApp({ office: "keikaku" }, { demoIndicators: true, demoBaseline: true });
const site = "/p/999001/";
let planId: string;

async function resident(path: string) {
  const res = await fetch(app.t.baseUrl + path);
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

/** RFC 4180 rows of a CSV text (quoted cells with commas, quotes and line breaks) */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

const textOf = (s: string) =>
  s
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** the body rows of the page's table whose caption contains `caption`, as the cells' text */
function tableRows(html: string, caption: string): string[][] {
  const tables = [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map((m) => m[1] as string);
  const table = tables.find((t) => textOf(/<caption>([\s\S]*?)<\/caption>/.exec(t)?.[1] ?? "").includes(caption));
  if (!table) throw new Error(`no table ${caption}`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...(r[1] as string).matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => textOf(c[1] as string)),
  );
}

beforeAll(async () => {
  planId = await demoPlanId(app.office);
  const sheets = (await app.office.get(`/api/plans/${planId}/evaluations/2024/sheets`)).body.sheets as {
    id: string;
    version: number;
    status: string;
  }[];
  for (const s of sheets.filter((x) => x.status !== "accepted"))
    await app.office.post(`/api/sheets/${s.id}/not-evaluated`, { reason: "休止" }, ifMatch(s.version));
  expect((await app.office.post(`/api/plans/${planId}/evaluations/2024/close`, {})).status).toBe(200);
  expect((await app.office.put(`/api/plans/${planId}/publications/2024`)).status).toBe(200);
});

describe("open data", () => {
  it("has a catalogue that validates against its schema and lists every table as CSV and JSON", async () => {
    const res = await resident(`${site}opendata/catalog.json`);
    expect(res.status).toBe(200);
    const catalog = JSON.parse(res.bytes.toString("utf8"));
    const schema = JSON.parse(readFileSync("docs/opendata-catalog.schema.json", "utf8"));
    const ajv = new Ajv2020({ allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(catalog), JSON.stringify(validate.errors)).toBe(true);
    const names = catalog.dataset.map((d: { identifier: string }) => d.identifier.split("/").at(-1));
    expect(names).toEqual(["items", "indicators", "summary-2024", "projects-2024"]);
    expect(catalog.publisher).toEqual({ name: expect.any(String), identifier: "999001" });
    for (const d of catalog.dataset)
      for (const dist of d.distribution) {
        const file = await resident(new URL(dist.downloadURL).pathname);
        expect(file.status, dist.downloadURL).toBe(200);
        expect(file.type).toContain(dist.mediaType);
      }
  });

  it("holds the same rows in each table's CSV (UTF-8 with BOM) and JSON", async () => {
    for (const name of ["items", "indicators", "summary-2024", "projects-2024"]) {
      const csv = await resident(`${site}opendata/${planId}/${name}.csv`);
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(csv.bytes.toString("utf8").slice(1));
      const json = JSON.parse((await resident(`${site}opendata/${planId}/${name}.json`)).bytes.toString("utf8"));
      expect(json.columns).toEqual(header);
      expect(json.license).toBe("https://creativecommons.org/licenses/by/4.0/");
      expect(json.rows.map((r: Record<string, string>) => (header as string[]).map((h) => r[h]))).toEqual(rows);
      expect(rows.length, name).toBeGreaterThan(0);
    }
  });

  it("lists the projects and grades the year's page shows, and an indicator's trend as its page shows it", async () => {
    const page = (await resident(`${site}plans/${planId}/years/2024`)).bytes.toString("utf8");
    const shown = tableRows(page, "の事業と評価").map(([code, title, departments, grade]) => [
      code,
      title,
      departments,
      grade,
    ]);
    const csv = parseCsv(
      (await resident(`${site}opendata/${planId}/projects-2024.csv`)).bytes.toString("utf8").slice(1),
    );
    expect(csv.slice(1).map((r) => r.slice(0, 4))).toEqual(shown);
    expect(shown.length).toBeGreaterThan(10);

    const indicators = parseCsv(
      (await resident(`${site}opendata/${planId}/indicators.csv`)).bytes.toString("utf8").slice(1),
    );
    // an indicator with the published year's actual, reached from the plan page as a resident would
    const withActual = new Set(indicators.filter((r) => r[2] === "令和6年度" && r[5]).map((r) => r[0]));
    const plan = (await resident(`${site}plans/${planId}/`)).bytes.toString("utf8");
    const link = [...plan.matchAll(/href="(\/p\/999001\/plans\/[^"]+\/indicators\/[^"]+)">([^<]+)</g)].find((m) =>
      withActual.has(textOf(m[2] as string)),
    );
    if (!link) throw new Error("no indicator with the year's actual on the plan page");
    const name = textOf(link[2] as string);
    const trend = tableRows((await resident(link[1] as string)).bytes.toString("utf8"), "年度ごとの");
    const rows = indicators.filter((r) => r[0] === name).map((r) => [r[2], r[3] || "—", r[5] || "—", r[7] || "—"]);
    expect(rows).toEqual(trend);
    // the published year's actual is there
    expect(trend.some((r) => r[0] === "令和6年度" && r[2] !== "—")).toBe(true);
  });

  it("filters the 総括表's projects by department, grade, 新規 and 重点", async () => {
    const all = tableRows((await resident(`${site}plans/${planId}/years/2024`)).bytes.toString("utf8"), "の事業と評価");
    const department = (all[0] as string[])[2]?.split("・")[0] as string;
    const byDept = tableRows(
      (await resident(`${site}plans/${planId}/years/2024?department=${encodeURIComponent(department)}`)).bytes.toString(
        "utf8",
      ),
      "の事業と評価",
    );
    expect(byDept).toEqual(all.filter((r) => (r[2] as string).split("・").includes(department)));
    const graded = all.filter((r) => r[3] !== "未評価");
    const grade = (graded[0] as string[])[3] as string;
    const code = (await app.office.get(`/api/plans/${planId}`)).body.plan.gradeScale.find(
      (g: { label: string; code: string }) => g.label === grade || g.code === grade,
    ).code;
    const byGrade = tableRows(
      (await resident(`${site}plans/${planId}/years/2024?grade=${encodeURIComponent(code)}`)).bytes.toString("utf8"),
      "の事業と評価",
    );
    expect(byGrade).toEqual(all.filter((r) => r[3] === grade));
    const priority = tableRows(
      (await resident(`${site}plans/${planId}/years/2024?priority=1`)).bytes.toString("utf8"),
      "の事業と評価",
    );
    expect(priority).toEqual(all.filter((r) => (r[4] as string).includes("重点")));
  });
});
