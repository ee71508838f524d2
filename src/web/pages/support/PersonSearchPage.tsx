import { type FormEvent, useState } from "react";
import { ApiError, api } from "../../api";
import { ErrorAlert, fieldErrorMap } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { usePageTitle } from "../../components/usePageTitle";
import { birthLabel, personLabel } from "../../support/components";
import { KanaSearchForm, useKanaSearch } from "../../support/KanaSearch";
import { isAgencyStaff, useSupportUser } from "../../support/queries";
import type { Person } from "../../support/types";

/**
 * Staff: find persons by the beginning of their reading (a POST: the reading never goes into a URL) and say that
 * two records are the same person (a link with a reason; the records are kept as they are, never merged).
 */
export function PersonSearchPage() {
  usePageTitle("対象者の検索");
  const user = useSupportUser();
  const search = useKanaSearch();
  const { result } = search;
  const [selected, setSelected] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  if (!isAgencyStaff(user)) {
    return (
      <>
        <h1>対象者の検索</h1>
        <p>対象者の検索は、支援機関の職員だけが使えます。</p>
      </>
    );
  }

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...s.filter((x) => x !== id), id].slice(-2) : s.filter((x) => x !== id)));
  const chosen = (result ?? []).filter((p) => selected.includes(p.id));

  return (
    <>
      <h1>対象者の検索</h1>
      <p className="lead">
        ふりがなの先頭から対象者を探します。同じ人の記録が2つあるときは、2つを選んで関連付けます（記録は統合されず、そのまま残ります）。
      </p>
      <KanaSearchForm
        search={search}
        label={{ text: "対象者の検索" }}
        primary
        onSearch={() => {
          setMessage(null);
          setSelected([]);
        }}
      />
      <div aria-live="polite">{message ? <p className="notice success">{message}</p> : null}</div>
      {result ? (
        result.length ? (
          <div className="table-wrap">
            <table className="data">
              <caption>検索結果（{result.length}件）。関連付ける2人を選んでください。</caption>
              <thead>
                <tr>
                  <th scope="col">選択</th>
                  <th scope="col">氏名</th>
                  <th scope="col">ふりがな</th>
                  <th scope="col">生年月日</th>
                  <th scope="col">住所</th>
                  <th scope="col">電話番号</th>
                </tr>
              </thead>
              <tbody>
                {result.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <input
                        type="checkbox"
                        id={`pick-${p.id}`}
                        checked={selected.includes(p.id)}
                        onChange={(e) => toggle(p.id, e.target.checked)}
                        aria-label={`関連付けに選ぶ：${personLabel(p)}（${birthLabel(p.dateOfBirth)}）`}
                      />
                    </td>
                    <th scope="row">{p.nameKanji ?? <span className="muted">（未登録）</span>}</th>
                    <td>{p.nameKana}</td>
                    <td className="nowrap">{birthLabel(p.dateOfBirth)}</td>
                    <td>{p.address ?? <span className="muted">－</span>}</td>
                    <td>{p.phone ?? <span className="muted">－</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p role="status">該当する人は登録されていません。</p>
        )
      ) : null}
      {chosen.length === 2 ? (
        <LinkForm
          a={chosen[0] as Person}
          b={chosen[1] as Person}
          onDone={() => {
            setMessage(
              `「${personLabel(chosen[0] as Person)}」と「${personLabel(chosen[1] as Person)}」を同じ人として関連付けました。`,
            );
            setSelected([]);
          }}
        />
      ) : null}
    </>
  );
}

function LinkForm({ a, b, onDone }: { a: Person; b: Person; onDone: () => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/api/persons/${encodeURIComponent(a.id)}/links`, {
        method: "POST",
        body: { otherPersonId: b.id, reason },
      });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="link-heading">
      <h2 id="link-heading">同じ人として関連付ける</h2>
      <p>
        「{personLabel(a)}（{birthLabel(a.dateOfBirth)}）」と「{personLabel(b)}（{birthLabel(b.dateOfBirth)}
        ）」を同じ人として関連付けます。どちらの記録もそのまま残ります。
      </p>
      <form onSubmit={submit} noValidate aria-labelledby="link-heading">
        {error instanceof ApiError && !error.fields.length ? <ErrorAlert error={error} /> : null}
        <TextField
          label="関連付けの理由"
          required
          hint="例: 本人に確認した、住所と生年月日が一致した"
          value={reason}
          onChange={setReason}
          inputClassName="wide"
          error={fieldErrorMap(error).reason ?? fieldErrorMap(error).otherPersonId}
        />
        <p>
          <button type="submit" className="button" disabled={busy}>
            関連付ける
          </button>
        </p>
      </form>
    </section>
  );
}
