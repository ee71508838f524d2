import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, Fragment, useEffect, useState } from "react";
import {
  MAX_CONCERN_CATEGORIES,
  MAX_CONCERN_LABEL,
  normalizeConcernLabel,
} from "../../../server/modules/concerns/schema";
import { can } from "../../access";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { Loading, QueryError } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { useSubmit } from "../../forms/useSubmit";
import { useSession } from "../../queries";
import { NoticeArea } from "../../support/components";
import { supportKeys, useConcerns } from "../../support/queries";
import type { ConcernCategory, ConcernList, PutConcernsInput } from "../../types";

/** A row of the list being edited; `key` tells rows apart on screen (new rows have no id yet). */
interface DraftRow extends ConcernCategory {
  key: string;
}

const toDraft = (list: ConcernList): DraftRow[] =>
  list.categories.map((c, i) => ({ ...c, key: c.id ?? `default-${i}` }));

/**
 * 相談の分類: the support-side administrator edits the municipality's 「気になること」 checklist (つなぐシートの困りごと and the
 * issues of a case). The whole list is saved at once with the version it was read at; a category already used
 * cannot be deleted or renamed, only made inactive (the server says which).
 */
export function ConcernsPage() {
  usePageTitle("相談の分類");
  const session = useSession();
  const office = can(session.data, "PUT /api/concerns");
  const concerns = useConcerns();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<DraftRow[] | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [message, setMessage] = useState("");
  const [newLabel, setNewLabel] = useState("");
  const [addError, setAddError] = useState<string | undefined>(undefined);
  const [focusKey, setFocusKey] = useState<string | null>(null);

  useEffect(() => {
    if (concerns.data && rows === null) {
      setRows(toDraft(concerns.data));
      setVersion(concerns.data.version);
    }
  }, [concerns.data, rows]);

  useEffect(() => {
    if (!focusKey) return;
    (document.getElementById(focusKey) ?? document.querySelector<HTMLElement>(`[name="${focusKey}"]`))?.focus();
    setFocusKey(null);
  }, [focusKey]);

  // the whole list at once, with the version it was read at; the answer is the saved list
  const saveList = useSubmit({
    send: ({ draft, base }: { draft: DraftRow[]; base: number }) =>
      api<ConcernList>("/api/concerns", {
        method: "PUT",
        version: base,
        body: {
          categories: draft.map((r) => ({ id: r.id, label: r.label, active: r.active })),
        } satisfies PutConcernsInput,
      }),
    onDone: (saved) => {
      queryClient.setQueryData(supportKeys.concerns, saved);
      setRows(toDraft(saved));
      setVersion(saved.version);
      setMessage("相談の分類を保存しました。");
    },
  });
  const { error, busy, stale } = saveList;
  const dirty = () => setMessage("");

  const move = (index: number, delta: -1 | 1) => {
    if (!rows) return;
    const target = index + delta;
    if (target < 0 || target >= rows.length) return;
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (!row) return;
    next.splice(target, 0, row);
    setRows(next);
    dirty();
    // keep the keyboard on the moved row; at an edge the pressed button is disabled, so use the other one
    const edge = delta < 0 ? target === 0 : target === next.length - 1;
    const direction = delta < 0 !== edge ? "up" : "down";
    setFocusKey(`concern-${row.key}-${direction}`);
    setMessage(`「${row.label}」を${target + 1}番目に移動しました（未保存）。`);
  };

  const toggle = (index: number) => {
    if (!rows) return;
    setRows(rows.map((r, i) => (i === index ? { ...r, active: !r.active } : r)));
    const row = rows[index];
    if (row) setMessage(`「${row.label}」を${row.active ? "無効" : "有効"}にしました（未保存）。`);
  };

  const remove = (index: number) => {
    if (!rows) return;
    const row = rows[index];
    setRows(rows.filter((_, i) => i !== index));
    if (row) setMessage(`「${row.label}」を一覧から外しました（未保存）。`);
    const neighbour = rows[index + 1] ?? rows[index - 1];
    setFocusKey(neighbour ? `concern-${neighbour.key}-toggle` : "concern-new-label");
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!rows) return;
    const label = normalizeConcernLabel(newLabel);
    if (!label) return setAddError("分類名を入力してください");
    if ([...label].length > MAX_CONCERN_LABEL)
      return setAddError(`分類名は${MAX_CONCERN_LABEL}文字以内で入力してください`);
    if (rows.some((r) => r.label === label)) return setAddError(`分類「${label}」は既にあります`);
    if (rows.length >= MAX_CONCERN_CATEGORIES) return setAddError(`分類は${MAX_CONCERN_CATEGORIES}件までです`);
    setRows([...rows, { id: null, label, active: true, key: `new-${Date.now()}-${rows.length}` }]);
    setNewLabel("");
    setAddError(undefined);
    setMessage(`「${label}」を追加しました（未保存）。`);
  };

  const save = () => {
    if (rows && version !== null) void saveList.run({ draft: rows, base: version });
  };

  const reload = async () => {
    saveList.clear();
    const fresh = await concerns.refetch();
    if (fresh.data) {
      setRows(toDraft(fresh.data));
      setVersion(fresh.data.version);
      setMessage("最新の内容を読み込みました。");
    }
  };

  return (
    <>
      <h1>相談の分類</h1>
      <p className="lead">
        つなぐシートの「困りごと」とケースの「課題」で選ぶ分類の一覧です。上から順に表示されます。つなぐシートやケースで使われた分類は、削除や名前の変更はできません（使わない場合は無効にしてください。無効にした分類は新しいシートでは選べなくなりますが、これまでのシートにはそのまま表示されます）。
      </p>
      {concerns.isPending ? <Loading /> : null}
      {concerns.error ? <QueryError error={concerns.error} /> : null}
      <NoticeArea notice={message ? { kind: "success", text: message } : null} />
      {rows ? (
        <>
          {error ? (
            <div>
              <ErrorAlert error={error} title={stale ? "他の人が先に保存しました" : "保存できませんでした"} />
              {stale ? (
                <p>
                  あなたの変更は保存されていません。{" "}
                  <button type="button" className="button secondary small" onClick={reload}>
                    最新の内容を読み込む
                  </button>
                </p>
              ) : null}
            </div>
          ) : null}
          <div className="table-wrap">
            <table className="data">
              <caption>
                分類の一覧（{rows.length}件、有効 {rows.filter((r) => r.active).length}件）
              </caption>
              <thead>
                <tr>
                  <th scope="col">順番</th>
                  <th scope="col">分類名</th>
                  <th scope="col">状態</th>
                  {office ? <th scope="col">操作</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={r.key}>
                    <td>{i + 1}</td>
                    <th scope="row">{r.label}</th>
                    <td>{r.active ? "有効" : <span className="muted">無効</span>}</td>
                    {office ? (
                      <td>
                        <RowButtons
                          row={r}
                          first={i === 0}
                          last={i === rows.length - 1}
                          onMove={(d) => move(i, d)}
                          onToggle={() => toggle(i)}
                          onRemove={() => remove(i)}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {office ? (
            <>
              <section aria-labelledby="add-concern-heading">
                <h2 id="add-concern-heading">分類の追加</h2>
                <form onSubmit={add} noValidate aria-labelledby="add-concern-heading">
                  <div className="form-row">
                    <TextField
                      label="追加する分類名"
                      name="concern-new-label"
                      hint={`${MAX_CONCERN_LABEL}文字以内。一覧の最後に追加されます。`}
                      value={newLabel}
                      onChange={(v) => {
                        setNewLabel(v);
                        setAddError(undefined);
                      }}
                      error={addError}
                    />
                  </div>
                  <button type="submit" className="button secondary">
                    一覧に追加
                  </button>
                </form>
              </section>
              <p>
                <button type="button" className="button" onClick={save} disabled={busy}>
                  {busy ? "保存しています…" : "この内容で保存する"}
                </button>
              </p>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** The buttons of a category's row; their ids let the focus follow a row that moved or went away. */
function RowButtons({
  row,
  first,
  last,
  onMove,
  onToggle,
  onRemove,
}: {
  row: DraftRow;
  first: boolean;
  last: boolean;
  onMove: (delta: -1 | 1) => void;
  onToggle: () => void;
  onRemove: () => void;
}) {
  const toggleText = row.active ? "無効にする" : "有効にする";
  const buttons = [
    { key: "up", text: "上へ", label: `「${row.label}」を上へ`, disabled: first, onClick: () => onMove(-1) },
    { key: "down", text: "下へ", label: `「${row.label}」を下へ`, disabled: last, onClick: () => onMove(1) },
    { key: "toggle", text: toggleText, label: `「${row.label}」を${toggleText}`, disabled: false, onClick: onToggle },
  ];
  return (
    <div>
      {buttons.map((b) => (
        <Fragment key={b.key}>
          <button
            id={`concern-${row.key}-${b.key}`}
            type="button"
            className="button secondary small"
            aria-label={b.label}
            disabled={b.disabled}
            onClick={b.onClick}
          >
            {b.text}
          </button>{" "}
        </Fragment>
      ))}
      <button type="button" className="button danger small" aria-label={`「${row.label}」を削除`} onClick={onRemove}>
        削除
      </button>
    </div>
  );
}
