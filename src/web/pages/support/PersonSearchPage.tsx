import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { PERSON_BASIS_LABELS } from "../../../domain/labels/support";
import { ApiError, api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { Loading, QueryError } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { useSubmit } from "../../forms/useSubmit";
import { birthLabel, CaseOpenLink, NoticeArea, PersonCells, personLabel } from "../../support/components";
import { PersonSearchForm, SearchNotices, usePersonSearch } from "../../support/PersonSearchForm";
import { actsForAgency, caseKeys, isAgencyStaff, useSupportUser } from "../../support/queries";
import type { Household, LinkPersonsInput, Person } from "../../types";

/**
 * Find persons by the beginning of their reading or name (a POST: what was typed never goes into a URL), within the
 * caller's need-to-know: staff see the persons their agency has a basis for (and only hear that others match, and
 * whom to ask), coordinators everyone, a provider the persons it registered. Staff can say that two records are the
 * same person (a link with a reason; the records are kept as they are, never merged) and open a person's households
 * and the cases they may see.
 */
export function PersonSearchPage() {
  usePageTitle("対象者の検索");
  const user = useSupportUser();
  const search = usePersonSearch();
  const found = search.result?.persons ?? null;
  const [selected, setSelected] = useState<string[]>([]);
  /** the persons whose households and cases are shown under their row */
  const [opened, setOpened] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  if (!actsForAgency(user)) {
    return (
      <>
        <h1>対象者の検索</h1>
        <p>対象者の検索は、支援機関の職員と登録事業者だけが使えます。</p>
      </>
    );
  }
  // linking records and a person's households are the agency staff's; a provider only finds its own persons
  const staff = isAgencyStaff(user);
  const columns = staff ? 8 : 6;

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...s.filter((x) => x !== id), id].slice(-2) : s.filter((x) => x !== id)));
  const chosen = (found ?? []).filter((p) => selected.includes(p.id));

  return (
    <>
      <h1>対象者の検索</h1>
      <p className="lead">
        {staff
          ? "ふりがなか氏名の先頭から、あなたの機関が把握している対象者を探します。同じ人の記録が2つあるときは、2つを選んで関連付けます（記録は統合されず、そのまま残ります）。"
          : "ふりがなか氏名の先頭から、この事業所で登録した対象者を探します。"}
      </p>
      <PersonSearchForm
        search={search}
        label={{ text: "対象者の検索" }}
        primary
        onSearch={() => {
          setMessage(null);
          setSelected([]);
          setOpened([]);
        }}
      />
      <NoticeArea notice={message ? { kind: "success", text: message } : null} />
      {found ? (
        found.length ? (
          <div className="table-wrap">
            <table className="data">
              <caption>
                検索結果（{found.length}件）。{staff ? "関連付ける2人を選んでください。" : ""}
              </caption>
              <thead>
                <tr>
                  {staff ? <th scope="col">選択</th> : null}
                  <th scope="col">氏名</th>
                  <th scope="col">ふりがな</th>
                  <th scope="col">生年月日</th>
                  <th scope="col">住所</th>
                  <th scope="col">電話番号</th>
                  <th scope="col">把握の理由</th>
                  {staff ? <th scope="col">世帯・ケース</th> : null}
                </tr>
              </thead>
              <tbody>
                {found.map((p) => (
                  <Fragment key={p.id}>
                    <tr>
                      {staff ? (
                        <td>
                          <input
                            type="checkbox"
                            id={`pick-${p.id}`}
                            checked={selected.includes(p.id)}
                            onChange={(e) => toggle(p.id, e.target.checked)}
                            aria-label={`関連付けに選ぶ：${personLabel(p)}（${birthLabel(p.dateOfBirth)}）`}
                          />
                        </td>
                      ) : null}
                      <PersonCells person={p} />
                      <td>{p.address ?? <span className="muted">－</span>}</td>
                      <td>{p.phone ?? <span className="muted">－</span>}</td>
                      <td className="small">{PERSON_BASIS_LABELS[p.access]}</td>
                      {staff ? (
                        <td>
                          <button
                            type="button"
                            className="link-button"
                            aria-expanded={opened.includes(p.id)}
                            onClick={() =>
                              setOpened((o) => (o.includes(p.id) ? o.filter((x) => x !== p.id) : [...o, p.id]))
                            }
                          >
                            {opened.includes(p.id) ? "閉じる" : "表示"}
                            <span className="visually-hidden">：{personLabel(p)}の世帯・ケース</span>
                          </button>
                        </td>
                      ) : null}
                    </tr>
                    {opened.includes(p.id) ? (
                      <tr>
                        <td colSpan={columns}>
                          <PersonHouseholds person={p} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p role="status">
            {staff ? "あなたの機関が把握している方の中に" : "この事業所で登録した方の中に"}、該当する人はいません。
          </p>
        )
      ) : null}
      {search.result ? <SearchNotices result={search.result} /> : null}
      {staff && chosen.length === 2 ? (
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
  const link = useSubmit({
    send: () =>
      api(`/api/persons/${encodeURIComponent(a.id)}/links`, {
        method: "POST",
        body: { otherPersonId: b.id, reason } satisfies LinkPersonsInput,
      }),
    onDone,
  });
  const { error, fields } = link;
  return (
    <section aria-labelledby="link-heading">
      <h2 id="link-heading">同じ人として関連付ける</h2>
      <p>
        「{personLabel(a)}（{birthLabel(a.dateOfBirth)}）」と「{personLabel(b)}（{birthLabel(b.dateOfBirth)}
        ）」を同じ人として関連付けます。どちらの記録もそのまま残ります。
      </p>
      <form onSubmit={link.onSubmit()} noValidate aria-labelledby="link-heading">
        {error instanceof ApiError && !error.fields.length ? <ErrorAlert error={error} /> : null}
        <TextField
          label="関連付けの理由"
          required
          hint="例: 本人に確認した、住所と生年月日が一致した"
          value={reason}
          onChange={setReason}
          inputClassName="wide"
          error={fields.reason ?? fields.otherPersonId}
        />
        <p>
          <button type="submit" className="button" disabled={link.busy}>
            関連付ける
          </button>
        </p>
      </form>
    </section>
  );
}

/**
 * The households of a person and, in each, the cases the caller may open (the household read shows only those: a
 * case of another team stays hidden). Each household read is audited, as on the case page.
 */
function PersonHouseholds({ person }: { person: Person }) {
  const found = useQuery({
    queryKey: [...caseKeys.households(person.id), "with-cases"],
    queryFn: async () => {
      const { households } = await api<{ households: { id: string }[] }>(
        `/api/households?personId=${encodeURIComponent(person.id)}`,
      );
      const out: Household[] = [];
      // one after the other: a person is in one or two households
      for (const h of households)
        out.push((await api<{ household: Household }>(`/api/households/${encodeURIComponent(h.id)}`)).household);
      return out;
    },
    staleTime: 0,
  });
  if (found.isPending) return <Loading />;
  if (found.error) return <QueryError error={found.error} />;
  if (!found.data.length)
    return <p className="small">「{personLabel(person)}」の世帯は、あなたの機関が見られる範囲にはありません。</p>;
  return (
    <ul className="plain-list">
      {found.data.map((h) => (
        <li key={h.id}>
          世帯{h.name ? `（${h.name}）` : ""}: {h.address}（{h.members.length}人）
          {h.cases.length ? (
            <>
              {" "}
              ケース:{" "}
              {h.cases.map((c) => (
                <Fragment key={c.id}>
                  <CaseOpenLink found={c} />{" "}
                </Fragment>
              ))}
            </>
          ) : (
            <span className="small muted">（あなたが見られるケースはありません）</span>
          )}
        </li>
      ))}
    </ul>
  );
}
