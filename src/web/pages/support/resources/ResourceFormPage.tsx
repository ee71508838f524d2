import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import {
  Checkbox,
  CheckboxGroup,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
} from "../../../components/FormField";
import { Loading, QueryError } from "../../../components/Status";
import { usePageTitle } from "../../../components/usePageTitle";
import { useSubmit } from "../../../forms/useSubmit";
import { useSession } from "../../../queries";
import { useDistricts } from "../../../support/meetingQueries";
import { useAgencies } from "../../../support/queries";
import { resourceKeys, tagsOf, useResource } from "../../../support/resourceQueries";
import type { CreateResourceInput, Resource, UpdateResourceInput } from "../../../types";
import { audienceOptions, categoryOptions, dayOptions } from "./options";

const editRoute = getRouteApi("/support/resources/$resourceId/edit");

/** The form's fields as typed (text for numbers and tags; the server reads and checks them). */
interface Draft {
  name: string;
  category: string;
  operatorKind: "agency" | "group";
  operatorAgencyId: string;
  operatorName: string;
  districtId: string;
  address: string;
  locationHidden: boolean;
  days: string[];
  scheduleNote: string;
  audiences: string[];
  capacity: string;
  contact: string;
  accessibility: string;
  description: string;
  tags: string;
  status: "active" | "paused";
}

const EMPTY: Draft = {
  name: "",
  category: "",
  operatorKind: "group",
  operatorAgencyId: "",
  operatorName: "",
  districtId: "",
  address: "",
  locationHidden: false,
  days: [],
  scheduleNote: "",
  audiences: [],
  capacity: "",
  contact: "",
  accessibility: "",
  description: "",
  tags: "",
  status: "active",
};

const draftOf = (r: Resource): Draft => ({
  name: r.name,
  category: r.category,
  operatorKind: r.operator.agency ? "agency" : "group",
  operatorAgencyId: r.operator.agency?.id ?? "",
  operatorName: r.operator.agency ? "" : r.operator.name,
  districtId: r.district?.id ?? "",
  address: r.address ?? "",
  locationHidden: r.locationHidden,
  days: r.days.map((d) => d.code),
  scheduleNote: r.scheduleNote ?? "",
  audiences: r.audiences.map((a) => a.code),
  capacity: r.capacity === null ? "" : String(r.capacity),
  contact: r.contact ?? "",
  accessibility: r.accessibility ?? "",
  description: r.description ?? "",
  tags: r.tags.join(" "),
  status: r.status === "paused" ? "paused" : "active",
});

/** The body the API reads (a number typed as text goes as a number; an empty one as none). */
function bodyOf(d: Draft): CreateResourceInput {
  const capacity = d.capacity.trim();
  return {
    name: d.name,
    category: d.category as CreateResourceInput["category"],
    operatorAgencyId: d.operatorKind === "agency" ? d.operatorAgencyId || null : null,
    operatorName: d.operatorKind === "group" ? d.operatorName : null,
    districtId: d.districtId || null,
    address: d.address,
    locationHidden: d.locationHidden,
    days: d.days as CreateResourceInput["days"],
    scheduleNote: d.scheduleNote,
    audiences: d.audiences as CreateResourceInput["audiences"],
    capacity: capacity === "" ? null : Number(capacity.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xfee0))),
    contact: d.contact,
    accessibility: d.accessibility,
    description: d.description,
    tags: tagsOf(d.tags),
  };
}

export function ResourceNewPage() {
  const session = useSession();
  const proposes = session.data?.user.role === "provider";
  usePageTitle(proposes ? "地域資源の提案" : "地域資源の登録");
  return (
    <>
      <h1>{proposes ? "地域資源の提案" : "地域資源の登録"}</h1>
      {proposes ? (
        <p className="lead">提案は多機関協働が確認し、受け入れると一覧に公開されます。見送るときは理由が示されます。</p>
      ) : null}
      <ResourceForm initial={EMPTY} />
    </>
  );
}

export function ResourceEditPage() {
  const { resourceId } = editRoute.useParams();
  const found = useResource(resourceId);
  usePageTitle("地域資源の編集");
  if (found.isPending) return <Loading />;
  if (found.error) return <QueryError error={found.error} />;
  return (
    <>
      <h1>地域資源の編集</h1>
      <ResourceForm initial={draftOf(found.data)} existing={found.data} />
    </>
  );
}

