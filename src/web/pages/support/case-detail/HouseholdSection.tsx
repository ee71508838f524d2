import { Link } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { RELATIONSHIPS } from "../../../../server/modules/households/schema";
import { api } from "../../../api";
import { Dialog, DialogActions } from "../../../components/Dialog";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { FormButtons } from "../../../components/FormButtons";
import { SelectField } from "../../../components/FormField";
import type { Notice } from "../../../components/NoticeArea";
import { RowAction } from "../../../components/RowAction";
import { formatDateTime } from "../../../format";
import { useNoticedWrite } from "../../../forms/useNoticedWrite";
import { AddMemberPanel } from "../../../support/AddMemberPanel";
import { birthLabel, personLabel } from "../../../support/components";
import { PersonRowsTable } from "../../../support/PersonTable";
import { caseKeys } from "../../../support/queries";
import type { CaseDetail, HouseholdMember, Person } from "../../../types";
import type { CaseSectionProps } from "./useCaseWrite";

const STALE_TEXT =
  "他の人が先にこの世帯を更新しました。最新の内容を読み込みました。内容を確かめてから、もう一度操作してください。";

/**
 * The case's household: its members with their 続柄, and the referrals the case came from. Everyone on the case
 * keeps the members up to date (someone moved in or out); the case's main person stays a member.
 */
export function HouseholdSection({
  c,
  household,
  setNotice,
}: CaseSectionProps & { household: NonNullable<CaseSectionProps["c"]["household"]> }) {
  const [adding, setAdding] = useState(false);
  const [addKey, setAddKey] = useState(0);
  const [chosen, setChosen] = useState<Person | null>(null);
  const [removing, setRemoving] = useState<HouseholdMember | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const memberIds = new Set(household.members.map((m) => m.personId));

  const backToHeading = () => requestAnimationFrame(() => headingRef.current?.focus());
  const stopAdding = () => {
    setAdding(false);
    setChosen(null);
    setAddKey((k) => k + 1);
    backToHeading();
  };
  const choose = (p: Person) => {
    if (memberIds.has(p.id)) {
      setNotice({ kind: "warning", text: `「${personLabel(p)}」は既にこの世帯の世帯員です。` });
      setAddKey((k) => k + 1);
      return;
    }
    setChosen(p);
  };

  return (
    <section aria-labelledby="household-heading">
      <h2 id="household-heading" ref={headingRef} tabIndex={-1}>
        世帯{household.name ? `（${household.name}）` : ""}
      </h2>
      <p>住所: {household.address}</p>
      <PersonRowsTable
        caption="世帯員"
        captionHidden
        rows={household.members}
        rowKey={(m) => m.personId}
        person={(m) => m}
        before={[{ header: "続柄", cell: (m) => m.relationship }]}
        after={[
          {
            header: "操作",
            cell: (m) =>
              m.personId === c.mainPerson?.personId ? (
                <span className="small muted">主たる対象者</span>
              ) : (
                <RowAction look="link" of={personLabel(m)} onClick={() => setRemoving(m)}>
                  世帯から外す
                </RowAction>
              ),
          },
        ]}
      />
      <AddMemberPanel
        open={adding}
        onOpen={() => setAdding(true)}
        onCancel={stopAdding}
        onChosen={choose}
        resetKey={addKey}
        openButtonClassName="button secondary small"
        chosenForm={
          chosen ? (
            <AddMemberForm
              c={c}
              person={chosen}
              setNotice={setNotice}
              onDone={stopAdding}
              onBack={() => setChosen(null)}
            />
          ) : null
        }
      />
      {c.referrals.length ? (
        <>
          <h3>もとになったつなぐシート</h3>
          <ul className="plain-list">
            {c.referrals.map((r) => (
              <li key={r.id}>
                <Link to="/support/referrals/$referralId" params={{ referralId: r.id }}>
                  {formatDateTime(r.createdAt)} {r.fromAgency.name}から（{r.concerns.join("、")}）
                </Link>{" "}
                <span className={`status referral-${r.status}`}>{r.statusLabel}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {removing ? (
        <RemoveMemberDialog
          c={c}
          member={removing}
          setNotice={setNotice}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setRemoving(null);
            // the button that opened the dialog is gone with the member: the focus goes to the heading
            backToHeading();
          }}
        />
      ) : null}
    </section>
  );
}

/** The case's household (the page shows this section only when the caller sees it). */
const householdOf = (c: CaseDetail) => c.household as NonNullable<CaseDetail["household"]>;
const membersUrl = (c: CaseDetail) => `/api/households/${encodeURIComponent(householdOf(c).id)}/members`;

/**
 * A member change with the household's version. Saved or refused with 412, the case and the households are read
 * again (the members on screen are the saved ones when the notice says so) and the form closes.
 */
function useMemberWrite(
  c: CaseDetail,
  setNotice: (n: Notice) => void,
  options: { send: () => Promise<unknown>; done: () => string; onFinished: () => void },
) {
  const changed = [caseKeys.detail(c.id), ["support", "households"]];
  return useNoticedWrite(setNotice, { ...options, changes: changed, stale: { text: STALE_TEXT, reload: changed } });
}

/** The person is chosen: the 続柄 to the main person, then the member is saved. */
function AddMemberForm({
  c,
  person,
  setNotice,
  onDone,
  onBack,
}: CaseSectionProps & { person: Person; onDone: () => void; onBack: () => void }) {
  const [relationship, setRelationship] = useState<string>("その他");
  const save = useMemberWrite(c, setNotice, {
    send: () =>
      api(membersUrl(c), {
        method: "POST",
        body: { personId: person.id, relationship },
        version: householdOf(c).version,
      }),
    done: () => `「${personLabel(person)}」を世帯員（${relationship}）に加えました。`,
    onFinished: onDone,
  });
  return (
    <form onSubmit={save.onSubmit()} noValidate aria-label="世帯員の続柄">
      <ErrorAlert error={save.error} title="世帯員を加えられませんでした" />
      <p>
        <strong>{personLabel(person)}</strong>（{birthLabel(person.dateOfBirth)}）を世帯員に加えます。
      </p>
      <SelectField
        label="続柄"
        hint="主たる対象者（本人）から見た続柄"
        value={relationship}
        onChange={setRelationship}
        options={RELATIONSHIPS.map((x) => ({ value: x, label: x }))}
        error={save.fields.relationship}
      />
      <FormButtons back="別の人を選ぶ" onBack={onBack} submit="世帯員に加える" busy={save.busy} />
    </form>
  );
}

function RemoveMemberDialog({
  c,
  member,
  setNotice,
  onClose,
  onRemoved,
}: CaseSectionProps & { member: HouseholdMember; onClose: () => void; onRemoved: () => void }) {
  const remove = useMemberWrite(c, setNotice, {
    send: () =>
      api(`${membersUrl(c)}/${encodeURIComponent(member.personId)}`, {
        method: "DELETE",
        version: householdOf(c).version,
      }),
    done: () => `「${personLabel(member)}」を世帯から外しました。`,
    onFinished: onRemoved,
  });
  return (
    <Dialog open title={`「${personLabel(member)}」を世帯から外す`} onClose={onClose}>
      <ErrorAlert error={remove.error} />
      <form onSubmit={remove.onSubmit()} noValidate>
        <p>転居などで世帯を離れたときに外します。本人の記録は消えず、世帯の変更は監査ログに残ります。</p>
        <DialogActions onCancel={onClose} action="世帯から外す" danger disabled={remove.busy} />
      </form>
    </Dialog>
  );
}
