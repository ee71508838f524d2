/**
 * The built-in demo municipality: invented, but shaped like the real plans (three levels, several departments
 * per project, 新/重 marks, one 再掲). No real person, no real document.
 */
import type { MeasureKey } from "../../domain/labels/measures.js";

export const DEMO_MUNICIPALITY = { code: "999001", name: "つなぐ市（デモ）" };

export const DEMO_DEPARTMENTS = [
  "福祉政策課",
  "福祉相談課",
  "高齢支援課",
  "介護保険課",
  "障害福祉課",
  "子ども家庭支援課",
  "健康づくり課",
  "防災課",
] as const;

export const DEMO_PASSWORD = "tsunagu-demo-2024";

export const DEMO_USERS = [
  { loginId: "admin", displayName: "システム管理者", role: "system_admin", departments: [] },
  { loginId: "keikaku", displayName: "計画 花子（福祉政策課）", role: "plan_office", departments: ["福祉政策課"] },
  { loginId: "korei", displayName: "高齢 一郎（高齢支援課）", role: "department_editor", departments: ["高齢支援課"] },
  { loginId: "shogai", displayName: "障害 二葉（障害福祉課）", role: "department_editor", departments: ["障害福祉課"] },
  { loginId: "soudan", displayName: "相談 三太（福祉相談課）", role: "department_editor", departments: ["福祉相談課"] },
  { loginId: "iin", displayName: "委員 四季（推進委員会）", role: "viewer", departments: [] },
  // the support side's accounts, agencies and 相談の分類 are administered apart from the plan office
  { loginId: "shienkanri", displayName: "支援 管理（重層的支援の管理者）", role: "support_admin", departments: [] },
] as const;

export interface DemoProject {
  title: string;
  summary: string;
  departments: string[];
  isNew?: boolean;
  isPriority?: boolean;
  category?: "新規" | "拡充" | "継続";
  /** grade for FY2024 (accepted) */
  grade2024: string | null;
  results2024: string;
}

/** 再掲: the project with this code is shown here too (same item, not a copy) */
export interface DemoRelisting {
  relistOf: string;
}

export interface DemoMeasure {
  title: string;
  projects: (DemoProject | DemoRelisting)[];
}

export interface DemoGoal {
  title: string;
  measures: DemoMeasure[];
}

export const DEMO_PLAN = {
  title: "つなぐ市地域福祉総合計画",
  kind: "分野別計画",
  startFiscalYear: 2024,
  endFiscalYear: 2028,
  levelNames: ["基本目標", "施策", "事業"],
  constituentPlans: [
    { code: "地", title: "地域福祉計画" },
    { code: "高", title: "高齢者保健福祉計画" },
    { code: "障", title: "障害者計画" },
  ],
};

export const DEMO_GOALS: DemoGoal[] = [
  {
    title: "つながり支え合う地域づくり",
    measures: [
      {
        title: "包括的な相談支援体制の整備",
        projects: [
          {
            title: "重層的支援体制整備事業の推進",
            summary: "分野を問わない相談の受け止めと、多機関協働による支援体制を整えます。",
            departments: ["福祉政策課", "福祉相談課"],
            isNew: true,
            isPriority: true,
            category: "新規",
            grade2024: "B",
            results2024: "支援会議を12回開催し、関係機関との役割分担を整理した。",
          },
          {
            title: "福祉の総合相談窓口の運営",
            summary: "どこに相談してよいかわからない人の相談を受け止め、適切な支援につなぎます。",
            departments: ["福祉相談課"],
            isPriority: true,
            category: "継続",
            grade2024: "A",
            results2024: "新規相談 412件、関係機関へのつなぎ 138件。",
          },
          {
            title: "相談支援職員の研修",
            summary: "分野横断的な知識とアセスメント力を高める研修を行います。",
            departments: ["福祉政策課"],
            category: "拡充",
            grade2024: "A",
            results2024: "多職種合同研修を3回実施し、延べ96人が参加した。",
          },
        ],
      },
      {
        title: "地域の支え合い活動の推進",
        projects: [
          {
            title: "生活支援コーディネーターの配置",
            summary: "日常生活圏域ごとに生活支援コーディネーターを配置し、地域の助け合いを広げます。",
            departments: ["高齢支援課"],
            isPriority: true,
            category: "継続",
            grade2024: "B",
            results2024: "5圏域に配置。新たな通いの場 4か所の立ち上げを支援した。",
          },
          {
            title: "地域の居場所づくり支援",
            summary: "誰もが立ち寄れる居場所の立ち上げと運営を支援します。",
            departments: ["福祉政策課", "子ども家庭支援課"],
            isNew: true,
            category: "新規",
            grade2024: "C",
            results2024: "立ち上げ相談 6件のうち開設は1件にとどまった。",
          },
        ],
      },
    ],
  },
  {
    title: "安心して暮らし続けられるまちづくり",
    measures: [
      {
        title: "高齢者の在宅生活の支援",
        projects: [
          {
            title: "認知症の早期発見と支援",
            summary: "認知症初期集中支援チームによる訪問と、家族への支援を行います。",
            departments: ["高齢支援課", "介護保険課"],
            isPriority: true,
            category: "継続",
            grade2024: "A",
            results2024: "初期集中支援チーム対応 34件。認知症カフェ 6か所。",
          },
          {
            title: "地域密着型サービスの整備",
            summary: "小規模多機能型居宅介護などの整備を計画的に進めます。",
            departments: ["介護保険課"],
            category: "継続",
            grade2024: "D",
            results2024: "公募を2回行ったが応募がなく、整備に至らなかった。",
          },
        ],
      },
      {
        title: "障害のある人の地域生活の支援",
        projects: [
          {
            title: "地域生活支援拠点の機能充実",
            summary: "緊急時の受入れと相談を担う拠点の機能を充実します。",
            departments: ["障害福祉課"],
            isPriority: true,
            category: "拡充",
            grade2024: "B",
            results2024: "緊急時受入れ 11件。拠点コーディネーターを1名増員した。",
          },
          {
            title: "障害者グループホームの整備促進",
            summary: "運営事業者への補助により、グループホームの整備を促進します。",
            departments: ["障害福祉課"],
            category: "継続",
            grade2024: "C",
            results2024: "1か所（定員5人）の開設にとどまった。",
          },
        ],
      },
      {
        title: "災害時の要配慮者支援",
        projects: [
          {
            title: "避難行動要支援者名簿の整備",
            summary: "名簿を整備し、同意を得た人の情報を避難支援等関係者と共有します。",
            departments: ["福祉政策課", "防災課"],
            isPriority: true,
            category: "継続",
            grade2024: "A",
            results2024: "名簿登録者 3,210人。協定締結町会 42団体。",
          },
          {
            title: "個別避難計画の作成",
            summary: "優先度の高い人から個別避難計画を作成します。",
            departments: ["福祉政策課", "高齢支援課", "障害福祉課", "防災課"],
            isNew: true,
            category: "新規",
            grade2024: null,
            results2024: "",
          },
        ],
      },
    ],
  },
  {
    title: "誰もが自分らしく参加できる社会",
    measures: [
      {
        title: "参加支援と就労支援",
        projects: [
          {
            title: "ひきこもり状態にある人の参加支援",
            summary: "アウトリーチと居場所を通じて、社会とのつながりを回復する支援を行います。",
            departments: ["福祉相談課"],
            isNew: true,
            isPriority: true,
            category: "新規",
            grade2024: "B",
            results2024: "訪問支援 28人。居場所の利用につながった人 9人。",
          },
          { relistOf: "1-2-2" },
        ],
      },
      {
        title: "健康づくりと介護予防",
        projects: [
          {
            title: "介護予防と保健事業の一体的実施",
            summary: "高齢者の健康課題を分析し、通いの場での保健指導につなげます。",
            departments: ["健康づくり課", "高齢支援課"],
            isNew: true,
            category: "新規",
            grade2024: "AA",
            results2024: "通いの場 40か所で実施。目標の30か所を上回った。",
          },
        ],
      },
    ],
  },
];

