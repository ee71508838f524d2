import { useRef, useState } from "react";
import { TEAM_EVENT_LABELS } from "../../../../domain/labels/support";
import { Dialog, DialogActions } from "../../../components/Dialog";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SelectField, TextField } from "../../../components/FormField";
import { formatDateTime } from "../../../format";
import { agencyOptions, chooseOption } from "../../../support/components";
import { useAgencies } from "../../../support/queries";
import { useDraft } from "../../../support/useDraft";

import { HistoryTable } from "./HistoryTable";
import { type CaseSectionProps, type ManagedSectionProps, useCaseWrite } from "./useCaseWrite";

export function TeamSection({ c, manage, setNotice }: ManagedSectionProps) {
  const agencies = useAgencies();
  const draft = useDraft({ agencyId: "", reason: "" });
  const { agencyId, reason } = draft.values;
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inTeam = new Set(c.team.map((t) => t.agency.id));
  const candidates = (agencies.data ?? []).filter((a) => a.kind === "public" && !inTeam.has(a.id));
  const add = useCaseWrite(c, setNotice, {
    request: () => ({
      path: "/team",
      method: "POST",
      body: { agencyId, reason: reason || null },
      done: `「${candidates.find((a) => a.id === agencyId)?.name ?? ""}」をチームに加えました。`,
    }),
    onFinished: () => draft.setValues({ agencyId: "", reason: "" }),
  });
  const { error, fields } = add;
  const field = draft.fields(fields);
  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading" ref={headingRef} tabIndex={-1}>
        チーム
      </h2>
      <ul className="plain-list">
        {c.team.map((t) => (
          <li key={t.agency.id}>
            {t.agency.name}
            {t.isLead ? (
              <>
                {" "}
                <span className="badge coordinator">主担当</span>
              </>
            ) : null}{" "}
            <span className="small muted">（{formatDateTime(t.addedAt)} から）</span>
            {manage && !t.isLead ? (
              <>
                {" "}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setRemoving({ id: t.agency.id, name: t.agency.name })}
                >
                  チームから外す<span className="visually-hidden">：{t.agency.name}</span>
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {manage ? (
        <form onSubmit={add.onSubmit()} noValidate className="filters" aria-label="チームに機関を加える">
          <SelectField
            label="加える機関"
            options={[chooseOption, ...agencyOptions(candidates)]}
            {...field("agencyId")}
          />
          <TextField label="理由（任意）" {...field("reason")} />
          <div className="field">
            <button type="submit" className="button secondary" disabled={add.busy || !agencyId}>
              チームに加える
            </button>
          </div>
          <div style={{ flexBasis: "100%" }}>
            {error && !fields.agencyId && !fields.reason ? <ErrorAlert error={error} /> : null}
          </div>
        </form>
      ) : null}
      <HistoryTable
        caption="チームの変更履歴"
        events={c.teamHistory}
        rowKey={(h) => `${h.seq}-${h.kind}-${h.agency.id}`}
        columns={[
          { header: "変更", cell: (h) => TEAM_EVENT_LABELS[h.kind] },
          { header: "機関", cell: (h) => h.agency.name },
        ]}
      />
      {removing ? (
        <RemoveDialog
          c={c}
          agency={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setRemoving(null);
            // the button that opened the dialog is gone with the agency: the focus goes to the team heading
            requestAnimationFrame(() => headingRef.current?.focus());
          }}
          setNotice={setNotice}
        />
      ) : null}
    </section>
  );
}

function RemoveDialog({
  c,
  agency,
  onClose,
  onRemoved,
  setNotice,
}: CaseSectionProps & { agency: { id: string; name: string }; onClose: () => void; onRemoved: () => void }) {
  const [reason, setReason] = useState("");
  const remove = useCaseWrite(c, setNotice, {
    request: () => ({
      path: `/team/${encodeURIComponent(agency.id)}`,
      method: "DELETE",
      body: { reason: reason || null },
      done: `「${agency.name}」をチームから外しました。`,
    }),
    onFinished: onRemoved,
  });
  return (
    <Dialog open title={`「${agency.name}」をチームから外す`} onClose={onClose}>
      <ErrorAlert error={remove.error} />
      <form onSubmit={remove.onSubmit()} noValidate>
        <TextField
          label="理由（任意）"
          hint="チームの変更履歴に残ります。"
          value={reason}
          onChange={setReason}
          error={remove.fields.reason}
        />
        <DialogActions onCancel={onClose} action="チームから外す" danger disabled={remove.busy} />
      </form>
    </Dialog>
  );
}