function ResourceForm({ initial, existing }: { initial: Draft; existing?: Resource }) {
  const navigate = useNavigate();
  const session = useSession();
  const districts = useDistricts();
  const agencies = useAgencies();
  const [d, setDraft] = useState(initial);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft({ ...d, [key]: value });
  const submit = useSubmit({
    send: () =>
      existing
        ? api<{ resource: Resource }>(`/api/resources/${encodeURIComponent(existing.id)}`, {
            method: "PUT",
            version: existing.version,
            body: { ...bodyOf(d), status: d.status } satisfies UpdateResourceInput,
          })
        : api<{ resource: Resource }>("/api/resources", { method: "POST", body: bodyOf(d) }),
    invalidates: [resourceKeys.all],
    onDone: ({ resource }) => navigate({ to: "/support/resources/$resourceId", params: { resourceId: resource.id } }),
  });
  const f = submit.fields;
  const proposes = session.data?.user.role === "provider";
  return (
    <form onSubmit={submit.onSubmit()} noValidate>
      <ErrorAlert error={submit.error} />
      <TextField label="名称" required value={d.name} onChange={set("name")} error={f.name} />
      <SelectField
        label="種別"
        required
        choose
        value={d.category}
        onChange={set("category")}
        options={categoryOptions}
        error={f.category}
      />
      <RadioGroup
        legend="運営"
        name="operatorKind"
        required
        value={d.operatorKind}
        onChange={(v) => set("operatorKind")(v as Draft["operatorKind"])}
        options={[
          { value: "agency", label: "市の支援機関・登録事業者" },
          { value: "group", label: "地域の団体（名前を入力）" },
        ]}
      />
      {d.operatorKind === "agency" ? (
        <SelectField
          label="運営する機関"
          required
          choose
          value={d.operatorAgencyId}
          onChange={set("operatorAgencyId")}
          options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          error={f.operatorAgencyId ?? f.operatorName}
        />
      ) : (
        <TextField
          label="運営団体の名前"
          required
          value={d.operatorName}
          onChange={set("operatorName")}
          error={f.operatorName}
        />
      )}
      <SelectField
        label="地区"
        value={d.districtId}
        onChange={set("districtId")}
        error={f.districtId}
        options={[
          { value: "", label: "地区なし" },
          ...(districts.data ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: x.name })),
        ]}
      />
      <TextField label="所在地" value={d.address} onChange={set("address")} error={f.address} />
      <Checkbox
        label="所在地を伏せる（避難先など。多機関協働と運営機関だけに表示し、書き出しには含めません）"
        checked={d.locationHidden}
        onChange={set("locationHidden")}
      />
      <CheckboxGroup legend="曜日" options={dayOptions} values={d.days} onChange={set("days")} error={f.days} />
      <TextField
        label="日時の補足"
        hint="例: 第2・第4水曜日 10時〜12時"
        value={d.scheduleNote}
        onChange={set("scheduleNote")}
        error={f.scheduleNote}
      />
      <CheckboxGroup
        legend="対象"
        options={audienceOptions}
        values={d.audiences}
        onChange={set("audiences")}
        error={f.audiences}
      />
      <TextField
        label="定員"
        inputMode="numeric"
        hint="人数（決まっていなければ空欄）"
        value={d.capacity}
        onChange={set("capacity")}
        error={f.capacity}
      />
      <TextField label="連絡先" value={d.contact} onChange={set("contact")} error={f.contact} />
      <TextAreaField
        label="バリアフリー・配慮"
        value={d.accessibility}
        onChange={set("accessibility")}
        error={f.accessibility}
        rows={2}
      />
      <TextAreaField label="内容" value={d.description} onChange={set("description")} error={f.description} />
      <TextField
        label="タグ"
        hint="本人の希望と合わせるための言葉。空白区切り（例: 畑 短時間 料理）"
        value={d.tags}
        onChange={set("tags")}
        error={f.tags}
      />
      {existing ? (
        <SelectField
          label="状態"
          required
          value={d.status}
          onChange={set("status")}
          error={f.status}
          options={[
            { value: "active", label: "公開中" },
            { value: "paused", label: "休止" },
          ]}
        />
      ) : null}
      {submit.stale ? <p role="alert">他の人が先に更新しました。画面を読み込み直してから編集してください。</p> : null}
      <button type="submit" disabled={submit.busy}>
        {submit.busy ? "保存しています…" : existing ? "保存する" : proposes ? "提案する" : "登録する"}
      </button>
    </form>
  );
}
