/**
 * The computed measures (集計指標) of 重層的支援 in words: each measure's name and Japanese definition, its unit,
 * the groups the statistics page shows them in, and the rows a measure is broken down into. The API, the page,
 * its CSV and the CLI read these tables.
 */

export const MEASURE_KEYS = [
  "referrals_sent",
  "referrals_completed",
  "new_persons",
  "contacts",
  "cases_opened",
  "cases_closed",
  "cases_by_issue",
  "support_meetings",
  "multi_agency_meetings",
  "support_plans",
  "outreach_plans",
  "placements",
  "registered_providers",
  "consultations_received",
  "participation_persons",
  "participation_partners",
  "community_hubs",
  "hub_participants",
  "hub_organisations",
] as const;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

export const MEASURE_LABELS: Record<MeasureKey, string> = {
  referrals_sent: "つなぐシートの送付件数",
  referrals_completed: "つなぎ完了の件数",
  new_persons: "新規相談者数",
  contacts: "支援経過の延べ件数",
  cases_opened: "開始したケース数",
  cases_closed: "終結したケース数",
  cases_by_issue: "課題別の開始ケース数",
  support_meetings: "支援会議の開催回数",
  multi_agency_meetings: "重層的支援会議の開催回数",
  support_plans: "支援プランの承認件数",
  outreach_plans: "アウトリーチ支援プランの承認件数",
  placements: "参加支援（地域資源につないだ件数）の状況別件数",
  registered_providers: "登録事業者数（年度末）",
  consultations_received: "相談受付件数",
  participation_persons: "参加支援の支援対象者数",
  participation_partners: "参加支援の協力事業者数",
  community_hubs: "地域づくりの拠点数",
  hub_participants: "地域づくりの拠点の参加者数（延べ）",
  hub_organisations: "地域づくりの拠点の参加機関数",
};

