/**
 * The modules whose routes make up the API, with the name each has in the API description (its tag). A route is
 * declared with its module (`routesFor(app, "plans")`), so a new module names itself here first.
 */
export const API_MODULES = {
  auth: "ログイン",
  home: "ホーム",
  notices: "お知らせ",
  users: "利用者",
  "audit-trail": "監査ログ",
  departments: "課",
  plans: "計画",
  evaluations: "評価表",
  "mid-year": "中間報告",
  committees: "委員会・意見",
  summaries: "総括表",
  imports: "取込",
  exports: "書き出し",
  indicators: "指標",
  revisions: "改定",
  roadmaps: "年間ロードマップ",
  agencies: "支援機関",
  concerns: "相談の分類",
  persons: "対象者",
  referrals: "つなぐシート",
  households: "世帯",
  cases: "ケース",
  "support-plans": "支援プラン",
  meetings: "会議",
  programme: "重層事業の事業",
  measures: "統計",
  "fed-indicators": "集計値とつなぐ指標",
  resources: "地域資源",
  placements: "参加支援",
  mfa: "二段階認証",
  mail: "メールの設定",
  publications: "住民への公開",
  "public-site": "公開サイト・オープンデータ",
  "api-description": "API の説明",
} as const;

export type ApiModule = keyof typeof API_MODULES;
