import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api";
import { Dialog, DialogActions } from "../components/Dialog";
import { ErrorAlert } from "../components/ErrorAlert";
import { SelectField, TextField } from "../components/FormField";
import { RowAction } from "../components/RowAction";
import { SubmitFailure } from "../components/StaleNotice";
import { Loading, QueryError } from "../components/Status";
import { usePageTitle } from "../components/usePageTitle";
import { formatEraDate, previousDay, todayIso } from "../format";
import { useSubmit } from "../forms/useSubmit";
import { isPlanOffice, keys, useDepartments, useSession } from "../queries";
import type { CreateDepartmentInput, Department, MergeDepartmentInput, RenameDepartmentInput } from "../types";

type DialogState = { kind: "rename" | "merge"; department: Department } | null;

export function DepartmentsPage() {
  usePageTitle("課の管理");
  const session = useSession();
  const departments = useDepartments();
  const office = isPlanOffice(session.data);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [message, setMessage] = useState<string | null>(null);
  const queryClient = useQueryClient();

  const done = async (text: string) => {
    setDialog(null);
    setMessage(text);
    await queryClient.invalidateQueries({ queryKey: keys.departments });
  };

  if (departments.isPending) return <Loading />;
  if (departments.error) return <QueryError error={departments.error} />;
  const byId = new Map(departments.data.map((d) => [d.id, d]));
  const sorted = [...departments.data].sort((a, b) => Number(b.active) - Number(a.active));

  return (
    <>
      <h1>課の管理</h1>
      <p className="lead">
        組織改正（課の名称変更・統合）を登録します。過去の評価表には、評価したときの課名が残ります。
      </p>
      {office ? <AddDepartmentForm onDone={(name) => done(`「${name}」を追加しました。`)} /> : null}
      <div aria-live="polite">{message ? <p className="notice success">{message}</p> : null}</div>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">課の一覧</caption>
          <thead>
            <tr>
              <th scope="col">課名</th>
              <th scope="col">状態</th>
              <th scope="col">名称の履歴</th>
              {office ? <th scope="col">操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {sorted.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.name}</th>
                <td>
                  {d.active
                    ? "現行"
                    : d.mergedIntoId
                      ? `${formatEraDate(d.abolishedOn)}に「${byId.get(d.mergedIntoId)?.name ?? "不明"}」へ統合`
                      : `${formatEraDate(d.abolishedOn)}に廃止`}
                </td>
                <td>
                  {d.history.length > 1 ? (
                    <ul className="small compact-list">
                      {d.history.map((h) => (
                        <li key={`${h.name}:${h.validFrom}`}>
                          {h.name}（{h.validFrom ? `${formatEraDate(h.validFrom)}から` : "当初から"}
                          {h.validTo ? `${formatEraDate(previousDay(h.validTo))}まで` : "現在まで"}）
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted small">変更なし</span>
                  )}
                </td>
                {office ? (
                  <td>
                    {d.active ? (
                      <div className="row-actions">
                        <RowAction of={d.name} onClick={() => setDialog({ kind: "rename", department: d })}>
                          名称変更
                        </RowAction>
                        <RowAction of={d.name} onClick={() => setDialog({ kind: "merge", department: d })}>
                          統合
                        </RowAction>
                      </div>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {dialog?.kind === "rename" ? (
        <RenameDialog
          department={dialog.department}
          onClose={() => setDialog(null)}
          onDone={(name) => done(`「${dialog.department.name}」を「${name}」に名称変更しました。`)}
        />
      ) : null}
      {dialog?.kind === "merge" ? (
        <MergeDialog
          department={dialog.department}
          departments={departments.data}
          onClose={() => setDialog(null)}
          onDone={(into) => done(`「${dialog.department.name}」を「${into}」に統合しました。`)}
        />
      ) : null}
    </>
  );
}

function AddDepartmentForm({ onDone }: { onDone: (name: string) => void }) {
  const [name, setName] = useState("");
  const add = useSubmit({
    send: () => api("/api/departments", { method: "POST", body: { name } satisfies CreateDepartmentInput }),
    onDone: () => {
      onDone(name.trim());
      setName("");
    },
  });
  return (
    <form onSubmit={add.onSubmit()} noValidate className="filters">
      <TextField label="追加する課の名前" value={name} onChange={setName} error={add.fields.name} />
      <div className="field">
        <button type="submit" className="button" disabled={add.busy}>
          課を追加
        </button>
      </div>
      <div style={{ flexBasis: "100%" }}>
        <ErrorAlert error={add.error} />
      </div>
    </form>
  );
}

/**
 * 組織改正 on one department with its version (If-Match); after a 412 the latest version is read and the user
 * sends again.
 */
function useDepartmentChange(
  department: Department,
  change: "rename" | "merge",
  options: { body: () => unknown; onDone: () => void },
) {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(department.version);
  const save = useSubmit({
    send: () => api(`/api/departments/${department.id}/${change}`, { method: "POST", body: options.body(), version }),
    onDone: options.onDone,
  });
  const reload = async () => {
    const fresh = await queryClient.fetchQuery({
      queryKey: keys.departments,
      queryFn: () => api<{ departments: Department[] }>("/api/departments").then((r) => r.departments),
      staleTime: 0,
    });
    const d = fresh.find((x) => x.id === department.id);
    if (d) setVersion(d.version);
    save.clear();
  };
  return { ...save, reload };
}

function RenameDialog({
  department,
  onClose,
  onDone,
}: {
  department: Department;
  onClose: () => void;
  onDone: (name: string) => void;
}) {
  const [name, setName] = useState(department.name);
  const [effectiveFrom, setEffectiveFrom] = useState(todayIso());
  const a = useDepartmentChange(department, "rename", {
    body: () => ({ name, effectiveFrom }) satisfies RenameDepartmentInput,
    onDone: () => onDone(name.trim()),
  });
  const fields = a.fields;
  return (
    <Dialog open title={`「${department.name}」の名称変更`} onClose={onClose}>
      <SubmitFailure save={a} onReload={a.reload} />
      <form onSubmit={a.onSubmit()} noValidate>
        <TextField label="新しい課名" required value={name} onChange={setName} error={fields.name} />
        <TextField
          label="適用日"
          type="date"
          required
          hint="組織改正の日。この日から新しい課名になります。"
          value={effectiveFrom}
          onChange={setEffectiveFrom}
          error={fields.effectiveFrom}
        />
        <DialogActions onCancel={onClose} action="名称を変更" disabled={a.busy} />
      </form>
    </Dialog>
  );
}

function MergeDialog({
  department,
  departments,
  onClose,
  onDone,
}: {
  department: Department;
  departments: Department[];
  onClose: () => void;
  onDone: (into: string) => void;
}) {
  const [into, setInto] = useState("");
  const [effectiveFrom, setEffectiveFrom] = useState(todayIso());
  const targets = departments.filter((d) => d.active && d.id !== department.id);
  const a = useDepartmentChange(department, "merge", {
    body: () => ({ intoDepartmentId: into, effectiveFrom }) satisfies MergeDepartmentInput,
    onDone: () => onDone(targets.find((t) => t.id === into)?.name ?? ""),
  });
  const fields = a.fields;
  return (
    <Dialog open title={`「${department.name}」を別の課に統合`} onClose={onClose}>
      <p>統合した課は一覧に残り、過去の評価表の課名もそのまま残ります。</p>
      <SubmitFailure save={a} onReload={a.reload} />
      <form onSubmit={a.onSubmit()} noValidate>
        <SelectField
          label="統合先の課"
          required
          value={into}
          onChange={setInto}
          error={fields.intoDepartmentId}
          choose
          options={targets.map((t) => ({ value: t.id, label: t.name }))}
        />
        <TextField
          label="適用日"
          type="date"
          required
          value={effectiveFrom}
          onChange={setEffectiveFrom}
          error={fields.effectiveFrom}
        />
        <DialogActions onCancel={onClose} action="統合する" disabled={a.busy} />
      </form>
    </Dialog>
  );
}
