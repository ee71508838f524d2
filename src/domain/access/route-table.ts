/**
 * The one access table: every API route of the product and who may call it. The server refuses every caller the
 * table does not name before the body is read (src/server/platform/access/route-gate.ts), a route missing here
 * answers nobody, and the web builds its menus and landing pages from the same table (screens.ts).
 *
 * Two levels:
 * - `allow`: the principals that may call the route at all. Anyone else gets `denied` (404 where even the record's
 *   existence is need-to-know, else 403); not signed in is 401.
 * - `need`: the record-level rule the service then checks for an allowed caller (a department's own sheets, a case's
 *   team, a referral's sender and receiver, …): see NEEDS. Its answers are part of the table's contract and the
 *   access test walks them.
 */
import { PENDING_STEPS, type PendingStep } from "../mfa/second-factor.js";
import { PRINCIPALS, type Principal } from "./principals.js";

export const NEEDS = {
  own_department: "担当課は自課が担当する項目だけ（他課の項目は 404）",
  own_indicator: "担当課は自課（または上位項目）が担当する指標だけ（他は 404）",
  account_side: "管理者は自分が管理できる役割の利用者だけ（他は 404）",
  audit_side: "計画所管課は計画側の記録だけ、支援側管理者は支援側の記録だけ（システム管理者はすべて）",
  in_force: "改定案（作業中の版）は計画所管課だけ（他は 404）",
  referral_party:
    "多機関協働はすべて、支援機関は送付・受信したもの、登録事業者は送付したもの、支援会議の誓約した構成員はその会議の議題にしたものだけ（他は 404）。受信機関は本人の同意がなければ本人の情報を見られない",
  referral_receiver: "受信機関と多機関協働だけが進める（送付側と支援会議の構成員は 403、他は 404）",
  household: "多機関協働、登録した機関、その世帯のケースの主担当と本人の同意が及ぶ機関だけ（他は 404）",
  case_team:
    "多機関協働とケースのチームの機関だけ（他は 404）。本人の情報は多機関協働・主担当と本人の同意がある機関だけ",
  case_disclosed:
    "多機関協働、主担当機関、本人の同意が及ぶチームの機関だけ（同意のないチームの機関と他は 404、拒否は監査ログに残る）",
  case_manager: "多機関協働と主担当機関だけ（チームの他機関は 403、他は 404）",
  case_coordinator: "多機関協働だけ（主担当・チームは 403、他は 404）",
  case_plan_manager:
    "多機関協働と主担当機関だけ（本人の同意が及ぶチームの機関は 403、同意のないチームの機関と他は 404）",
  case_task_agency:
    "タスクの担当機関だけ（完了の記録は多機関協働・主担当も。本人の情報を見られる他の機関は 403、見られない機関と他は 404）",
  own_agency_tasks: "自機関のタスクのうち、本人の情報を見られるケースのものだけ",
  agency_registrar: "登録事業者は自機関が登録した人だけ",
  meeting:
    "多機関協働、事務局の機関、会議の構成員だけ（他・外れた構成員は 404）。支援会議の構成員は誓約の前は会議があることだけ",
  meeting_content:
    "多機関協働、事務局の機関、会議の構成員だけ（支援会議は誓約の後）。誓約前の構成員・他・外れた構成員は 404",
  meeting_manager: "多機関協働と事務局の機関だけ（構成員は 403、他は 404）",
  meeting_pledge: "構成員は自分の誓約だけ、外部の専門職の誓約は事務局と多機関協働（他は 404）",
  resource:
    "提案中・見送りの地域資源は多機関協働と提案した事業者だけ（他は 404）。伏せた所在地は多機関協働と運営機関だけに示し、書き出しには含めない",
  resource_placements:
    "多機関協働と資源の運営機関だけ（他は 404、拒否は監査ログに残る）。運営機関には本人の同意が及ぶ参加支援だけを示す",
  roadmap_department:
    "ロードマップの月は、項目（事業）を担当する課と計画所管課が記入する（他課の担当課は 403）。締めた年度は変更できない",
  resource_editor:
    "支援機関の職員が公開中・休止の資源を編集する（所在地を伏せた資源は多機関協働と運営機関だけ、他の職員は 403）",
  committee_member: "計画所管課はすべての委員会、委員は任期中に自分の委員会だけ（他の委員会・任期外の委員は 404）",
  opinion_writer:
    "下書きは書いた委員だけ（他は 404）。提出した意見はその委員会の委員と計画所管課が読み、任期中の委員だけが書く",
} as const;
export type Need = keyof typeof NEEDS;

