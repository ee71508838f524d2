import { useId, useRef, useState } from "react";
import { RELATIONSHIPS } from "../../../../server/modules/households/schema";
import { SelectField, TextField } from "../../../components/FormField";
import { birthLabel, personLabel, RadioGroup } from "../../../support/components";
import { MemberPersonStep } from "../../../support/PersonStep";
import type { Person, ReferralDetail } from "../../../types";
import { type HouseholdDraft, NEW } from "./useHouseholdDraft";

/** 1. 世帯: choose the referred person's household or register a new one, and add members to it. */
export function HouseholdStep({
  referral: r,
  household,
  errors,
  onChoose,
  mainPersonId,
  setMainPersonId,
}: {
  referral: ReferralDetail;
  household: HouseholdDraft;
  /** field name → message, the local checks' and the server's */
  errors: Record<string, string>;
  onChoose: (id: string) => void;
  mainPersonId: string;
  setMainPersonId: (id: string) => void;
}) {
  const { known, current, chosen, members, savedCount, memberIds, name, setName, address, setAddress } = household;
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
          <TextField
            label="住所"
            required
            value={address}
            onChange={setAddress}
            autoComplete="off"
            inputClassName="wide"
            error={errors.address}
          />
          <TextField
            label="世帯の呼び名（任意）"
            hint="例: ○○家"
            value={name}
            onChange={setName}
            autoComplete="off"
            error={errors.name}
          />
        </div>
      ) : null}

      <h3 ref={membersHeading} tabIndex={-1} id={`${ids}-members`}>
        世帯員
      </h3>
      <div aria-live="polite">{memberNotice ? <p className="small">{memberNotice}</p> : null}</div>
      {errors.members ? <p className="field-error">{errors.members}</p> : null}
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">世帯員（{members.length}人）</caption>
          <thead>
            <tr>
              <th scope="col">氏名</th>
              <th scope="col">ふりがな</th>
              <th scope="col">生年月日</th>
              <th scope="col">続柄</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m, i) => {
              const draft = chosen ? i >= savedCount : true;
              const isReferred = m.person.id === r.personId;
              const who = m.person.nameKanji ?? m.person.nameKana;
              return (
                <tr key={m.person.id}>
                  <th scope="row">
                    {m.person.nameKanji ?? <span className="muted">（未登録）</span>}
                    {isReferred ? <span className="small muted">（つなぐシートの対象者）</span> : null}
                  </th>
                  <td>{m.person.nameKana}</td>
                  <td className="nowrap">{birthLabel(m.person.dateOfBirth)}</td>
                  <td>
                    {draft ? (
                      <SelectField
                        label={<span className="visually-hidden">続柄：{who}</span>}
                        className="compact"
                        value={m.relationship}
                        onChange={(v) => {
                          if (!chosen && i === 0) setSelfRelationship(v);
                          else {
                            const k = i - (chosen ? savedCount : 1);
                            setAdded((list) => list.map((x, j) => (j === k ? { ...x, relationship: v } : x)));
                          }
                        }}
                        options={RELATIONSHIPS.map((x) => ({ value: x, label: x }))}
                        error={memberError(i)}
                      />
                    ) : (
                      m.relationship
                    )}
                  </td>
                  <td>
                    {draft && !(!chosen && i === 0) ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          const k = i - (chosen ? savedCount : 1);
                          setAdded((list) => list.filter((_, j) => j !== k));
                          if (mainPersonId === m.person.id) setMainPersonId(r.personId);
                          setMemberNotice(`「${personLabel(m.person)}」を世帯員から外しました。`);
                          membersHeading.current?.focus();
                        }}
                      >
                        外す<span className="visually-hidden">：{who}</span>
                      </button>
                    ) : draft ? null : (
                      <span className="small muted">登録済み</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {adding ? (
        <section className="add-member" aria-labelledby={`${ids}-add`}>
          <h3 id={`${ids}-add`}>世帯員を加える</h3>
          <MemberPersonStep key={addKey} onChosen={addMember} />
          <p>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setAdding(false);
                membersHeading.current?.focus();
              }}
            >
              世帯員の追加をやめる
            </button>
          </p>
        </section>
      ) : (
        <p>
          <button type="button" className="button secondary" onClick={() => setAdding(true)}>
            世帯員を加える
          </button>
        </p>
      )}
    </section>
  );
}
