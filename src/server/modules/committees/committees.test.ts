/**
 * Committees and their opinions over HTTP: the plan office keeps the committees (If-Match, audited), items reach the
 * sub-committees by their marks, a member reads and writes only while in term and only for its own committee, a draft
 * is its writer's, the plan office answers with If-Match, and the year's report (page and xlsx) carries both.
 */
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient, ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { demoPlanId, signedInApp } from "../../../../test/helpers/fixtures.js";
import { openWorkbook } from "../../../../test/helpers/workbook.js";

const app = signedInApp({ office: "keikaku", korei: "korei", shogai: "shogai", iin: "iin" });
let planId: string;
const ids: Record<string, string> = {};
let elderlyMember: ApiClient;
let formerMember: ApiClient;
let full: { id: string; version: number };
let elderly: { id: string; version: number };
let disability: { id: string; version: number };

type Item = { id: string; title: string; level: number; version: number };
const PASSWORD = "committee-member-pass-2025";
const answer = { response: "令和7年度から立ち上げ後1年間の訪問支援を行います。", responseStatus: "reflected" };

/** A viewer account made by the plan office, signed in. */
async function viewer(loginId: string, displayName: string) {
  const made = await app.office.post("/api/users", { loginId, displayName, role: "viewer", password: PASSWORD });
  if (made.status !== 201) throw new Error(`user: ${JSON.stringify(made.body)}`);
  const client = await ApiClient.login(app.t.baseUrl, loginId, PASSWORD);
  return { client, id: made.body.user.id as string };
}

const ok = (res: { status: number; body: any }, status = 200) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};

beforeAll(async () => {
  planId = await demoPlanId(app.office);
  const plan = `/api/plans/${planId}`;
  const items = ok(await app.office.get(plan)).items as Item[];
  const byTitle = (t: string) => items.find((i) => i.title === t) as Item;
  // the measure of 生活支援コーディネーター is 高齢 (its projects inherit it); one project is also 障がい
  const marks: [string, string[]][] = [
    ["地域の支え合い活動の推進", ["高"]],
    ["相談支援職員の研修", ["高", "障"]],
  ];
  for (const [title, m] of marks) {
    const item = byTitle(title);
    ok(await app.office.patch(`${plan}/items/${item.id}`, { constituentPlans: m }, ifMatch(item.version)));
  }
  ids.coordinator = byTitle("生活支援コーディネーターの配置").id;
  ids.training = byTitle("相談支援職員の研修").id;
  ids.windowDesk = byTitle("福祉の総合相談窓口の運営").id;
  ids.iin = (ok(await app.office.get("/api/users")).users as { id: string; loginId: string }[]).find(
    (u) => u.loginId === "iin",
  )?.id as string;
  const serving = await viewer("kourei-iin", "高齢 委員");
  const former = await viewer("moto-iin", "元 委員");
  elderlyMember = serving.client;
  formerMember = former.client;
  ids.elderlyMember = serving.id;
  ids.formerMember = former.id;

  // 2024 closes: the sheet never written is left 未評価 with a reason
  const year = `${plan}/evaluations/2024`;
  const sheets = ok(await app.office.get(`${year}/sheets`)).sheets as { id: string; version: number; status: string }[];
  for (const s of sheets.filter((s) => s.status !== "accepted"))
    ok(await app.office.post(`/api/sheets/${s.id}/not-evaluated`, { reason: "休止" }, ifMatch(s.version)));
  ok(await app.office.post(`${year}/close`, {}));
});