export interface RouteRule {
  /** what the route does (Japanese: shown in the documentation and the access test's messages) */
  label: string;
  /** "public": anyone, signed in or not; "signed_in": any account; otherwise the principals that may call it */
  allow: "public" | "signed_in" | readonly Principal[];
  /** what a signed-in caller outside `allow` gets: 404 when the record is need-to-know, else 403 */
  denied?: 403 | 404;
  /** the record-level rule the service applies to allowed callers */
  need?: Need;
  /** a need-to-know record: a refused attempt leaves a `denied` audit record on it */
  record?: { entityType: string; param: string; what: string };
  /**
   * The sign-in steps during which the route answers a session that has not finished signing in (the first pending
   * step decides). Without it the route answers fully signed-in sessions only: deny by default.
   */
  during?: readonly PendingStep[];
}

const PLAN_READERS = ["system_admin", "plan_office", "department_editor", "viewer"] as const;
const PLAN_WRITERS = ["system_admin", "plan_office", "department_editor"] as const;
const PLAN_OFFICE = ["system_admin", "plan_office"] as const;
const AGENCIES = ["coordinator", "staff", "provider"] as const;
const STAFF = ["coordinator", "staff"] as const;
const SUPPORT_ADMINS = ["system_admin", "support_admin"] as const;
const ACCOUNT_ADMINS = ["system_admin", "plan_office", "support_admin"] as const;

/** Routes whose callers are further limited by one record-level rule. */
function routesNeeding(need: Need) {
  return (label: string, allow: RouteRule["allow"]): RouteRule => ({ label, allow, need });
}

const ownSheets = routesNeeding("own_department");
const ownIndicators = routesNeeding("own_indicator");
const inForce = routesNeeding("in_force");
const committeeRoute = routesNeeding("committee_member");
const opinionRoute = routesNeeding("opinion_writer");

/**
 * The routes of one kind of need-to-know record: hidden (404) from callers outside `allow`, and a refused attempt is
 * an audit record on the record named by the path parameter.
 */
function recordRoutes(allow: readonly Principal[], record: NonNullable<RouteRule["record"]>) {
  return (label: string, need: Need): RouteRule => ({ label, allow, denied: 404, need, record });
}

const caseRoute = recordRoutes(STAFF, { entityType: "case", param: "caseId", what: "ケース" });
const householdRoute = recordRoutes(STAFF, { entityType: "household", param: "householdId", what: "世帯" });
const referralRoute = recordRoutes(AGENCIES, { entityType: "referral", param: "referralId", what: "つなぐシート" });
const meetingRoute = recordRoutes(STAFF, { entityType: "meeting", param: "meetingId", what: "会議" });

