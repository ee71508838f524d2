/**
 * The indicator tests' world: the demo plan (without its indicators) with the plan office, two department editors
 * (高齢支援課, 障害福祉課), 福祉相談課 and a viewer signed in. The tests of one file run in order on one database;
 * a file that starts later in the story builds the same indicators and actuals first with `seedIndicators`.
 */
import { ApiClient, ifMatch } from "./api-client.js";
import { startTestApp, type TestApp } from "./test-app.js";

export interface IndicatorWorld {
  t: TestApp;
  office: ApiClient;
  korei: ApiClient;
  shogai: ApiClient;
  soudan: ApiClient;
  viewer: ApiClient;
  planId: string;
  itemByCode: Map<string, { id: string; title: string }>;
  /** the id of the demo plan's item with this code */
  item(code: string): string;
  /** an indicator created by the plan office (201 expected), with one target per fiscal year */
  create(code: string, name: string, targets: Record<number, string>, extra?: object): Promise<any>;
}

export async function startIndicatorWorld(): Promise<IndicatorWorld> {
  const t = await startTestApp();
  const [office, korei, shogai, soudan, viewer] = (await Promise.all(
    ["keikaku", "korei", "shogai", "soudan", "iin"].map((id) => ApiClient.login(t.baseUrl, id)),
  )) as [ApiClient, ApiClient, ApiClient, ApiClient, ApiClient];
  const planId: string = (await office.get("/api/plans")).body.plans[0].id;
  const itemByCode = new Map<string, { id: string; title: string }>();
  for (const i of (await office.get(`/api/plans/${planId}`)).body.items) itemByCode.set(i.code, i);
  const item = (code: string) => {
    const i = itemByCode.get(code);
    if (!i) throw new Error(`no item ${code}`);
    return i.id;
  };
  const create = async (code: string, name: string, targets: Record<number, string>, extra: object = {}) => {
    const res = await office.post(`/api/plans/${planId}/indicators`, {
      itemId: item(code),
      kind: "activity",
      name,
      targets: Object.entries(targets).map(([fiscalYear, source]) => ({ fiscalYear: Number(fiscalYear), source })),
      ...extra,
    });
    if (res.status !== 201) throw new Error(`create ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.indicator;
  };
  return { t, office, korei, shogai, soudan, viewer, planId, itemByCode, item, create };
}

export const fields = (res: { body: { fields?: { field: string }[] } }) => (res.body.fields ?? []).map((f) => f.field);

/** The ids of the indicators `seedIndicators` creates, by the role each plays in the tests. */
export interface IndicatorIds {
  gte: string;
  lte: string;
  eq: string;
  milestone: string;
  asNeeded: string;
  shogai: string;
  freeText: string;
}

/**
 * The state the create and actuals tests leave: the same seven indicators (five on 1-2-1, one of 障害福祉課, one
 * free-text target), the same 2025 actuals (met, not met, met after a correction, a milestone, a manual one, the
 * other department's), the renamed indicator and the replaced 2027 target. Every write must succeed.
 */
export async function seedIndicators(w: IndicatorWorld): Promise<IndicatorIds> {
  const { create, korei, shogai, office } = w;
  const ids: IndicatorIds = {
    gte: (await create("1-2-1", "通いの場の数", { 2025: "１５か所以上", 2026: "20か所以上" })).id,
    lte: (await create("1-2-1", "閉じこもりがちな高齢者の割合", { 2025: "20%以下" })).id,
    eq: (await create("1-2-1", "サポーター登録者数", { 2025: "4,100人" })).id,
    milestone: (
      await create(
        "1-2-1",
        "支援体制の構築",
        { 2024: "調査・研究", 2025: "支援の試行実施", 2026: "実施" },
        { baselineSource: "未実施", baselineFiscalYear: 2023 },
      )
    ).id,
    asNeeded: (await create("1-2-1", "関係機関との連絡会", { 2025: "適宜" })).id,
    shogai: (await create("2-2-1", "緊急時の受入れ件数", { 2025: "10件以上" })).id,
    freeText: (await create("1-1-3", "研修計画", { 2025: "ロードマップの作成" })).id,
  };
  const writes: [ApiClient, string, object, Record<string, string>?][] = [
    [korei, `${ids.gte}/actuals/2025`, { kind: "number", value: "１８", comment: "目標を上回った" }],
    [korei, `${ids.lte}/actuals/2025`, { kind: "number", value: 25 }, ifMatch(0)],
    [korei, `${ids.eq}/actuals/2025`, { kind: "number", value: "１，２００人" }],
    [korei, `${ids.eq}/actuals/2025`, { kind: "number", value: "4,100" }, ifMatch(1)],
    [korei, `${ids.milestone}/actuals/2025`, { kind: "milestone", step: "試行" }],
    [korei, `${ids.milestone}/actuals/2024`, { kind: "milestone", step: "検討" }],
    [korei, `${ids.asNeeded}/actuals/2025`, { kind: "text", text: "4回開催した" }],
    [shogai, `${ids.shogai}/actuals/2025`, { kind: "number", value: 12 }],
    [office, `${ids.gte}/targets/2027`, { source: "25か所以上" }],
    [office, `${ids.gte}/targets/2027`, { source: "継続実施" }, ifMatch(1)],
  ];
  for (const [client, path, body, headers] of writes) {
    const res = await client.put(`/api/indicators/${path}`, body, headers ?? {});
    if (res.status !== 200) throw new Error(`seed ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const renamed = await office.patch(`/api/indicators/${ids.eq}`, { name: "登録者数" }, ifMatch(1));
  if (renamed.status !== 200) throw new Error(`seed rename: ${renamed.status}`);
  return ids;
}

/** A world in the state the create and actuals tests leave (see `seedIndicators`), with the ids of its indicators. */
export async function startSeededIndicatorWorld(): Promise<IndicatorWorld & { ids: IndicatorIds }> {
  const w = await startIndicatorWorld();
  return { ...w, ids: await seedIndicators(w) };
}
