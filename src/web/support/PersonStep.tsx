import { useEffect, useId, useRef, useState } from "react";
import { api } from "../api";
import { EraDateField, typedDay } from "../components/EraDateField";
import { ErrorAlert } from "../components/ErrorAlert";
import { Checkbox, TextField } from "../components/FormField";
import { useSubmit } from "../forms/useSubmit";
import type { CreatePersonInput, DuplicateCandidate, LinkPersonsInput, Person } from "../types";
import { birthLabel, personLabel } from "./components";
import {
  OthersMatchNotice,
  PersonSearchForm,
  SearchNotices,
  useCoordinators,
  usePersonSearch,
} from "./PersonSearchForm";

/** The button texts of the person step where it is used outside the referral form (e.g. adding a household member). */
export interface PersonStepLabels {
  /** the button of a search result */
  choose?: string;
  /** the button of a likely duplicate */
  takeExisting?: string;
  /** the submit button of the registration */
  register?: string;
  /** the default reason when the new record is linked to the existing one */
  linkReason?: string;
}

/**
 * Choose a registered person (staff: those their agency may see; a provider: those it registered), found by reading
 * or name, or register one, with the likely duplicates offered.
 */
export function PersonStep({
  staff,
  onChosen,
  labels = {},
}: {
  staff: boolean;
  onChosen: (p: Person) => void;
  labels?: PersonStepLabels;
}) {
  const [registered, setRegistered] = useState<{ person: Person; candidates: DuplicateCandidate[] } | null>(null);
  if (registered) {
    return (
      <DuplicatePanel
        staff={staff}
        created={registered.person}
        candidates={registered.candidates}
        onChosen={onChosen}
        labels={labels}
      />
    );
  }
  return (
    <>
      <PersonSearch staff={staff} onChosen={onChosen} actionLabel={labels.choose} />
      <RegisterPerson
        staff={staff}
        submitLabel={labels.register}
        onRegistered={(person, candidates) =>
          candidates.length ? setRegistered({ person, candidates }) : onChosen(person)
        }
      />
    </>
  );
}

function PersonSearch({
  staff,
  onChosen,
  actionLabel,
}: {
  staff: boolean;
  onChosen: (p: Person) => void;
  actionLabel?: string | undefined;
}) {
  const search = usePersonSearch();
  const { result } = search;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{staff ? "登録済みの人から選ぶ" : "この事業所で登録した人から選ぶ"}</h3>
      <PersonSearchForm search={search} label={{ headingId }} />
      {result ? (
        <>
          {result.persons.length ? (
            <PersonTable
              persons={result.persons}
              caption="検索結果"
              actionLabel={actionLabel ?? "この人を選ぶ"}
              onAction={onChosen}
            />
          ) : (
            <p role="status">
              {staff ? "あなたの機関が把握している方の中に" : "この事業所で登録した方の中に"}
              、該当する人はいません。下の欄から新しく登録してください。
            </p>
          )}
          <SearchNotices result={result} />
        </>
      ) : null}
    </section>
  );
}

export function PersonTable({
  persons,
  caption,
  actionLabel,
  onAction,
  reasons,
}: {
  persons: Person[];
  caption: string;
  actionLabel: string;
  onAction: (p: Person) => void;
  reasons?: Map<string, string[]>;
}) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>
          {caption}（{persons.length}件）
        </caption>
        <thead>
          <tr>
            <th scope="col">氏名</th>
            <th scope="col">ふりがな</th>
            <th scope="col">生年月日</th>
            <th scope="col">住所</th>
            {reasons ? <th scope="col">似ている点</th> : null}
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {persons.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.nameKanji ?? <span className="muted">（未登録）</span>}</th>
              <td>{p.nameKana}</td>
              <td className="nowrap">{birthLabel(p.dateOfBirth)}</td>
              <td>{p.address ?? <span className="muted">－</span>}</td>
              {reasons ? <td>{(reasons.get(p.id) ?? []).join("、")}</td> : null}
              <td>
                <button type="button" className="button secondary small" onClick={() => onAction(p)}>
                  {actionLabel}
                  <span className="visually-hidden">：{p.nameKanji ?? p.nameKana}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RegisterPerson({
  staff,
  onRegistered,
  submitLabel,
}: {
  staff: boolean;
  onRegistered: (p: Person, candidates: DuplicateCandidate[]) => void;
  submitLabel?: string | undefined;
}) {
  const [nameKanji, setNameKanji] = useState("");
  const [nameKana, setNameKana] = useState("");
  const [dateOfBirth, setDateOfBirth] = useState("");
  const [address, setAddress] = useState("");
  const [phone, setPhone] = useState("");
  const headingId = useId();
  const register = useSubmit({
    send: () =>
      api<{ person: Person; duplicateCandidates: DuplicateCandidate[] }>("/api/persons", {
        method: "POST",
        body: {
          nameKanji: nameKanji || null,
          nameKana,
          dateOfBirth: typedDay("dateOfBirth", dateOfBirth),
          address: address || null,
          phone: phone || null,
        } satisfies CreatePersonInput,
      }),
    onDone: (r) => onRegistered(r.person, r.duplicateCandidates),
  });
  const { error, fields } = register;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>新しく登録する</h3>
      {staff ? null : (
        <p className="small muted">
          登録事業者は、自分の事業所で登録した人についてだけつなぐシートを送れます。前に登録した人は上の検索で選んでください。
        </p>
      )}
      <form onSubmit={register.onSubmit()} noValidate aria-labelledby={headingId}>
        <ErrorAlert error={error} title="登録できませんでした" />
        <div className="form-row">
          <TextField
            label="氏名"
            hint="分かる範囲で"
            value={nameKanji}
            onChange={setNameKanji}
            autoComplete="off"
            error={fields.nameKanji}
          />
          <TextField
            label="ふりがな"
            required
            hint="ひらがな・カタカナ"
            value={nameKana}
            onChange={setNameKana}
            autoComplete="off"
            error={fields.nameKana}
          />
          <EraDateField label="生年月日" value={dateOfBirth} onChange={setDateOfBirth} error={fields.dateOfBirth} />
        </div>
        <div className="form-row">
          <TextField
            label="住所"
            value={address}
            onChange={setAddress}
            autoComplete="off"
            inputClassName="wide"
            error={fields.address}
          />
          <TextField label="電話番号" value={phone} onChange={setPhone} autoComplete="off" error={fields.phone} />
        </div>
        <p>
          <button type="submit" className="button" disabled={register.busy}>
            {submitLabel ?? "登録して次へ"}
          </button>
        </p>
      </form>
    </section>
  );
}