export const DEMO_GRADE_SCALE = [
  { code: "AA", label: "目標を上回り達成した" },
  { code: "A", label: "達成した・おおむね達成した" },
  { code: "B", label: "ある程度達成した" },
  { code: "C", label: "少し達成した" },
  { code: "D", label: "達成していない" },
];

/**
 * Indicators of some demo projects (by project code): targets per fiscal year as a plan book writes them, and the
 * actual of FY2024 where the department has reported it. `fedBy`: the computed measure (and row) the plan office has
 * linked the indicator to, so its suggested actual comes from the demo's support data.
 */
export const DEMO_INDICATORS: {
  projectCode: string;
  name: string;
  baseline: string;
  targets: Record<number, string>;
  actual2024?: { kind: "number"; value: number } | { kind: "milestone"; step: string };
  fedBy?: { measureKey: MeasureKey; breakdownRow?: string };
}[] = [
  {
    projectCode: "1-1-1",
    name: "支援会議の開催回数",
    baseline: "4回",
    targets: { 2024: "6回以上", 2025: "8回以上", 2026: "10回以上", 2027: "12回以上", 2028: "12回以上" },
    actual2024: { kind: "number", value: 12 },
    fedBy: { measureKey: "support_meetings" },
  },
  {
    projectCode: "1-1-2",
    name: "関係機関へのつなぎ件数",
    baseline: "110件",
    targets: { 2024: "120件以上", 2025: "130件以上", 2026: "140件以上", 2027: "150件以上", 2028: "160件以上" },
    actual2024: { kind: "number", value: 138 },
    fedBy: { measureKey: "referrals_sent" },
  },
  {
    projectCode: "1-1-2",
    name: "相談支援の延べ件数",
    baseline: "380件",
    targets: { 2024: "400件以上", 2025: "420件以上", 2026: "440件以上", 2027: "460件以上", 2028: "480件以上" },
  },
  {
    projectCode: "1-2-2",
    name: "新たに開設された居場所の数",
    baseline: "0か所",
    targets: { 2024: "3か所以上", 2025: "3か所以上", 2026: "3か所以上", 2027: "3か所以上", 2028: "3か所以上" },
    actual2024: { kind: "number", value: 1 },
  },
  {
    projectCode: "1-2-2",
    name: "地域資源につなげた件数",
    baseline: "0件",
    targets: { 2024: "10件以上", 2025: "15件以上", 2026: "20件以上", 2027: "25件以上", 2028: "30件以上" },
    fedBy: { measureKey: "placements", breakdownRow: "participating" },
  },
  {
    projectCode: "2-1-2",
    name: "小規模多機能型居宅介護の整備",
    baseline: "",
    targets: { 2024: "調整", 2025: "試行実施", 2026: "実施", 2027: "継続実施", 2028: "継続実施" },
    actual2024: { kind: "milestone", step: "検討" },
  },
  {
    projectCode: "2-3-2",
    name: "個別避難計画の作成",
    baseline: "",
    targets: { 2024: "検討", 2025: "試行実施", 2026: "本格実施", 2027: "継続実施", 2028: "適宜" },
  },
  {
    projectCode: "3-2-1",
    name: "保健指導を行う通いの場の数",
    baseline: "12か所",
    targets: { 2024: "30か所以上", 2025: "35か所以上", 2026: "40か所以上", 2027: "45か所以上", 2028: "50か所以上" },
    actual2024: { kind: "number", value: 40 },
  },
];
