import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { can } from "../../../access";
import { SelectField, TextField } from "../../../components/FormField";
import { PrintMeta } from "../../../components/PrintMeta";
import { Loading, QueryError } from "../../../components/Status";
import { usePageTitle } from "../../../components/usePageTitle";
import { usePaper } from "../../../components/usePaper";
import { useSession } from "../../../queries";
import { useDistricts } from "../../../support/meetingQueries";
import { EMPTY_RESOURCE_FILTER, type ResourceFilter, useResources } from "../../../support/resourceQueries";
import type { Resource } from "../../../types";
import { audienceOptions, categoryOptions, dayOptions, daysText, statusOptions } from "./options";

const any = (label: string) => ({ value: "", label });

/**
 * 地域資源: the directory of places and activities a person can be connected to, found by 地区, tag, day, who it is
 * for, kind and free text; printed on A4 landscape as the list a worker takes on a visit.
 */
export function ResourceListPage() {
  usePageTitle("地域資源");
  usePaper("a4-landscape");
  const session = useSession();
  const [filter, setFilter] = useState<ResourceFilter>(EMPTY_RESOURCE_FILTER);
  const districts = useDistricts();
  const resources = useResources(filter);
  const set = (key: keyof ResourceFilter) => (value: string) => setFilter({ ...filter, [key]: value });
  const proposes = session.data?.user.role === "provider";
  const seesProposals = proposes || can(session.data, "POST /api/resources/:resourceId/review");
  const districtName = districts.data?.find((d) => d.id === filter.districtId)?.name;

  return (
    <>
      <h1>地域資源</h1>
      <p className="lead no-print">
        居場所・就労体験・サロン・通いの場・ボランティア・子ども食堂など、本人をつなげられる地域の資源です。個人の情報は含みません。所在地を伏せた資源（避難先など）の所在地は、多機関協働と運営機関だけに表示されます。
      </p>
      <div className="filters no-print">
        <TextField label="キーワード" value={filter.q} onChange={set("q")} hint="名称・内容・運営・タグから探します" />
        <SelectField
          label="地区"
          value={filter.districtId}
          onChange={set("districtId")}
          options={[any("すべての地区"), ...(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))]}
        />
        <TextField
          label="タグ"
          value={filter.tags}
          onChange={set("tags")}
          hint="空白区切りで複数（すべてを含むもの）"
        />
        <SelectField
          label="種別"
          value={filter.category}
          onChange={set("category")}
          options={[any("すべての種別"), ...categoryOptions]}
        />
        <SelectField
          label="曜日"
          value={filter.day}
          onChange={set("day")}
          options={[any("すべての曜日"), ...dayOptions]}
        />
        <SelectField
          label="対象"
          value={filter.audience}
          onChange={set("audience")}
          options={[any("すべての対象"), ...audienceOptions]}
        />
        {seesProposals ? (
          <SelectField
            label="状態"
            value={filter.status}
            onChange={set("status")}
            options={[any("すべての状態"), ...statusOptions]}
          />
        ) : null}
      </div>
      <p className="no-print">
        {can(session.data, "POST /api/resources") ? (
          <Link to="/support/resources/new">{proposes ? "地域資源を提案する" : "地域資源を登録する"}</Link>
        ) : null}{" "}
        <button type="button" onClick={() => window.print()}>
          一覧を印刷する
        </button>{" "}
        <a href="/api/resources/export.csv" download>
          CSV で書き出す
        </a>{" "}
        <a href="/api/resources/export.json" download>
          JSON（Open Referral HSDS 形式）で書き出す
        </a>
        {can(session.data, "GET /api/unmet-needs") ? (
          <>
            {" "}
            <Link to="/support/resources/unmet-needs">見つからなかった資源（地域づくり）</Link>
          </>
        ) : null}
      </p>
      <PrintMeta scope={districtName ? `地区: ${districtName}` : "すべての地区"} />
      {resources.isPending ? <Loading /> : null}
      {resources.error ? <QueryError error={resources.error} /> : null}
      {resources.data?.length === 0 ? <p>条件に合う地域資源はありません。</p> : null}
      {resources.data?.length ? <ResourceTable rows={resources.data} /> : null}
    </>
  );
}

function ResourceTable({ rows }: { rows: Resource[] }) {
  return (
    <table className="data resource-list">
      <caption>地域資源（{rows.length}件）</caption>
      <thead>
        <tr>
          <th scope="col">名称</th>
          <th scope="col">種別</th>
          <th scope="col">運営</th>
          <th scope="col">地区・所在地</th>
          <th scope="col">曜日・日時</th>
          <th scope="col">対象</th>
          <th scope="col">連絡先</th>
          <th scope="col">タグ</th>
          <th scope="col">状態</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              <Link to="/support/resources/$resourceId" params={{ resourceId: r.id }}>
                {r.name}
              </Link>
            </td>
            <td>{r.categoryLabel}</td>
            <td>{r.operator.name}</td>
            <td>
              {r.district?.name ?? ""}
              {r.district ? <br /> : null}
              {r.locationHidden && !r.address ? "（所在地は非公開）" : (r.address ?? "")}
            </td>
            <td>
              {daysText(r.days)}
              {r.scheduleNote ? <br /> : null}
              {r.scheduleNote ?? ""}
            </td>
            <td>{r.audiences.map((a) => a.label).join("・")}</td>
            <td>{r.contact ?? ""}</td>
            <td>{r.tags.join("・")}</td>
            <td>{r.statusLabel}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
