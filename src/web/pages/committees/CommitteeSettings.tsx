/**
 * 委員会の設定 (the plan office): the plan's committees, their constituent-plan marks and their members with terms.
 * A 推進委員会 or 小委員会 seats 閲覧者 accounts (the committee members); the internal 推進会議 may also seat staff.
 */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  COMMITTEE_KIND_LABELS,
  COMMITTEE_KINDS,
  type CommitteeKind,
  COMMITTEE_FIELD_LABELS as L,
} from "../../../domain/labels/committees";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField, TextField } from "../../components/FormField";
import { useSubmit } from "../../forms/useSubmit";
import type { Committee, CommitteeInput, UserAccount } from "../../types";
import { committeeKeys } from "./keys";

/** Who may sit on a committee of this kind: committee members are 閲覧者; the internal council seats staff too. */
const SEATED_ROLES: Record<CommitteeKind, readonly string[]> = {
  internal_council: ["viewer", "plan_office", "department_editor"],
  committee: ["viewer"],
  subcommittee: ["viewer"],
};

/** 「高、障」「高,障」「高・障」 → ["高", "障"] (full-width separators tolerated). */
const readMarks = (text: string) =>
  text
    .split(/[、，,・\s]+/)
    .map((m) => m.trim())
    .filter(Boolean);

export function CommitteeSettings({ planId, committees }: { planId: string; committees: Committee[] }) {
  const users = useQuery({
    queryKey: ["users"],
    queryFn: () => api<{ users: UserAccount[] }>("/api/users").then((r) => r.users),
  });
  const [editing, setEditing] = useState<string | null>(null);
  const chosen = committees.find((c) => c.id === editing);
  return (
    <section aria-labelledby="committee-settings" className="no-print">
      <h2 id="committee-settings">委員会の設定</h2>
      <table className="data">
        <caption className="visually-hidden">この計画の委員会</caption>
        <thead>
          <tr>
            <th scope="col">{L.name}</th>
            <th scope="col">{L.kind}</th>
            <th scope="col">{L.marks}</th>
            <th scope="col">{L.members}（任期中）</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {committees.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>{c.kindLabel}</td>
              <td>{c.marks.length ? c.marks.join("・") : "すべての項目"}</td>
              <td>
                {(c.members ?? [])
                  .filter((m) => m.inTerm)
                  .map((m) => m.displayName)
                  .join("、") || "なし"}
              </td>
              <td>
                <button type="button" className="button secondary" onClick={() => setEditing(c.id)}>
                  {c.name}を変更する
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button secondary" onClick={() => setEditing("new")}>
        委員会を追加する
      </button>
      {editing ? (
        <CommitteeForm
          key={editing}
          planId={planId}
          committee={chosen ?? null}
          users={users.data ?? []}
          onDone={() => setEditing(null)}
        />
      ) : null}
    </section>
  );
}

interface Seat {
  on: boolean;
  termFrom: string;
  termTo: string;
}

function CommitteeForm(props: {
  planId: string;
  committee: Committee | null;
  users: UserAccount[];
  onDone: () => void;
}) {
  const { committee } = props;
  const [kind, setKind] = useState<CommitteeKind | "">(committee?.kind ?? "");
  const [name, setName] = useState(committee?.name ?? "");
  const [marks, setMarks] = useState((committee?.marks ?? []).join("、"));
  const [seats, setSeats] = useState<Record<string, Seat>>(() =>
    Object.fromEntries(
      (committee?.members ?? []).map((m) => [m.userId, { on: true, termFrom: m.termFrom, termTo: m.termTo ?? "" }]),
    ),
  );
  const save = useSubmit({
    send: (input: CommitteeInput) =>
      committee
        ? api(`/api/committees/${committee.id}`, { method: "PUT", body: input, version: committee.version })
        : api(`/api/plans/${props.planId}/committees`, { method: "POST", body: input }),
    invalidates: [committeeKeys.list(props.planId)],
    onDone: props.onDone,
  });
  const seatable = props.users.filter(
    (u) => (SEATED_ROLES[kind || "committee"] as readonly string[]).includes(u.role) && !u.disabled,
  );
  const seat = (userId: string, change: Partial<Seat>) =>
    setSeats((s) => ({ ...s, [userId]: { on: false, termFrom: "", termTo: "", ...s[userId], ...change } }));
  const title = committee ? `${committee.name}の変更` : "委員会の追加";
  return (
    <form
      aria-label={title}
      noValidate
      onSubmit={save.onSubmit(() => ({
        kind: kind as CommitteeKind,
        name,
        marks: readMarks(marks),
        members: Object.entries(seats)
          .filter(([, s]) => s.on)
          .map(([userId, s]) => ({ userId, termFrom: s.termFrom, termTo: s.termTo || null })),
      }))}
    >
      <h3>{title}</h3>
      <SelectField
        label={L.kind}
        required
        choose
        value={kind}
        onChange={setKind}
        options={COMMITTEE_KINDS.map((k) => ({ value: k, label: COMMITTEE_KIND_LABELS[k] }))}
        error={save.fields.kind}
      />
      <TextField label={L.name} required value={name} onChange={setName} error={save.fields.name} />
      <TextField
        label={L.marks}
        value={marks}
        onChange={setMarks}
        error={save.fields.marks}
        hint="項目の構成計画の印を「、」で区切って入力します（例: 高、障）。小委員会には必ず入れます。空欄はすべての項目です。"
      />
      <fieldset>
        <legend>{L.members}</legend>
        {save.fields.members ? <p className="field-error">{save.fields.members}</p> : null}
        {seatable.length === 0 ? <p>この種類の委員会に加えられるアカウントがありません。</p> : null}
        <table className="data">
          <thead>
            <tr>
              <th scope="col">委員</th>
              <th scope="col">{L.termFrom}</th>
              <th scope="col">{L.termTo}（空欄は定めなし）</th>
            </tr>
          </thead>
          <tbody>
            {seatable.map((u) => {
              const s = seats[u.id];
              return (
                <tr key={u.id}>
                  <td>
                    <label>
                      <input
                        type="checkbox"
                        checked={s?.on ?? false}
                        onChange={(e) => seat(u.id, { on: e.target.checked })}
                      />{" "}
                      {u.displayName}（{u.roleLabel}）
                    </label>
                  </td>
                  <td>
                    <input
                      type="date"
                      aria-label={`${u.displayName}の${L.termFrom}`}
                      value={s?.termFrom ?? ""}
                      onChange={(e) => seat(u.id, { termFrom: e.target.value, on: true })}
                    />
                  </td>
                  <td>
                    <input
                      type="date"
                      aria-label={`${u.displayName}の${L.termTo}`}
                      value={s?.termTo ?? ""}
                      onChange={(e) => seat(u.id, { termTo: e.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
      <button type="submit" className="button" disabled={save.busy}>
        保存する
      </button>{" "}
      <button type="button" className="button secondary" onClick={props.onDone}>
        やめる
      </button>
      <ErrorAlert error={save.error} />
    </form>
  );
}