/**
 * The records that may be the same person as the one just registered. Staff may take an existing record instead
 * (and link the new one to it: records are never merged); a provider only learns that similar records exist.
 */
function DuplicatePanel({
  staff,
  created,
  candidates,
  onChosen,
  labels,
}: {
  staff: boolean;
  created: Person;
  candidates: DuplicateCandidate[];
  onChosen: (p: Person) => void;
  labels: PersonStepLabels;
}) {
  const [link, setLink] = useState(true);
  const [reason, setReason] = useState(labels.linkReason ?? "つなぐシート作成時の重複確認で同じ人と判断");
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const known = candidates.filter((c): c is DuplicateCandidate & { person: Person } => "person" in c);
  const coordinators = useCoordinators();

  // the new record is linked to the existing one (records are never merged), then the existing one is taken
  const linkTo = useSubmit({
    send: (existing: Person) =>
      api(`/api/persons/${encodeURIComponent(existing.id)}/links`, {
        method: "POST",
        body: { otherPersonId: created.id, reason } satisfies LinkPersonsInput,
      }),
    onDone: (_result, existing) => onChosen(existing),
  });
  const { error, busy } = linkTo;
  const takeExisting = (existing: Person) => {
    if (link) void linkTo.run(existing);
    else {
      linkTo.clear();
      onChosen(existing);
    }
  };

  return (
    <section aria-labelledby="duplicates-heading" className="notice warning">
      <h3 id="duplicates-heading" ref={headingRef} tabIndex={-1}>
        似ている人が既に登録されています
      </h3>
      <p>
        登録した「{personLabel(created)}」（生年月日: {birthLabel(created.dateOfBirth)}
        ）と同じ人かもしれない記録が{candidates.length}件あります。
      </p>
      {staff && known.length ? (
        <>
          <p>同じ人であれば、既存の記録を選んでください。</p>
          <PersonTable
            persons={known.map((c) => c.person)}
            caption="似ている記録"
            actionLabel={labels.takeExisting ?? "この人を対象者にする"}
            onAction={takeExisting}
            reasons={new Map(known.map((c) => [c.person.id, c.reasons]))}
          />
          <Checkbox
            label="今登録した記録を、選んだ人と同じ人として関連付ける（記録は統合されません）"
            checked={link}
            onChange={setLink}
          />
          {link ? (
            <TextField
              label="関連付けの理由"
              value={reason}
              onChange={setReason}
              inputClassName="wide"
              error={linkTo.fields.reason}
            />
          ) : null}
          <ErrorAlert error={error} title="関連付けできませんでした" />
          {known.length < candidates.length ? <OthersMatchNotice coordinators={coordinators} /> : null}
        </>
      ) : staff ? (
        <>
          <p>似ている点: {[...new Set(candidates.flatMap((c) => c.reasons))].join("、")}</p>
          <OthersMatchNotice coordinators={coordinators} />
        </>
      ) : (
        <>
          <p>似ている点: {[...new Set(candidates.flatMap((c) => c.reasons))].join("、")}</p>
          <p className="small">
            登録事業者には、誰の記録かは表示されません。送付先の支援機関で同じ人かどうかを確かめます。
          </p>
        </>
      )}
      <div className="support-actions">
        <button type="button" className="button" disabled={busy} onClick={() => onChosen(created)}>
          今登録した記録で進む
        </button>
      </div>
    </section>
  );
}

/** The person step where a household member is added (case opening, case page): its hint and button texts. */
export function MemberPersonStep({ onChosen }: { onChosen: (p: Person) => void }) {
  return (
    <>
      <p className="small">
        ふりがなか氏名で登録済みの人を探すか、新しく登録してください。登録すると、同じ人かもしれない記録が示されます。
      </p>
      <PersonStep
        staff
        onChosen={onChosen}
        labels={{
          choose: "世帯員に加える",
          takeExisting: "この人を世帯員に加える",
          register: "登録して世帯員に加える",
          linkReason: "世帯員の登録時の重複確認で同じ人と判断",
        }}
      />
    </>
  );
}
