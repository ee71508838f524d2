import { useId } from "react";
import { api } from "../api";
import { EraDateField, typedDay } from "../components/EraDateField";
import { ErrorAlert } from "../components/ErrorAlert";
import { TextField } from "../components/FormField";
import { useSubmit } from "../forms/useSubmit";
import type { CreatePersonInput, DuplicateCandidate, Person } from "../types";
import { useDraft } from "./useDraft";

/** 新しく登録する: a new person record; the server answers with the records that may be the same person. */
export function RegisterPerson({
  staff,
  onRegistered,
  submitLabel,
}: {
  staff: boolean;
  onRegistered: (p: Person, candidates: DuplicateCandidate[]) => void;
  submitLabel?: string | undefined;
}) {
  const person = useDraft({ nameKanji: "", nameKana: "", dateOfBirth: "", address: "", phone: "" });
  const { nameKanji, nameKana, dateOfBirth, address, phone } = person.values;
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
  const { error } = register;
  const field = person.fields(register.fields);
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
          <TextField label="氏名" hint="分かる範囲で" autoComplete="off" {...field("nameKanji")} />
          <TextField label="ふりがな" required hint="ひらがな・カタカナ" autoComplete="off" {...field("nameKana")} />
          <EraDateField label="生年月日" {...field("dateOfBirth")} />
        </div>
        <div className="form-row">
          <TextField label="住所" autoComplete="off" inputClassName="wide" {...field("address")} />
          <TextField label="電話番号" autoComplete="off" {...field("phone")} />
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