describe("the plan office keeps the committees", () => {
  it("creates them with kinds, marks and members with terms, each audited", async () => {
    const made = ok(
      await app.office.post(`/api/plans/${planId}/committees`, {
        kind: "committee",
        name: "市民福祉推進委員会",
        members: [{ userId: ids.iin, termFrom: "2024-04-01", termTo: null }],
      }),
      201,
    ).committee;
    expect(made).toMatchObject({ kind: "committee", kindLabel: "推進委員会", marks: [], version: 1 });
    expect(made.members).toEqual([expect.objectContaining({ userId: ids.iin, inTerm: true, termTo: null })]);
    full = made;
    elderly = ok(
      await app.office.post(`/api/plans/${planId}/committees`, {
        kind: "subcommittee",
        name: "高齢小委員会",
        marks: ["高"],
        members: [
          { userId: ids.elderlyMember, termFrom: "2024-04-01", termTo: "2099-03-31" },
          { userId: ids.formerMember, termFrom: "2020-04-01", termTo: "2022-03-31" },
        ],
      }),
      201,
    ).committee;
    expect(elderly.version).toBe(1);
    disability = ok(
      await app.office.post(`/api/plans/${planId}/committees`, {
        kind: "subcommittee",
        name: "障がい小委員会",
        marks: ["障"],
      }),
      201,
    ).committee;
    const records = await auditRecords(app.t.database.db, { entityType: "committee", action: "create" });
    expect(records.map((r) => r.entityId).sort()).toEqual([full.id, elderly.id, disability.id].sort());
  });

  it("refuses a sub-committee without marks, a department editor on the citizens' committee, and other callers", async () => {
    const noMarks = await app.office.post(`/api/plans/${planId}/committees`, {
      kind: "subcommittee",
      name: "権利擁護",
    });
    expect(noMarks.status).toBe(400);
    expect(noMarks.body.fields).toEqual([
      { field: "marks", message: "小委員会には担当する構成計画を1つ以上選んでください" },
    ]);
    // garbage: one Japanese message per field, named by its path
    const garbage = await app.office.post(`/api/plans/${planId}/committees`, {
      kind: "committee",
      name: "確認",
      marks: "高",
      members: [{ userId: crypto.randomUUID(), termFrom: "昨日" }],
    });
    expect(garbage.status).toBe(400);
    expect(garbage.body.fields).toEqual([
      { field: "marks", message: "担当する構成計画は印の一覧で指定してください" },
      { field: "members.0.termFrom", message: "任期（開始）は YYYY-MM-DD で入力してください" },
    ]);
    const koreiId = (ok(await app.office.get("/api/users")).users as { id: string; loginId: string }[]).find(
      (u) => u.loginId === "korei",
    )?.id;
    const editorSeat = await app.office.post(`/api/plans/${planId}/committees`, {
      kind: "committee",
      name: "別の委員会",
      members: [{ userId: koreiId, termFrom: "2024-04-01" }],
    });
    expect(editorSeat.status).toBe(400);
    expect(editorSeat.body.fields[0].field).toBe("members.0.userId");
    // the internal 推進会議 may seat the city's own staff
    const council = await app.office.post(`/api/plans/${planId}/committees`, {
      kind: "internal_council",
      name: "地域共生社会推進会議",
      members: [{ userId: koreiId, termFrom: "2024-04-01" }],
    });
    expect(council.status).toBe(201);
    expect((await app.korei.post(`/api/plans/${planId}/committees`, { kind: "committee", name: "x" })).status).toBe(
      403,
    );
    expect((await app.iin.post(`/api/plans/${planId}/committees`, { kind: "committee", name: "x" })).status).toBe(403);
  });

  it("changes a committee only at its version (If-Match) and audits the change", async () => {
    const body = { kind: "subcommittee", name: "障がい小委員会", marks: ["障"], members: [] };
    expect((await app.office.put(`/api/committees/${disability.id}`, body)).status).toBe(428);
    expect((await app.office.put(`/api/committees/${disability.id}`, body, ifMatch(7))).status).toBe(412);
    const changed = ok(
      await app.office.put(`/api/committees/${disability.id}`, { ...body, name: "障がい者福祉小委員会" }, ifMatch(1)),
    ).committee;
    expect(changed).toMatchObject({ name: "障がい者福祉小委員会", version: 2 });
    const [record] = await auditRecords(app.t.database.db, { entityType: "committee", action: "update" });
    expect(record?.before).toMatchObject({ name: "障がい小委員会" });
    expect(record?.after).toMatchObject({ name: "障がい者福祉小委員会" });
  });
});