export const MEASURE_DEFINITIONS: Record<MeasureKey, string> = {
  referrals_sent:
    "年度内（日本時間）に送付されたつなぐシートの件数。送付した機関の種類（支援機関・登録事業者）別。転送されても1件と数える。機関で絞ると送付した機関、事業で絞ると送付した機関がその事業に登録されたもの",
  referrals_completed:
    "年度内に送付されたつなぐシートのうち、現在つなぎ完了になっている件数と、送付件数に対する割合。機関で絞ると送付した機関、事業で絞ると送付した機関がその事業に登録されたもの",
  new_persons:
    "年度内（日本時間）に対象者として登録された人数。機関で絞ると登録した機関、事業で絞ると登録した機関がその事業に登録されたもの",
  contacts:
    "記録日が年度内の支援経過の延べ件数。記録の方法（面談・訪問・電話・同行・オンライン・会議）別。機関で絞ると記録した機関、事業で絞ると記録した機関がその事業に登録されたもの",
  cases_opened:
    "年度内（日本時間）に開始したケースの件数。機関で絞ると現在の主担当機関、事業で絞ると現在の主担当機関がその事業に登録されたもの",
  cases_closed:
    "終結の記録の終結日が年度内のケースの件数（終結したケースは再開できないため、1件のケースは一度だけ数える）。機関で絞ると現在の主担当機関、事業で絞ると現在の主担当機関がその事業に登録されたもの",
  cases_by_issue:
    "年度内に開始したケースを、現在の課題ごとに数えた件数。課題を複数持つケースはそれぞれに数えるため、合計は示さない。機関で絞ると現在の主担当機関、事業で絞ると現在の主担当機関がその事業に登録されたもの",
  support_meetings:
    "開催日が年度内の支援会議（社会福祉法第106条の6に基づく種類の会議）の回数。地区で絞ると会議の地区、機関で絞ると事務局の機関、事業で絞ると事務局の機関がその事業に登録されたもの",
  multi_agency_meetings:
    "開催日が年度内の重層的支援会議（本人の同意に基づく種類の会議）の回数。地区で絞ると会議の地区、機関で絞ると事務局の機関、事業で絞ると事務局の機関がその事業に登録されたもの",
  support_plans:
    "承認日が年度内の支援プランの件数（改定で差し替えられた版も数える）。機関で絞るとケースの現在の主担当機関、事業で絞るとケースの現在の主担当機関がその事業に登録されたもの",
  outreach_plans:
    "承認日が年度内のアウトリーチ支援プランの件数（改定で差し替えられた版も数える）。機関で絞るとケースの現在の主担当機関、事業で絞るとケースの現在の主担当機関がその事業に登録されたもの",
  placements:
    "状況の変更日が年度内の参加支援の件数を、変わった先の状況（見学・体験・参加・定着・中断）別に数える。1件が年度内に2度変われば、それぞれの状況に数える。地区で絞ると地域資源の地区、機関で絞ると提案した機関、事業で絞ると提案した機関がその事業に登録されたもの",
  registered_providers: "年度末（3月31日、日本時間）までに登録された登録事業者の数。機関・事業では絞れない",
  consultations_received:
    "年度内（日本時間）に受け付けた相談の件数。送付されたつなぐシートの件数と、つなぐシートによらず開始したケースの件数の合計（つなぐシートから開始したケースは重ねて数えない）。地区・機関・事業では絞れない",
  participation_persons:
    "状況の記録（開始を含む）が年度内にある参加支援の対象者（ケースの本人）の実人数。1人が複数の地域資源につながっても1人と数える。地区で絞ると地域資源の地区。機関・事業では絞れない",
  participation_partners:
    "状況の記録が年度内にある参加支援の地域資源を運営する機関・団体の数。機関は1つと、機関として登録されていない運営者は名称で数える。地区で絞ると地域資源の地区。機関・事業では絞れない",
  community_hubs:
    "年度内のいずれかの月に参加者数が記録された地域づくりの拠点の数。地区で絞ると拠点の地区。機関・事業では絞れない",
  hub_participants:
    "年度内の各月に地域づくりの拠点で記録された参加者数の合計（延べ人数）。地区で絞ると拠点の地区。機関・事業では絞れない",
  hub_organisations:
    "年度内の各月に地域づくりの拠点に参加した機関・団体の数（同じ名称は1つと数える）。地区で絞ると拠点の地区。機関・事業では絞れない",
};

export const MEASURE_UNITS = ["件", "人", "回", "事業者", "か所", "機関"] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

/** The tables of the statistics page. */
export const MEASURE_GROUPS = [
  "referrals",
  "consultations",
  "cases",
  "meetings",
  "plans",
  "participation",
  "community",
  "providers",
] as const;
export type MeasureGroup = (typeof MEASURE_GROUPS)[number];
export const MEASURE_GROUP_LABELS: Record<MeasureGroup, string> = {
  referrals: "つなぐシート",
  consultations: "相談と支援経過",
  cases: "ケース",
  meetings: "会議",
  plans: "支援プラン",
  participation: "参加支援",
  community: "地域づくり",
  providers: "登録事業者",
};

/** The filters a measure may not answer to: why its value is absent when one is set. */
export const MEASURE_FILTERS = ["district", "agency", "project"] as const;
export type MeasureFilter = (typeof MEASURE_FILTERS)[number];
/** project: a project of the programme registry (重層的支援体制整備事業), counted over the agencies attached to it */
export const MEASURE_FILTER_LABELS: Record<MeasureFilter, string> = {
  district: "地区",
  agency: "機関",
  project: "事業",
};
export const filterNotApplicableLabel = (filter: MeasureFilter) =>
  `${MEASURE_FILTER_LABELS[filter]}では絞り込めない指標です`;

/** How a suppressed count is shown (1 to threshold − 1, or a cell suppressed so that it cannot be derived). */
export const suppressedLabel = (threshold: number) => `${threshold}未満`;
/** A cell hidden only so that a suppressed one cannot be worked out from the total. */
export const SECONDARY_SUPPRESSION_LABEL = "秘匿";

export const TOTAL_LABEL = "合計";
export const SHARE_LABEL = "割合";
