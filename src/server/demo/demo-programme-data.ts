import type { AgencyKey } from "./demo-support-data.js";

/**
 * The demo's programme registry (重層的支援体制整備事業, 社会福祉法 106-4): the law's categories with the sub-kinds a
 * city of this size runs, and the city's thirteen projects under them, each with its departments and the demo
 * agencies that carry it out (so a count can be attributed to a project). Project names are the usual ones; the
 * content is written for the demo.
 */

export const DEMO_PROGRAMME_CATEGORIES: readonly { name: string; subKinds: string[] }[] = [
  {
    name: "包括的相談支援事業",
    subKinds: ["地域包括支援センターの運営", "障害者相談支援事業", "利用者支援事業", "自立相談支援事業"],
  },
  { name: "参加支援事業", subKinds: [] },
  {
    name: "地域づくり事業",
    subKinds: [
      "生活支援体制整備事業",
      "地域介護予防活動支援事業",
      "地域活動支援センター事業",
      "地域子育て支援拠点事業",
    ],
  },
  { name: "アウトリーチ等を通じた継続的支援事業", subKinds: [] },
  { name: "多機関協働事業", subKinds: [] },
];

export interface DemoProgrammeProject {
  number: number;
  name: string;
  content: string;
  /** a top category or a sub-kind, by name; a project may fall under two */
  categories: string[];
  departments: string[];
  agencies: AgencyKey[];
  /** 一体的連携事業 */
  integrated?: boolean;
}

export const DEMO_PROGRAMME_PROJECTS: readonly DemoProgrammeProject[] = [
  {
    number: 1,
    name: "地域包括支援センター運営事業",
    content: "高齢者とその家族の総合相談。世帯の複合的な課題は多機関協働へつなぐ。",
    categories: ["地域包括支援センターの運営"],
    departments: ["高齢支援課"],
    agencies: ["houkatsu"],
  },
  {
    number: 2,
    name: "障害者相談支援事業",
    content: "基幹相談支援センターによる障害のある人の相談と権利擁護。",
    categories: ["障害者相談支援事業"],
    departments: ["障害福祉課"],
    agencies: ["kikan"],
  },
  {
    number: 3,
    name: "こども家庭センター利用者支援事業",
    content: "妊娠期から子育て期までの相談と、支援が必要な家庭の把握。",
    categories: ["利用者支援事業"],
    departments: ["子ども家庭支援課"],
    agencies: ["kodomo"],
  },
  {
    number: 4,
    name: "生活困窮者自立相談支援事業",
    content: "暮らしと仕事の相談窓口。家計・就労の支援へつなぐ。",
    categories: ["自立相談支援事業"],
    departments: ["福祉相談課"],
    agencies: ["coord"],
  },
  {
    number: 5,
    name: "参加支援事業",
    content: "本人の希望に合う地域資源を探し、見学・体験から定着まで伴走する。受け入れる事業者を開拓する。",
    categories: ["参加支援事業"],
    departments: ["福祉相談課"],
    agencies: ["coord", "jigyosha"],
  },
  {
    number: 6,
    name: "生活支援体制整備事業",
    content: "生活支援コーディネーターと協議体による地域の支え合いづくり。",
    categories: ["生活支援体制整備事業"],
    departments: ["高齢支援課"],
    agencies: ["houkatsu"],
  },
  {
    number: 7,
    name: "地域介護予防活動支援事業",
    content: "住民主体の通いの場の立ち上げと継続の支援。",
    categories: ["地域介護予防活動支援事業"],
    departments: ["介護保険課"],
    agencies: [],
  },
  {
    number: 8,
    name: "地域活動支援センター事業",
    content: "障害のある人の創作活動・交流の場。",
    categories: ["地域活動支援センター事業"],
    departments: ["障害福祉課"],
    agencies: ["kikan"],
  },
  {
    number: 9,
    name: "地域子育て支援拠点事業",
    content: "親子が集える広場と子育ての相談。",
    categories: ["地域子育て支援拠点事業"],
    departments: ["子ども家庭支援課"],
    agencies: ["kodomo"],
  },
  {
    number: 10,
    name: "アウトリーチ等を通じた継続的支援事業",
    content: "支援が届いていない人を訪問で把握し、関係をつくりながら継続して支える。",
    categories: ["アウトリーチ等を通じた継続的支援事業"],
    departments: ["福祉相談課"],
    agencies: ["coord"],
  },
  {
    number: 11,
    name: "多機関協働事業",
    content: "複雑化・複合化した課題の世帯について支援機関の役割を調整し、支援プランをまとめる。",
    categories: ["多機関協働事業"],
    departments: ["福祉相談課", "福祉政策課"],
    agencies: ["coord"],
  },
  {
    number: 12,
    name: "ひきこもり支援推進事業",
    content: "ひきこもりの本人と家族への訪問と居場所づくり。",
    categories: ["アウトリーチ等を通じた継続的支援事業", "参加支援事業"],
    departments: ["福祉相談課"],
    agencies: ["coord", "kikan"],
    integrated: true,
  },
  {
    number: 13,
    name: "こころの健康相談事業",
    content: "こころの不調や自殺の危険がある人の相談と、支援機関へのつなぎ。",
    categories: ["包括的相談支援事業"],
    departments: ["健康づくり課"],
    agencies: [],
    integrated: true,
  },
];