export const ROUTE_TABLE = {
  // sign-in
  "GET /api/municipalities": { label: "自治体の一覧（ログイン画面）", allow: "public" },
  "POST /api/auth/login": { label: "ログイン", allow: "public" },
  "POST /api/auth/logout": { label: "ログアウト", allow: "public" },
  "GET /api/auth/session": { label: "ログイン中の利用者", allow: "signed_in", during: PENDING_STEPS },
  "POST /api/auth/password": {
    label: "パスワードの設定（初回・再設定の後）",
    allow: "signed_in",
    during: ["set_password"],
  },

  // the API description: it holds no data, only what the web app's own code already tells any visitor (its routes
  // and who may call them), and the IT staff who evaluate or connect to the system read it before they have accounts
  "GET /api/openapi.json": { label: "API の説明（OpenAPI 3.1）", allow: "public" },

  // the second factor (TOTP): one's own, the administrators' reset, the plan side's setting
  "GET /api/mfa": { label: "二段階認証の状態", allow: "signed_in", during: PENDING_STEPS },
  "POST /api/mfa/enrolment": { label: "二段階認証の登録を始める", allow: "signed_in", during: ["mfa_enroll"] },
  "POST /api/mfa/enrolment/confirm": {
    label: "二段階認証の登録（確認コード）",
    allow: "signed_in",
    during: ["mfa_enroll"],
  },
  "POST /api/mfa/verify": { label: "確認コードの入力（ログイン）", allow: "signed_in", during: ["mfa_verify"] },
  "POST /api/mfa/recovery-codes": { label: "回復コードの再発行", allow: "signed_in" },
  "DELETE /api/mfa": { label: "二段階認証をやめる", allow: "signed_in" },
  "POST /api/users/:userId/mfa-reset": {
    label: "利用者の二段階認証のリセット",
    allow: ACCOUNT_ADMINS,
    need: "account_side",
  },
  "GET /api/settings/mfa": { label: "二段階認証の設定（計画側の利用者）", allow: PLAN_OFFICE },
  "PUT /api/settings/mfa": { label: "二段階認証の設定の変更（計画側の利用者）", allow: PLAN_OFFICE },

  // accounts and the audit trail
  "GET /api/users": { label: "利用者の一覧", allow: ACCOUNT_ADMINS, need: "account_side" },
  "POST /api/users": { label: "利用者の登録", allow: ACCOUNT_ADMINS, need: "account_side" },
  "PATCH /api/users/:userId": {
    label: "利用者の変更・停止・パスワード再設定",
    allow: ACCOUNT_ADMINS,
    need: "account_side",
  },
  "GET /api/account-changes": {
    label: "支援側の利用者の変更履歴",
    allow: ["system_admin", "support_admin", "coordinator"],
  },
  "GET /api/audit/entries": { label: "監査ログ", allow: ACCOUNT_ADMINS, need: "audit_side" },

  // notice mail: the municipality's SMTP server (its password opens a mailbox) is the system administrator's alone;
  // one's own address is everyone's
  "GET /api/municipality/mail-settings": { label: "メールの設定", allow: ["system_admin"] },
  "PUT /api/municipality/mail-settings": { label: "メールの設定の変更", allow: ["system_admin"] },
  "POST /api/municipality/mail-settings/test": { label: "テストメールの送信（自分あて）", allow: ["system_admin"] },
  "GET /api/account/email": { label: "自分のメールアドレス", allow: "signed_in" },
  "PUT /api/account/email": { label: "自分のメールアドレスの変更", allow: "signed_in" },

  // the home page: counts of what the caller could list anyway, for every account that acts as someone (an agency
  // account without an agency has nothing to count)
  "GET /api/home": { label: "ホーム（対応が必要なことの件数）", allow: PRINCIPALS },
  // every account reads and marks its own notices only (another's is 404); each lists only subjects it can open
  "GET /api/notices": { label: "お知らせの一覧（未読の件数）", allow: PRINCIPALS },
  "POST /api/notices/:noticeId/read": { label: "お知らせを既読にする", allow: PRINCIPALS },
  "POST /api/notices/read-all": { label: "お知らせをすべて既読にする", allow: PRINCIPALS },

  // plan side: departments and plans
  // the organisation's department names are no one side's internal work (agencies name theirs too)
  "GET /api/departments": { label: "課の一覧", allow: "signed_in" },
  "POST /api/departments": { label: "課の登録", allow: PLAN_OFFICE },
  "POST /api/departments/:id/rename": { label: "課の名称変更（組織改正）", allow: PLAN_OFFICE },
  "POST /api/departments/:id/merge": { label: "課の統合（組織改正）", allow: PLAN_OFFICE },
  "GET /api/plans": { label: "計画の一覧", allow: PLAN_READERS },
  "POST /api/plans": { label: "計画の作成", allow: PLAN_OFFICE },
  "GET /api/plans/:planId": inForce("計画の構成", PLAN_READERS),
  "PUT /api/plans/:planId": { label: "計画の設定の変更", allow: PLAN_OFFICE },
  "POST /api/plans/:planId/items": { label: "項目の追加", allow: PLAN_OFFICE },
  "PATCH /api/plans/:planId/items/:itemId": { label: "項目の変更・削除", allow: PLAN_OFFICE },
  "POST /api/plans/:planId/items/:itemId/relistings": { label: "再掲の追加", allow: PLAN_OFFICE },
  "DELETE /api/plans/:planId/items/:itemId/relistings/:parentItemId": { label: "再掲の削除", allow: PLAN_OFFICE },

  // plan side: yearly evaluation
  "GET /api/plans/:planId/evaluations": { label: "評価の年度の一覧", allow: PLAN_READERS },
  "POST /api/plans/:planId/evaluations": { label: "評価の年度を開始", allow: PLAN_OFFICE },
  "POST /api/plans/:planId/evaluations/:fiscalYear/close": { label: "年度の締め", allow: PLAN_OFFICE },
  "POST /api/plans/:planId/evaluations/:fiscalYear/reopen": { label: "締めた年度の再開", allow: PLAN_OFFICE },
  "PUT /api/plans/:planId/evaluations/:fiscalYear/deadlines": { label: "提出期限・確認期限の変更", allow: PLAN_OFFICE },
  // publication to residents: an explicit, audited act of the plan office (snapshots of what is frozen)
  "GET /api/plans/:planId/publications": { label: "住民への公開の状況", allow: PLAN_OFFICE },
  "PUT /api/plans/:planId/publication": { label: "計画の公開・公開内容の更新", allow: PLAN_OFFICE },
  "DELETE /api/plans/:planId/publication": { label: "計画の公開の取り下げ", allow: PLAN_OFFICE },
  "PUT /api/plans/:planId/publications/:fiscalYear": { label: "年度の評価結果の公開・更新", allow: PLAN_OFFICE },
  "DELETE /api/plans/:planId/publications/:fiscalYear": { label: "年度の評価結果の公開の取り下げ", allow: PLAN_OFFICE },
  // the 総括表 as the summary's readers see it; the sheets and indicators of a department editor's own items only
  "GET /api/plans/:planId/evaluations/:fiscalYear/report": ownSheets("評価結果報告書", PLAN_READERS),
  "GET /api/plans/:planId/evaluations/:fiscalYear/report.xlsx": ownSheets("評価結果報告書（xlsx）", PLAN_READERS),
  "GET /api/plans/:planId/evaluations/:fiscalYear/sheets": ownSheets("評価表の一覧", PLAN_READERS),
  "GET /api/plans/:planId/evaluations/:fiscalYear/export.xlsx": ownSheets(
    "評価表・総括表の書き出し（xlsx）",
    PLAN_READERS,
  ),
  "GET /api/sheets/:sheetId": ownSheets("評価表", PLAN_READERS),
  "PUT /api/sheets/:sheetId": ownSheets("評価表の保存", PLAN_WRITERS),
  "POST /api/sheets/:sheetId/submit": ownSheets("評価表の提出", PLAN_WRITERS),
  "POST /api/sheets/:sheetId/accept": { label: "評価表の承認", allow: PLAN_OFFICE },
  "POST /api/sheets/:sheetId/return": { label: "評価表の差し戻し", allow: PLAN_OFFICE },
  "POST /api/sheets/:sheetId/not-evaluated": { label: "評価表を未評価とする", allow: PLAN_OFFICE },
  "GET /api/sheets/:sheetId/history": ownSheets("評価表の変更履歴", PLAN_READERS),
  "GET /api/sheets/:sheetId/suggested-actuals": ownSheets("評価表の指標の提案値", PLAN_READERS),
  // committees and their opinions on a closed year (plan side only: members are plan-side accounts)
  "GET /api/plans/:planId/committees": committeeRoute("委員会の一覧（委員は自分の委員会）", PLAN_READERS),
  "POST /api/plans/:planId/committees": { label: "委員会の登録", allow: PLAN_OFFICE },
  "PUT /api/committees/:committeeId": { label: "委員会・委員の変更", allow: PLAN_OFFICE },
  "GET /api/committees/:committeeId/years/:fiscalYear": committeeRoute("委員会が意見を述べる年度の結果", PLAN_READERS),
  "POST /api/committees/:committeeId/years/:fiscalYear/opinions": opinionRoute("意見の作成", PLAN_READERS),
  "PUT /api/opinions/:opinionId": opinionRoute("意見の下書きの保存", PLAN_READERS),
  "POST /api/opinions/:opinionId/submit": opinionRoute("意見の提出", PLAN_READERS),
  "POST /api/opinions/:opinionId/answer": { label: "市の対応方針の回答", allow: PLAN_OFFICE },
  "GET /api/plans/:planId/items/:itemId/opinions": committeeRoute("項目への意見と市の対応方針", PLAN_READERS),
  "GET /api/plans/:planId/summary": inForce("総括表", PLAN_READERS),
  // plan side: the mid-year report (中間報告), with the yearly sheets' access rules
  "GET /api/plans/:planId/mid-year": { label: "中間報告の年度の一覧", allow: PLAN_READERS },
  "POST /api/plans/:planId/mid-year": { label: "中間報告の開始", allow: PLAN_OFFICE },
  "POST /api/plans/:planId/mid-year/:fiscalYear/close": { label: "中間報告の締め", allow: PLAN_OFFICE },
  "GET /api/plans/:planId/mid-year/:fiscalYear/sheets": ownSheets("中間報告の進捗シートの一覧", PLAN_READERS),
  "GET /api/plans/:planId/mid-year/:fiscalYear/report": ownSheets("中間報告", PLAN_READERS),
  "GET /api/plans/:planId/mid-year/:fiscalYear/report.xlsx": ownSheets("中間報告（xlsx）", PLAN_READERS),
  "GET /api/mid-year-sheets/:sheetId": ownSheets("中間報告の進捗シート", PLAN_READERS),
  "PUT /api/mid-year-sheets/:sheetId": ownSheets("進捗シートの保存", PLAN_WRITERS),
  "POST /api/mid-year-sheets/:sheetId/submit": ownSheets("進捗シートの提出", PLAN_WRITERS),
  "POST /api/mid-year-sheets/:sheetId/accept": { label: "進捗シートの確認", allow: PLAN_OFFICE },
  "POST /api/mid-year-sheets/:sheetId/return": { label: "進捗シートの差し戻し", allow: PLAN_OFFICE },
  "POST /api/imports/preview": ownSheets("取込の確認（担当課は書き出した評価表の xlsx だけ）", PLAN_WRITERS),
  "POST /api/imports": ownSheets("取込（担当課は書き出した評価表の xlsx だけ）", PLAN_WRITERS),

  // plan side: indicators
  "GET /api/plans/:planId/indicators": ownIndicators("指標の一覧", PLAN_READERS),
  "POST /api/plans/:planId/indicators": { label: "指標の追加", allow: PLAN_OFFICE },
  "GET /api/plans/:planId/indicators/export.csv": ownIndicators("指標の書き出し（CSV）", PLAN_READERS),
  "GET /api/plans/:planId/implementation-plan/export.xlsx": ownIndicators("実施計画の書き出し（xlsx）", PLAN_READERS),
  "GET /api/plans/:planId/targets/unclassified": { label: "分類できない目標の一覧", allow: PLAN_OFFICE },
  "GET /api/plans/:planId/milestone-ladder": { label: "段階目標の順序", allow: PLAN_READERS },
  "PUT /api/plans/:planId/milestone-ladder": { label: "段階目標の順序の変更", allow: PLAN_OFFICE },
  "GET /api/plans/:planId/attainment-share": ownIndicators("達成状況の割合", PLAN_READERS),
  "GET /api/plans/:planId/department-matrix": { label: "担当課一覧", allow: PLAN_READERS },
  "GET /api/plans/:planId/my-department": ownIndicators("自分の課", ["department_editor"]),
  "GET /api/indicators/:indicatorId": ownIndicators("指標", PLAN_READERS),
  "PATCH /api/indicators/:indicatorId": { label: "指標の変更", allow: PLAN_OFFICE },
  "DELETE /api/indicators/:indicatorId": { label: "指標の削除", allow: PLAN_OFFICE },
  "PUT /api/indicators/:indicatorId/targets/:fiscalYear": { label: "目標値の変更", allow: PLAN_OFFICE },
  "PUT /api/indicators/:indicatorId/actuals/:fiscalYear": ownIndicators("実績値の入力", PLAN_WRITERS),
  "DELETE /api/indicators/:indicatorId/actuals/:fiscalYear": ownIndicators("実績値の削除", PLAN_WRITERS),
  "GET /api/indicators/:indicatorId/series": ownIndicators("指標の推移", PLAN_READERS),
  // indicators fed by computed measures: the plan office links; whoever enters the actual accepts the suggestion
  "GET /api/indicators/:indicatorId/feed": ownIndicators("指標の集計値と提案値", PLAN_READERS),
  "PUT /api/indicators/:indicatorId/measure-link": { label: "指標と集計値をつなぐ", allow: PLAN_OFFICE },
  "DELETE /api/indicators/:indicatorId/measure-link": { label: "指標と集計値のつなぎを外す", allow: PLAN_OFFICE },
  "POST /api/indicators/:indicatorId/actuals/:fiscalYear/accept-suggestion": ownIndicators(
    "提案値を実績として採用",
    PLAN_WRITERS,
  ),

  // plan side: rolling revisions
  "GET /api/plans/:planId/revisions": inForce("改定の一覧", PLAN_READERS),
  "POST /api/plans/:planId/revisions": { label: "改定を始める", allow: PLAN_OFFICE },
  "POST /api/plans/:planId/revisions/:number/approve": { label: "改定の承認", allow: PLAN_OFFICE },
  "DELETE /api/plans/:planId/revisions/:number": { label: "改定案の削除", allow: PLAN_OFFICE },
  "GET /api/plans/:planId/diff": inForce("改定の差分", PLAN_READERS),
  "GET /api/plans/:planId/diff.xlsx": inForce("改定の差分（xlsx）", PLAN_READERS),
  "GET /api/plans/:planId/diff.csv": inForce("改定の差分（CSV）", PLAN_READERS),

  // monthly roadmaps (年間ロードマップ): read by the plan side, each month's actual entered by the owning departments
  "GET /api/plans/:planId/roadmaps": { label: "計画の項目の年間ロードマップの一覧", allow: PLAN_READERS },
  "GET /api/roadmaps/:roadmapId": { label: "年間ロードマップ", allow: PLAN_READERS },
  "PATCH /api/roadmaps/:roadmapId/months/:month": {
    label: "年間ロードマップの月の実績・遅れの記入",
    allow: PLAN_WRITERS,
    need: "roadmap_department",
  },

  // support side: settings
  // the programme registry (重層的支援体制整備事業): kept by the plan office and the support side's administrator,
  // read by the 多機関協働 coordinators; no person in it
  "GET /api/programme": {
    label: "重層的支援体制整備事業の事業一覧",
    allow: ["system_admin", "plan_office", "support_admin", "coordinator"],
  },
  "PATCH /api/programme/projects/:projectId": {
    label: "重層的支援体制整備事業の事業の変更",
    allow: ["system_admin", "plan_office", "support_admin"],
  },

  "GET /api/agencies": { label: "支援機関・登録事業者の一覧", allow: [...SUPPORT_ADMINS, ...AGENCIES] },
  "POST /api/agencies": { label: "支援機関・登録事業者の登録", allow: SUPPORT_ADMINS },
  "GET /api/concerns": { label: "相談の分類", allow: [...SUPPORT_ADMINS, ...AGENCIES] },
  "PUT /api/concerns": { label: "相談の分類の変更", allow: SUPPORT_ADMINS },

  // support side: persons and referrals
  "POST /api/persons": { label: "対象者の登録", allow: AGENCIES },
  "POST /api/persons/search": { label: "対象者の検索", allow: AGENCIES, need: "agency_registrar" },
  "POST /api/persons/:personId/links": { label: "同一人物のリンク", allow: STAFF },
  "POST /api/referrals": { label: "つなぐシートの送付", allow: AGENCIES },
  "GET /api/referrals": { label: "つなぐシートの一覧", allow: AGENCIES, need: "referral_party" },
  "GET /api/referrals/:referralId": referralRoute("つなぐシート", "referral_party"),
  "POST /api/referrals/:referralId/transition": referralRoute("つなぐシートの受付・転送・完了", "referral_receiver"),

  // support side: households and cases
  "POST /api/households": { label: "世帯の登録", allow: STAFF },
  "GET /api/households": { label: "世帯の一覧", allow: STAFF, need: "household" },
  "GET /api/households/:householdId": householdRoute("世帯", "household"),
  "POST /api/households/:householdId/members": householdRoute("世帯員の追加", "household"),
  "DELETE /api/households/:householdId/members/:personId": householdRoute("世帯員の削除", "household"),
  "POST /api/cases": { label: "ケースを開く", allow: ["coordinator"] },
  "GET /api/cases": { label: "ケースの一覧", allow: STAFF, need: "case_team" },
  "GET /api/cases/:caseId": caseRoute("ケース", "case_team"),
  "PATCH /api/cases/:caseId": caseRoute("課題と主担当機関の変更", "case_manager"),
  "POST /api/cases/:caseId/phase": caseRoute("段階の変更", "case_manager"),
  "POST /api/cases/:caseId/consents": caseRoute("本人同意の記録", "case_manager"),
  "POST /api/cases/:caseId/consents/:consentId/withdrawal": caseRoute("本人同意の撤回の記録", "case_manager"),
  "POST /api/cases/:caseId/team": caseRoute("チームへの機関の追加", "case_manager"),
  "DELETE /api/cases/:caseId/team/:agencyId": caseRoute("チームからの機関の削除", "case_manager"),
  "GET /api/cases/:caseId/records": caseRoute("支援経過", "case_disclosed"),
  "POST /api/cases/:caseId/records": caseRoute("支援経過の記録", "case_disclosed"),
  "GET /api/cases/:caseId/assessments": caseRoute("アセスメントの版の一覧", "case_disclosed"),
  "GET /api/cases/:caseId/assessments/:version": caseRoute("アセスメント", "case_disclosed"),
  "POST /api/cases/:caseId/assessments": caseRoute("アセスメントの保存", "case_disclosed"),
  "GET /api/cases/:caseId/plans": caseRoute("支援プラン・モニタリング・終結", "case_disclosed"),
  "POST /api/cases/:caseId/plans": caseRoute("支援プランの作成（新しい版）", "case_plan_manager"),
  "PUT /api/cases/:caseId/plans/:planId": caseRoute("支援プランの編集（作成中の版）", "case_plan_manager"),
  "POST /api/cases/:caseId/plans/:planId/approval": caseRoute("支援プランの承認", "case_plan_manager"),
  "POST /api/cases/:caseId/plans/:planId/tasks/:taskId/response": caseRoute("タスクの引受け・辞退", "case_task_agency"),
  "POST /api/cases/:caseId/plans/:planId/tasks/:taskId/done": caseRoute("タスクの完了", "case_task_agency"),
  "POST /api/cases/:caseId/monitorings": caseRoute("モニタリングの記録", "case_plan_manager"),
  "POST /api/cases/:caseId/closure": caseRoute("終結の記録", "case_manager"),
  "GET /api/support-tasks": { label: "自機関のタスク", allow: STAFF, need: "own_agency_tasks" },
  "GET /api/cases/:caseId/meetings": caseRoute("ケースを議題にした会議と支援決定", "case_team"),
  "POST /api/cases/:caseId/support-decision": caseRoute("支援決定の記録", "case_coordinator"),

  // computed measures (統計): raw for the coordinators and the support-side administrator, small counts suppressed
  // for the plan side (policies/measures.ts)
  "GET /api/stats": {
    label: "重層的支援の統計（集計指標）",
    allow: ["support_admin", "coordinator", ...PLAN_READERS],
  },
  // the page's answer as a file, for the same callers and as suppressed as their page
  "GET /api/stats/export.xlsx": {
    label: "重層的支援の統計の書き出し（xlsx）",
    allow: ["support_admin", "coordinator", ...PLAN_READERS],
  },
  "GET /api/stats/export.csv": {
    label: "重層的支援の統計の書き出し（CSV）",
    allow: ["support_admin", "coordinator", ...PLAN_READERS],
  },
  "GET /api/settings/stats": { label: "統計の秘匿の基準", allow: SUPPORT_ADMINS },
  "PUT /api/settings/stats": { label: "統計の秘匿の基準の変更", allow: SUPPORT_ADMINS },

  // support side: meetings (支援会議 / 重層的支援会議)
  "GET /api/meeting-kinds": { label: "会議の種類", allow: [...SUPPORT_ADMINS, ...STAFF] },
  "POST /api/meeting-kinds": { label: "会議の種類の追加", allow: SUPPORT_ADMINS },
  "PATCH /api/meeting-kinds/:kindId": { label: "会議の種類の変更", allow: SUPPORT_ADMINS },
  // 地区 also place the resource directory's entries, which providers search and propose
  "GET /api/districts": { label: "地区の一覧", allow: [...SUPPORT_ADMINS, ...AGENCIES] },
  "POST /api/districts": { label: "地区の追加", allow: [...SUPPORT_ADMINS, "coordinator"] },
  "PATCH /api/districts/:districtId": { label: "地区の変更", allow: [...SUPPORT_ADMINS, "coordinator"] },
  "GET /api/meetings": { label: "会議の一覧", allow: STAFF, need: "meeting" },
  "POST /api/meetings": { label: "会議の登録（招集）", allow: ["coordinator"] },
  "GET /api/meetings/:meetingId": meetingRoute("会議", "meeting"),
  "PATCH /api/meetings/:meetingId": meetingRoute("会議の変更", "meeting_manager"),
  "PUT /api/meetings/:meetingId/minutes": meetingRoute("会議録の保存", "meeting_manager"),
  "GET /api/meetings/:meetingId/candidates": meetingRoute("構成員に加えられる職員", "meeting_manager"),
  "POST /api/meetings/:meetingId/members": meetingRoute("構成員の追加", "meeting_manager"),
  "DELETE /api/meetings/:meetingId/members/:memberId": meetingRoute("構成員を外す", "meeting_manager"),
  "POST /api/meetings/:meetingId/members/:memberId/pledge": meetingRoute("誓約の記録", "meeting_pledge"),
  "POST /api/meetings/:meetingId/subjects": meetingRoute("議題の追加", "meeting_manager"),
  "DELETE /api/meetings/:meetingId/subjects/:subjectId": meetingRoute("議題を外す", "meeting_manager"),
  "POST /api/meetings/:meetingId/decisions": meetingRoute("決定事項の記録", "meeting_manager"),

  // support side: the local resource directory (地域資源). It holds no personal data, so the whole support side
  // reads it; the plan side does not (a support-side tool, like the rest: the plan gets its numbers as measures)
  "GET /api/resources": { label: "地域資源の一覧・検索", allow: [...SUPPORT_ADMINS, ...AGENCIES], need: "resource" },
  "POST /api/resources": { label: "地域資源の登録（登録事業者は提案）", allow: AGENCIES },
  "GET /api/resources/export.json": {
    label: "地域資源の書き出し（Open Referral HSDS 形式の JSON）",
    allow: [...SUPPORT_ADMINS, ...AGENCIES],
  },
  "GET /api/resources/export.csv": { label: "地域資源の書き出し（CSV）", allow: [...SUPPORT_ADMINS, ...AGENCIES] },
  "GET /api/resources/:resourceId": {
    label: "地域資源",
    allow: [...SUPPORT_ADMINS, ...AGENCIES],
    need: "resource",
  },
  "PUT /api/resources/:resourceId": { label: "地域資源の変更", allow: STAFF, need: "resource_editor" },
  // participation support (参加支援): placements of a case's person in local resources; needs no resource met
  "GET /api/cases/:caseId/placements": caseRoute("参加支援の一覧", "case_disclosed"),
  "POST /api/cases/:caseId/placements": caseRoute("参加支援の提案", "case_plan_manager"),
  "POST /api/cases/:caseId/placements/:placementId/status": caseRoute("参加支援の状況の変更", "case_plan_manager"),
  "POST /api/cases/:caseId/unmet-needs": caseRoute("見つからなかった資源の記録", "case_plan_manager"),
  "GET /api/resources/:resourceId/placements": {
    label: "地域資源の参加支援（運営機関）",
    allow: STAFF,
    denied: 404,
    need: "resource_placements",
    record: { entityType: "resource", param: "resourceId", what: "地域資源" },
  },
  "GET /api/placements/follow-ups": {
    label: "フォローアップの時期が来た参加支援（多機関協働はすべて、他の機関は主担当のケース）",
    allow: STAFF,
  },
  "GET /api/unmet-needs": { label: "見つからなかった資源の一覧（地域づくり）", allow: ["coordinator"] },
  "POST /api/resources/:resourceId/review": { label: "提案された地域資源の受け入れ・見送り", allow: ["coordinator"] },
  "GET /api/resources/:resourceId/activity": {
    label: "地域づくりの拠点の月ごとの参加（人数と参加団体）",
    allow: [...SUPPORT_ADMINS, ...AGENCIES],
    need: "resource",
  },
  "PUT /api/resources/:resourceId/activity/:month": {
    label: "地域づくりの拠点の月ごとの参加の記録",
    allow: STAFF,
    need: "resource",
  },

  // the public site and its open data (issue 16): anyone, no session; only what the plan office published answers
  "GET /p/site.css": { label: "公開サイトの表示形式", allow: "public" },
  "GET /p/:code/": { label: "公開サイト: 公開している計画", allow: "public" },
  "GET /p/:code/plans/:planId/": { label: "公開サイト: 計画の体系", allow: "public" },
  "GET /p/:code/plans/:planId/items/:itemId": { label: "公開サイト: 項目", allow: "public" },
  "GET /p/:code/plans/:planId/indicators/:indicatorId": { label: "公開サイト: 指標の推移", allow: "public" },
  "GET /p/:code/plans/:planId/years/:fiscalYear": { label: "公開サイト: 年度の総括表", allow: "public" },
  "GET /p/:code/plans/:planId/search": { label: "公開サイト: 項目の検索", allow: "public" },
  "GET /p/:code/opendata/": { label: "公開サイト: オープンデータ", allow: "public" },
  "GET /p/:code/opendata/catalog.json": { label: "オープンデータのカタログ（DCAT）", allow: "public" },
  "GET /p/:code/opendata/:planId/:file": { label: "オープンデータの表（CSV・JSON）", allow: "public" },
} as const satisfies Record<string, RouteRule>;

export type RouteKey = keyof typeof ROUTE_TABLE;

export function ruleOf(key: string): RouteRule | undefined {
  return (ROUTE_TABLE as Record<string, RouteRule>)[key];
}

/** May this principal (null: not signed in, or an account that acts as nothing) call the route at all? */
export function mayCall(principal: Principal | null, signedIn: boolean, key: RouteKey): boolean {
  const rule: RouteRule = ROUTE_TABLE[key];
  if (rule.allow === "public") return true;
  if (rule.allow === "signed_in") return signedIn;
  return principal !== null && rule.allow.includes(principal);
}
