import { useState } from "react";
import {
  MEETING_LEGAL_BASES,
  MEETING_LEGAL_BASIS_LABELS,
  type MeetingLegalBasis,
} from "../../../../domain/labels/meetings";
import { can } from "../../../access";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SelectField, TextField } from "../../../components/FormField";
import { type Notice, NoticeArea } from "../../../components/NoticeArea";
import { Loading, QueryError } from "../../../components/Status";
import { usePageTitle } from "../../../components/usePageTitle";
import { useSubmit } from "../../../forms/useSubmit";
import { useSession } from "../../../queries";
import { meetingKeys, useDistricts, useMeetingKinds } from "../../../support/meetingQueries";
import type { CreateDistrictInput, CreateMeetingKindInput, District, MeetingKind } from "../../../types";

/**
 * 会議の設定: the municipality's 地区 (the coordinators and the support-side administrators) and its kinds of meeting,
 * each its own name mapped to one legal basis (the support-side administrators). A kind's basis never changes.
 */
export function MeetingSettingsPage() {
  usePageTitle("会議の設定");
  const session = useSession();
  const [notice, setNotice] = useState<Notice>(null);
  return (
    <>
      <h1>会議の設定</h1>
      <p className="lead">
        地区と会議の種類を設定します。会議の種類は自治体での呼び名（例:
        包括的支援会議）と法的な根拠（支援会議か重層的支援会議か）の組です。根拠はあとから変えられません。
      </p>
      <NoticeArea notice={notice} />
      <DistrictList setNotice={setNotice} />
      {can(session.data, "POST /api/meeting-kinds") ? <KindList setNotice={setNotice} /> : null}
    </>
  );
}

function DistrictList({ setNotice }: { setNotice: (n: Notice) => void }) {
  const districts = useDistricts();
  const [name, setName] = useState("");
  const add = useSubmit({
    send: () => api("/api/districts", { method: "POST", body: { name } satisfies CreateDistrictInput }),
    invalidates: [meetingKeys.districts],
    onDone: () => {
      setNotice({ kind: "success", text: `地区「${name}」を追加しました。` });
      setName("");
    },
  });
  const toggle = useSubmit({
    send: (d: District) =>
      api(`/api/districts/${d.id}`, { method: "PATCH", version: d.version, body: { active: !d.active } }),
    invalidates: [meetingKeys.districts],
    onDone: (_r, d) =>
      setNotice({ kind: "success", text: `地区「${d.name}」を${d.active ? "無効" : "有効"}にしました。` }),
  });
  return (
    <section aria-labelledby="districts-heading">
      <h2 id="districts-heading">地区</h2>
      {districts.isPending ? <Loading /> : null}
      {districts.error ? <QueryError error={districts.error} /> : null}
      <ErrorAlert error={toggle.error} />
      <ul>
        {(districts.data ?? []).map((d) => (
          <li key={d.id}>
            {d.name}
            {d.active ? "" : "（無効）"}{" "}
            <button type="button" disabled={toggle.busy} onClick={() => void toggle.run(d)}>
              {d.name}を{d.active ? "無効にする" : "有効にする"}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add.onSubmit()} aria-label="地区を追加する">
        <ErrorAlert error={add.error} />
        <TextField label="地区の名前" required value={name} onChange={setName} error={add.fields.name} />
        <button type="submit" disabled={add.busy}>
          地区を追加
        </button>
      </form>
    </section>
  );
}

function KindList({ setNotice }: { setNotice: (n: Notice) => void }) {
  const kinds = useMeetingKinds();
  const [draft, setDraft] = useState({ name: "", legalBasis: "" as MeetingLegalBasis | "" });
  const add = useSubmit({
    send: () =>
      api("/api/meeting-kinds", {
        method: "POST",
        body: { name: draft.name, legalBasis: draft.legalBasis as MeetingLegalBasis } satisfies CreateMeetingKindInput,
      }),
    invalidates: [meetingKeys.kinds],
    onDone: () => {
      setNotice({ kind: "success", text: `会議の種類「${draft.name}」を追加しました。` });
      setDraft({ name: "", legalBasis: "" });
    },
  });
  const rename = useSubmit({
    send: ({ kind, name }: { kind: MeetingKind; name: string }) =>
      api(`/api/meeting-kinds/${kind.id}`, { method: "PATCH", version: kind.version, body: { name } }),
    invalidates: [meetingKeys.kinds],
    onDone: (_r, { name }) => setNotice({ kind: "success", text: `名前を「${name}」に変えました。` }),
  });
  return (
    <section aria-labelledby="kinds-heading">
      <h2 id="kinds-heading">会議の種類</h2>
      {kinds.isPending ? <Loading /> : null}
      <ErrorAlert error={rename.error} />
      <table className="data">
        <thead>
          <tr>
            <th scope="col">名前</th>
            <th scope="col">根拠</th>
          </tr>
        </thead>
        <tbody>
          {(kinds.data ?? []).map((k) => (
            <tr key={k.id}>
              <td>
                <RenameKind kind={k} busy={rename.busy} onRename={(name) => void rename.run({ kind: k, name })} />
              </td>
              <td>{k.legalBasisLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={add.onSubmit()} aria-label="会議の種類を追加する">
        <ErrorAlert error={add.error} />
        <TextField
          label="会議の種類の名前"
          required
          value={draft.name}
          onChange={(name) => setDraft({ ...draft, name })}
          error={add.fields.name}
        />
        <SelectField
          label="根拠"
          required
          choose
          value={draft.legalBasis}
          onChange={(legalBasis) => setDraft({ ...draft, legalBasis })}
          error={add.fields.legalBasis}
          options={MEETING_LEGAL_BASES.map((b) => ({ value: b, label: MEETING_LEGAL_BASIS_LABELS[b] }))}
        />
        <button type="submit" disabled={add.busy}>
          会議の種類を追加
        </button>
      </form>
    </section>
  );
}

function RenameKind({ kind, busy, onRename }: { kind: MeetingKind; busy: boolean; onRename: (name: string) => void }) {
  const [name, setName] = useState(kind.name);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onRename(name);
      }}
    >
      <TextField label={`「${kind.name}」の名前`} value={name} onChange={setName} />
      <button type="submit" disabled={busy || name === kind.name}>
        名前を変える
      </button>
    </form>
  );
}