describe("routing and membership", () => {
  const itemsOf = async (client: ApiClient, committeeId: string) =>
    (ok(await client.get(`/api/committees/${committeeId}/years/2024`)).review.items as { itemId: string }[]).map(
      (i) => i.itemId,
    );

  it("a sub-committee gets the items whose marks (or their heading's) meet its own; the full committee gets all", async () => {
    const elderlyItems = await itemsOf(elderlyMember, elderly.id);
    expect(elderlyItems).toContain(ids.coordinator); // by its measure's 高
    expect(elderlyItems).toContain(ids.training); // 高 and 障: in both
    expect(elderlyItems).not.toContain(ids.windowDesk);
    expect(await itemsOf(app.office, disability.id)).toEqual([ids.training]);
    const all = await itemsOf(app.iin, full.id);
    const report = ok(await app.office.get(`/api/plans/${planId}/evaluations/2024/report`)).report;
    expect(all).toEqual(report.sheets.map((s: { itemId: string }) => s.itemId));
  });

  it("shows the frozen results: grades, indicators and the 総括表's lines of the routed items", async () => {
    const review = ok(await elderlyMember.get(`/api/committees/${elderly.id}/years/2024`)).review;
    const coordinator = review.items.find((i: { itemId: string }) => i.itemId === ids.coordinator);
    expect(coordinator).toMatchObject({ grade: "B", status: "accepted" });
    expect(coordinator.results).toContain("5圏域に配置");
    // the 総括表's lines of the routed items
    const lines = review.summaryLines as { itemId: string; relisted: boolean }[];
    const routed = (review.items as { itemId: string }[]).map((i) => i.itemId);
    expect([...new Set(lines.map((l) => l.itemId))].sort()).toEqual([...routed].sort());
    // each routed project once at its home, and again wherever it is 再掲
    expect(
      lines
        .filter((l) => !l.relisted)
        .map((l) => l.itemId)
        .sort(),
    ).toEqual([...routed].sort());
    expect(review).toMatchObject({ basis: "member", canWrite: true, canAnswer: false, fiscalYearLabel: "令和6年度" });
  });

  it("hides a committee from members of another committee and from a member outside the term (404)", async () => {
    expect((await app.iin.get(`/api/committees/${elderly.id}/years/2024`)).status).toBe(404);
    expect((await elderlyMember.get(`/api/committees/${full.id}/years/2024`)).status).toBe(404);
    expect((await formerMember.get(`/api/committees/${elderly.id}/years/2024`)).status).toBe(404);
    expect((await app.korei.get(`/api/committees/${elderly.id}/years/2024`)).status).toBe(404);
    expect(ok(await formerMember.get(`/api/plans/${planId}/committees`)).committees).toEqual([]);
    const mine = ok(await elderlyMember.get(`/api/plans/${planId}/committees`)).committees;
    expect(mine.map((c: { id: string; members: unknown }) => [c.id, c.members])).toEqual([[elderly.id, null]]);
    const all = ok(await app.office.get(`/api/plans/${planId}/committees`)).committees;
    expect(all).toHaveLength(4);
  });

  it("answers an open year with 409: opinions are on closed years only", async () => {
    const res = await elderlyMember.get(`/api/committees/${elderly.id}/years/2025`);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain("締め切った年度");
  });
});

describe("opinions and answers", () => {
  let opinion: { id: string; version: number };

  it("a member writes a draft on a routed item; an item not routed to the committee is refused", async () => {
    const outside = await elderlyMember.post(`/api/committees/${elderly.id}/years/2024/opinions`, {
      itemId: ids.windowDesk,
      body: "窓口について",
    });
    expect(outside.status).toBe(400);
    expect(outside.body.fields[0].field).toBe("itemId");
    expect(
      (await formerMember.post(`/api/committees/${elderly.id}/years/2024/opinions`, { body: "任期外" })).status,
    ).toBe(404);
    // the plan office reads the committee but does not sit on it
    expect((await app.office.post(`/api/committees/${elderly.id}/years/2024/opinions`, { body: "x" })).status).toBe(
      403,
    );
    opinion = ok(
      await elderlyMember.post(`/api/committees/${elderly.id}/years/2024/opinions`, {
        itemId: ids.coordinator,
        body: "通いの場の立ち上げ後の継続支援を示してほしい。",
      }),
      201,
    ).opinion;
    expect(opinion).toMatchObject({ status: "draft", statusLabel: "下書き", itemTitle: null, version: 1 });
  });

  it("keeps a draft private to its writer", async () => {
    const seen = async (client: ApiClient) =>
      (ok(await client.get(`/api/committees/${elderly.id}/years/2024`)).review.opinions as { id: string }[]).map(
        (o) => o.id,
      );
    expect(await seen(elderlyMember)).toEqual([opinion.id]);
    expect(await seen(app.office)).toEqual([]);
    expect((await app.office.post(`/api/opinions/${opinion.id}/answer`, answer, ifMatch(1))).status).toBe(404);
    expect((await app.iin.put(`/api/opinions/${opinion.id}`, { body: "x" }, ifMatch(1))).status).toBe(404);
  });

  it("edits and submits the draft at its version; a submitted opinion no longer changes", async () => {
    const edited = ok(
      await elderlyMember.put(
        `/api/opinions/${opinion.id}`,
        { body: "通いの場の立ち上げ後の継続支援を具体的に示してほしい。" },
        ifMatch(1),
      ),
    ).opinion;
    expect(edited.version).toBe(2);
    expect((await elderlyMember.post(`/api/opinions/${opinion.id}/submit`, undefined, ifMatch(1))).status).toBe(412);
    const submitted = ok(await elderlyMember.post(`/api/opinions/${opinion.id}/submit`, undefined, ifMatch(2))).opinion;
    expect(submitted).toMatchObject({ status: "submitted", statusLabel: "提出済", version: 3 });
    expect((await elderlyMember.put(`/api/opinions/${opinion.id}`, { body: "x" }, ifMatch(3))).status).toBe(409);
    opinion = submitted;
  });

  it("the plan office answers with 市の対応方針 and a status, at the opinion's version, audited", async () => {
    const url = `/api/opinions/${opinion.id}/answer`;
    expect((await app.office.post(url, answer)).status).toBe(428);
    expect((await app.office.post(url, answer, ifMatch(1))).status).toBe(412);
    expect((await app.office.post(url, { ...answer, responseStatus: "done" }, ifMatch(3))).status).toBe(400);
    expect((await app.iin.post(url, answer, ifMatch(3))).status).toBe(403);
    const answered = ok(await app.office.post(url, answer, ifMatch(3))).opinion;
    expect(answered).toMatchObject({ response: answer.response, responseStatusLabel: "反映済", version: 4 });
    const [record] = await auditRecords(app.t.database.db, { entityType: "committee_opinion", action: "respond" });
    expect(record?.after).toMatchObject({ responseStatus: "reflected" });
    const review = ok(await elderlyMember.get(`/api/committees/${elderly.id}/years/2024`)).review;
    expect(review.opinions[0]).toMatchObject({ response: answer.response, respondedByName: "計画 花子（福祉政策課）" });
  });

  it("a year-wide opinion of the full committee is not shown to the sub-committee's member", async () => {
    const overall = ok(
      await app.iin.post(`/api/committees/${full.id}/years/2024/opinions`, {
        body: "計画全体として着実に進んでいる。",
      }),
      201,
    ).opinion;
    ok(await app.iin.post(`/api/opinions/${overall.id}/submit`, undefined, ifMatch(1)));
    const elderlyView = ok(await elderlyMember.get(`/api/committees/${elderly.id}/years/2024`)).review;
    expect(elderlyView.opinions.map((o: { id: string }) => o.id)).not.toContain(overall.id);
  });
});

