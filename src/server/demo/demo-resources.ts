import type { Executor } from "../db/client.js";
import * as meetingsRepo from "../modules/meetings/repository.js";
import * as resourcesRepo from "../modules/resources/repository.js";
import type { AgencyKey } from "./demo-support-data.js";

/**
 * The demo's local resources (地域資源): invented places in the demo 地区, one of each common kind, a shelter whose
 * location is hidden (run by the 子ども家庭センター) and a provider's proposal waiting for the coordinators. Two of them
 * are 地域づくりの拠点 with 令和7年度's months recorded (participants and the organisations that joined).
 */

type DistrictName = "中央地区" | "北地区" | "南地区";
interface DemoResource {
  name: string;
  category: string;
  operator: { agency: AgencyKey } | { name: string };
  district: DistrictName;
  address: string;
  locationHidden?: boolean;
  days: string[];
  scheduleNote: string;
  audiences: string[];
  capacity: number | null;
  contact: string;
  accessibility: string | null;
  description: string;
  tags: string[];
  status: "active" | "proposed" | "paused";
}

export const DEMO_RESOURCES: readonly DemoResource[] = [
  {
    name: "みなみ畑の居場所",
    category: "ibasho",
    operator: { name: "南地区まちづくり協議会（架空）" },
    district: "南地区",
    address: "つなぐ市南町2-3（架空）",
    days: ["TU", "SA"],
    scheduleNote: "10時〜12時（雨天中止）",
    audiences: ["youth", "disability", "anyone"],
    capacity: 10,
    contact: "協議会事務局 000-0000-0001（架空）",
    accessibility: "畑は段差あり。休憩所は車いす可",
    description: "畑の手入れと収穫。話さなくても参加できます。",
    tags: ["畑", "短時間", "屋外"],
    status: "active",
  },
  {
    name: "喫茶つなぐ 就労体験",
    category: "work_experience",
    operator: { agency: "kikan" },
    district: "中央地区",
    address: "つなぐ市本町1-1 市民交流館1階（架空）",
    days: ["MO", "WE", "FR"],
    scheduleNote: "13時〜15時、1回1時間から",
    audiences: ["youth", "disability"],
    capacity: 3,
    contact: "基幹相談支援センター 000-0000-0002（架空）",
    accessibility: "エレベーターあり",
    description: "喫茶の接客・片付けの体験。職員が付き添います。",
    tags: ["接客", "短時間", "室内"],
    status: "active",
  },
  {
    name: "きたまち いきいきサロン",
    category: "salon",
    operator: { name: "北町内会（架空）" },
    district: "北地区",
    address: "つなぐ市北町5-6 北町集会所（架空）",
    days: ["TH"],
    scheduleNote: "第1・第3木曜日 14時〜16時",
    audiences: ["older"],
    capacity: 20,
    contact: "北町内会 000-0000-0003（架空）",
    accessibility: "玄関にスロープあり",
    description: "お茶と体操、季節の行事。",
    tags: ["体操", "お茶会"],
    status: "active",
  },
  {
    name: "なかよし子ども食堂",
    category: "kodomo_shokudo",
    operator: { name: "なかよし食堂の会（架空）" },
    district: "中央地区",
    address: "つなぐ市本町3-4 本町公民館（架空）",
    days: ["WE"],
    scheduleNote: "17時〜19時",
    audiences: ["children", "families"],
    capacity: 30,
    contact: "なかよし食堂の会 000-0000-0004（架空）",
    accessibility: null,
    description: "子どもは無料、大人は300円。学習支援を併設。",
    tags: ["食事", "学習支援"],
    status: "active",
  },
  {
    name: "子ども・若者の一時的な居場所",
    category: "ibasho",
    operator: { agency: "kodomo" },
    district: "南地区",
    address: "つなぐ市南町9-9（架空・非公開）",
    locationHidden: true,
    days: ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
    scheduleNote: "子ども家庭センターを通じて利用",
    audiences: ["children", "youth"],
    capacity: 4,
    contact: "子ども家庭センター 000-0000-0005（架空）",
    accessibility: null,
    description: "家に居づらい子ども・若者が過ごせる場所。所在地は伏せています。",
    tags: ["避難", "夜間"],
    status: "active",
  },
  {
    name: "送迎つき 地域の通いの場",
    category: "kayoinoba",
    operator: { agency: "jigyosha" },
    district: "北地区",
    address: "つなぐ市北町8-1（架空）",
    days: ["MO", "TH"],
    scheduleNote: "10時〜11時30分、送迎あり",
    audiences: ["older"],
    capacity: 12,
    contact: "架空ケアサービス 000-0000-0006（架空）",
    accessibility: "送迎車は車いす対応",
    description: "体操と脳トレ。登録事業者からの提案です。",
    tags: ["体操", "送迎"],
    status: "proposed",
  },
];

/** A hub's months: [month, participants, organisations that joined]. Numbers only: no person is named. */
const DEMO_HUB_MONTHS: Readonly<Record<string, readonly [string, number, string[]][]>> = {
  みなみ畑の居場所: [
    ["2025-04", 9, ["南地区まちづくり協議会（架空）", "民生委員・児童委員"]],
    ["2025-05", 12, ["南地区まちづくり協議会（架空）", "つなぐ市社会福祉協議会（架空）"]],
    ["2025-06", 8, ["南地区まちづくり協議会（架空）"]],
    ["2025-07", 11, ["南地区まちづくり協議会（架空）", "南小学校PTA（架空）"]],
  ],
  "きたまち いきいきサロン": [
    ["2025-04", 18, ["北町内会（架空）", "地域包括支援センター"]],
    ["2025-05", 21, ["北町内会（架空）", "民生委員・児童委員"]],
    ["2025-06", 17, ["北町内会（架空）"]],
  ],
};

export async function loadDemoResources(
  tx: Executor,
  municipalityId: string,
  agency: (key: AgencyKey) => string,
): Promise<{ counts: { resources: number }; ids: Map<string, string> }> {
  const ids = new Map<string, string>();
  const districts = new Map((await meetingsRepo.listDistricts(tx, municipalityId)).map((d) => [d.name, d.id]));
  for (const r of DEMO_RESOURCES) {
    const { operator, district, locationHidden, ...fields } = r;
    const row = await resourcesRepo.insertResource(tx, {
      municipalityId,
      ...fields,
      operatorAgencyId: "agency" in operator ? agency(operator.agency) : null,
      operatorName: "name" in operator ? operator.name : null,
      districtId: districts.get(district) ?? null,
      locationHidden: locationHidden ?? false,
      proposedByAgencyId: r.status === "proposed" && "agency" in operator ? agency(operator.agency) : null,
    });
    ids.set(r.name, row.id);
    for (const [month, participants, organisations] of DEMO_HUB_MONTHS[r.name] ?? [])
      await resourcesRepo.insertActivity(tx, {
        municipalityId,
        resourceId: row.id,
        month,
        participants,
        organisations,
      });
  }
  return { counts: { resources: DEMO_RESOURCES.length }, ids };
}
