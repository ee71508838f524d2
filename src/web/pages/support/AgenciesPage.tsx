import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { AGENCY_KIND_LABELS, AGENCY_KINDS } from "../../../domain/labels/support";
import { AGENCY_CATEGORIES } from "../../../server/modules/agencies/schema";
import { can } from "../../access";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Checkbox, SelectField, TextField } from "../../components/FormField";
import { Loading, QueryError } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { useSubmit } from "../../forms/useSubmit";
import { useDepartments, useSession } from "../../queries";
import { NoticeArea } from "../../support/components";
import { supportKeys, useAgencies } from "../../support/queries";
import { useDraft } from "../../support/useDraft";
import type { Agency } from "../../types";

export function AgenciesPage() {
  usePageTitle("支援機関");
  const session = useSession();
  const office = can(session.data, "POST /api/agencies");
  const agencies = useAgencies();
  const departments = useDepartments();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);

  const departmentName = (id: string | null) =>
    id ? (departments.data?.find((d) => d.id === id)?.name ?? "（不明な課）") : null;

  return (
    <>
      <h1>支援機関</h1>
      <p className="lead">
        重層的支援体制整備事業に参加する支援機関と登録事業者の一覧です。つなぐシートの送付先はこの一覧の支援機関から選びます。
      </p>
      {office ? (
        <AddAgencyForm
          departments={(departments.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
          onDone={async (name) => {
            setMessage(`「${name}」を登録しました。`);
            await queryClient.invalidateQueries({ queryKey: supportKeys.agencies });
          }}
        />
      ) : null}
      <NoticeArea notice={message ? { kind: "success", text: message } : null} />
      {agencies.isPending ? <Loading /> : null}
      {agencies.error ? <QueryError error={agencies.error} /> : null}
      {agencies.data ? <AgencyTable agencies={agencies.data} departmentName={departmentName} /> : null}
    </>
  );
}

function AgencyTable({
  agencies,
  departmentName,
}: {
  agencies: Agency[];
  departmentName: (id: string | null) => string | null;
}) {
  if (!agencies.length) return <p>登録されている支援機関はありません。</p>;
  const sorted = [...agencies].sort(
    (a, b) =>
      Number(b.isCoordinator) - Number(a.isCoordinator) ||
      a.kind.localeCompare(b.kind) ||
      a.name.localeCompare(b.name, "ja"),
  );
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>支援機関・登録事業者の一覧（{agencies.length}件）</caption>
        <thead>
          <tr>
            <th scope="col">機関名</th>
            <th scope="col">種別</th>
            <th scope="col">分野</th>
            <th scope="col">所管課</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                {a.name}
                {a.isCoordinator ? (
                  <>
                    {" "}
                    <span className="badge coordinator">調整役</span>
                  </>
                ) : null}
              </th>
              <td>{a.kindLabel}</td>
              <td>{a.category}</td>
              <td>{departmentName(a.departmentId) ?? <span className="muted">－</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddAgencyForm({
  departments,
  onDone,
}: {
  departments: { value: string; label: string }[];
  onDone: (name: string) => Promise<void> | void;
}) {
  const draft = useDraft({
    name: "",
    category: AGENCY_CATEGORIES[0] as string,
    kind: "public" as "public" | "provider",
    coordinator: false,
    departmentId: "",
  });
  const { name, category, kind, coordinator, departmentId } = draft.values;
  const add = useSubmit({
    send: () =>
      api("/api/agencies", {
        method: "POST",
        body: {
          name,
          category,
          kind,
          isCoordinator: kind === "public" && coordinator,
          departmentId: departmentId || null,
        },
      }),
    onDone: async () => {
      await onDone(name.trim());
      draft.change({ name: "", coordinator: false });
    },
  });
  const { error, fields } = add;
  const field = draft.fields(fields);

  return (
    <section aria-labelledby="add-agency-heading">
      <h2 id="add-agency-heading">支援機関・登録事業者の登録</h2>
      <form onSubmit={add.onSubmit()} noValidate aria-labelledby="add-agency-heading">
        <ErrorAlert error={error} title="登録できませんでした" />
        <div className="form-row">
          <TextField label="機関名" required {...field("name")} />
          <SelectField
            label="種別"
            value={kind}
            onChange={(v) => draft.change({ kind: v === "provider" ? "provider" : "public" })}
            options={AGENCY_KINDS.map((k) => ({ value: k, label: AGENCY_KIND_LABELS[k] }))}
            error={fields.kind}
          />
          <SelectField
            label="分野"
            options={AGENCY_CATEGORIES.map((c) => ({ value: c, label: c }))}
            {...field("category")}
          />
          <SelectField
            label="所管課"
            options={[{ value: "", label: "（なし）" }, ...departments]}
            {...field("departmentId")}
          />
        </div>
        {kind === "public" ? (
          <Checkbox
            label="多機関協働の調整役（すべてのつなぐシートを受け付ける）"
            checked={coordinator}
            onChange={(on) => draft.change({ coordinator: on })}
          />
        ) : null}
        {fields.isCoordinator ? <p className="field-error">{fields.isCoordinator}</p> : null}
        <p>
          <button type="submit" className="button" disabled={add.busy}>
            登録する
          </button>
        </p>
      </form>
    </section>
  );
}