describe("the report and the next revision", () => {
  it("the 評価結果報告書 carries each committee's opinions with the answers, as far as the reader may see", async () => {
    const office = ok(await app.office.get(`/api/plans/${planId}/evaluations/2024/report`)).report;
    const byName = new Map(
      office.committees.map((c: { committee: { name: string }; opinions: unknown[] }) => [
        c.committee.name,
        c.opinions,
      ]),
    );
    expect(byName.get("高齢小委員会")).toEqual([
      expect.objectContaining({
        itemCode: "1-2-1",
        itemTitle: "生活支援コーディネーターの配置",
        body: "通いの場の立ち上げ後の継続支援を具体的に示してほしい。",
        response: answer.response,
        responseStatusLabel: "反映済",
      }),
    ]);
    expect(byName.get("市民福祉推進委員会")).toEqual([expect.objectContaining({ itemId: null })]);
    // the full committee's member reads its own committee's part only
    const member = ok(await app.iin.get(`/api/plans/${planId}/evaluations/2024/report`)).report;
    expect(member.committees.map((c: { committee: { name: string } }) => c.committee.name)).toEqual([
      "市民福祉推進委員会",
    ]);
    // 高齢支援課 reads the opinion on its own project (it acts on it), not the year-wide one
    const korei = ok(await app.korei.get(`/api/plans/${planId}/evaluations/2024/report`)).report;
    expect(
      korei.committees.flatMap((c: { opinions: { itemId: string }[] }) => c.opinions.map((o) => o.itemId)),
    ).toEqual([ids.coordinator]);
  });

  it("the xlsx has a sheet per committee with the opinions and answers", async () => {
    const res = await app.office.get(`/api/plans/${planId}/evaluations/2024/report.xlsx`);
    expect(res.status).toBe(200);
    const wb = await openWorkbook(res.body as Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["総括表", "評価表", "指標", "市民福祉推進委員会", "高齢小委員会"]),
    );
    const ws = wb.getWorksheet("高齢小委員会") as ExcelJS.Worksheet;
    const row = (ws.getRow(3).values as ExcelJS.CellValue[]).slice(1).map(String);
    expect(row).toEqual([
      "1-2-1",
      "生活支援コーディネーターの配置",
      "高齢 委員",
      "通いの場の立ち上げ後の継続支援を具体的に示してほしい。",
      answer.response,
      "反映済",
    ]);
  });

  it("the item keeps its opinions in the revision that follows (same item id)", async () => {
    const res = ok(await app.office.get(`/api/plans/${planId}/items/${ids.coordinator}/opinions`)).committees;
    expect(res).toEqual([
      expect.objectContaining({
        committee: expect.objectContaining({ name: "高齢小委員会" }),
        opinions: [expect.objectContaining({ fiscalYear: 2024, responseStatusLabel: "反映済" })],
      }),
    ]);
    expect(ok(await app.iin.get(`/api/plans/${planId}/items/${ids.coordinator}/opinions`)).committees).toEqual([]);
  });

  it("closing a later year names the committees asked for their opinions", async () => {
    const [record] = await auditRecords(app.t.database.db, {
      entityType: "evaluation_round",
      action: "close_evaluation",
    });
    // asked at the 2024 close: no committee existed yet
    expect(record?.after).toMatchObject({ committeesAsked: 0 });
  });
});
