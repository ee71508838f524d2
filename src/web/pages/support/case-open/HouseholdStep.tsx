import { useId, useRef, useState } from "react";
import { RELATIONSHIPS } from "../../../../server/modules/households/schema";
import { SelectField, TextField } from "../../../components/FormField";
import { AddMemberPanel } from "../../../support/AddMemberPanel";
import { personLabel, RadioGroup } from "../../../support/components";
import { PersonRowsTable } from "../../../support/PersonTable";
import type { Person, ReferralDetail } from "../../../types";
import { type HouseholdDraft, type MemberDraft, NEW } from "./useHouseholdDraft";

/** 1. 世帯: choose the referred person's household or register a new one, and add members to it. */
export function HouseholdStep({
  referral: r,
  household,
  errors,
  onChoose,
  onMemberRemoved,
}: {
  referral: ReferralDetail;
  household: HouseholdDraft;
  /** field name → message, the local checks' and the server's */
  errors: Record<string, string>;
  onChoose: (id: string) => void;
  /** a member added on this page was taken off the list again */
  onMemberRemoved: (personId: string) => void;
}) {
  const { known, current, chosen, members, savedCount, memberIds } = household;
  const placeField = household.place.fields(errors);
  const { setSelfRelationship, setAdded } = household;
  const [adding, setAdding] = useState(false);
  const [addKey, setAddKey] = useState(0);
  const [memberNotice, setMemberNotice] = useState("");
  const membersHeading = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  const memberError = (i: number) =>
    chosen
      ? errors[`added.${i - savedCount}`]
      : (errors[`members.${i}.relationship`] ?? errors[`members.${i}.personId`]);

  // the rows still to save: all of a new household, the added ones of a chosen household
  const isDraft = (i: number) => (chosen ? i >= savedCount : true);
  const who = (m: MemberDraft) => m.person.nameKanji ?? m.person.nameKana;
  // the row's place among the added members (a new household's first row is the referred person)
  const addedIndex = (i: number) => i - (chosen ? savedCount : 1);
  const setRelationship = (i: number, v: string) => {
    if (!chosen && i === 0) setSelfRelationship(v);
    else setAdded((list) => list.map((x, j) => (j === addedIndex(i) ? { ...x, relationship: v } : x)));
  };
  const removeMember = (m: MemberDraft, i: number) => {
    setAdded((list) => list.filter((_, j) => j !== addedIndex(i)));
    onMemberRemoved(m.person.id);
    setMemberNotice(`「${personLabel(m.person)}」を世帯員から外しました。`);
    membersHeading.current?.focus();
  };

  const addMember = (p: Person) => {
    setAdding(false);
    setAddKey((k) => k + 1);
    if (memberIds.has(p.id)) {
      setMemberNotice(`「${personLabel(p)}」は既に世帯員です。`);
    } else {
      setAdded((list) => [...list, { person: p, relationship: "その他" }]);
      setMemberNotice(`「${personLabel(p)}」を世帯員に加えました。続柄を選んでください。`);
    }
    requestAnimationFrame(() => membersHeading.current?.focus());
  };

  return (
    <section aria-labelledby={`${ids}-household`}>
      <h2 id={`${ids}-household`}>1. 世帯</h2>
      <RadioGroup
        legend="世帯"
        name="household-choice"
        value={current}
        onChange={onChoose}
        hint={
          known.length
            ? "対象者が世帯員になっている世帯です。別の世帯で支援するときは新しく登録してください。"
            : "対象者の世帯はまだ登録されていません。"
        }
        options={[
          ...known.map((h) => ({
            value: h.id,
            label: `${h.name ? `${h.name}：` : ""}${h.address}（${h.members.length}人）`,
          })),
          { value: NEW, label: "新しく世帯を登録する" },
        ]}
        error={errors.householdId}
      />
      {!chosen ? (
        <div className="form-row">
          <TextField label="住所" required autoComplete="off" inputClassName="wide" {...placeField("address")} />
          <TextField label="世帯の呼び名（任意）" hint="例: ○○家" autoComplete="off" {...placeField("name")} />
        </div>
      ) : null}

      <h3 ref={membersHeading} tabIndex={-1} id={`${ids}-members`}>
        世帯員
      </h3>
      <div aria-live="polite">{memberNotice ? <p className="small">{memberNotice}</p> : null}</div>
      {errors.members ? <p className="field-error">{errors.members}</p> : null}
      <PersonRowsTable
        caption={`世帯員（${members.length}人）`}
        captionHidden
        rows={members}
        rowKey={(m) => m.person.id}
        person={(m) => m.person}
        nameNote={(m) =>
          m.person.id === r.personId ? <span className="small muted">（つなぐシートの対象者）</span> : null
        }
        after={[
          {
            header: "続柄",
            cell: (m, i) =>
              isDraft(i) ? (
                <SelectField
                  label={<span className="visually-hidden">続柄：{who(m)}</span>}
                  className="compact"
                  value={m.relationship}
                  onChange={(v) => setRelationship(i, v)}
                  options={RELATIONSHIPS.map((x) => ({ value: x, label: x }))}
                  error={memberError(i)}
                />
              ) : (
                m.relationship
              ),
          },
          {
            header: "操作",
            cell: (m, i) =>
              // the referred person of a new household stays in it; members saved before are kept as they are
              isDraft(i) && !(!chosen && i === 0) ? (
                <button type="button" className="link-button" onClick={() => removeMember(m, i)}>
                  外す<span className="visually-hidden">：{who(m)}</span>
                </button>
              ) : isDraft(i) ? null : (
                <span className="small muted">登録済み</span>
              ),
          },
        ]}
      />
      <AddMemberPanel
        open={adding}
        onOpen={() => setAdding(true)}
        onCancel={() => {
          setAdding(false);
          membersHeading.current?.focus();
        }}
        onChosen={addMember}
        resetKey={addKey}
      />
    </section>
  );
}
