import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useId, useRef, useState } from "react";
import type { CaseConsent } from "../../../server/modules/cases/schema";
import { RELATIONSHIPS } from "../../../server/modules/households/schema";
import { api } from "../../api";
import { ErrorAlert, fieldErrorMap } from "../../components/ErrorAlert";
import { CheckboxGroup, SelectField, TextField } from "../../components/FormField";
import { Loading, QueryError } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDateTime } from "../../format";
import { birthLabel, personLabel, RadioGroup } from "../../support/components";
import { MemberPersonStep } from "../../support/PersonStep";
import {
  activeConcernLabels,
  caseKeys,
  isCoordinator,
  supportKeys,
  useAgencies,
  useConcerns,
  usePersonHouseholds,
  useReferral,
  useReferrals,
  useSupportUser,
} from "../../support/queries";
import type { CaseDetail, Household, HouseholdSummary } from "../../types";
import { CONSENT_LABELS, type Person, type ReferralDetail } from "../../types";

const route = getRouteApi("/support/referrals/$referralId/case");

/** A case is opened from a referral that has been accepted (受付) or is being handled (対応中). */
export const OPENABLE_STATUSES: readonly string[] = ["accepted", "in_progress"];

interface MemberPerson {
  id: string;
  nameKanji: string | null;
  /** null: a member of the household the caller has no basis for */
  nameKana: string | null;
  dateOfBirth: string | null;
}
interface MemberDraft {
  person: MemberPerson;
  relationship: string;
}
const NEW = "new";
const OPEN_CONSENTS = ["given", "not_given", "unknown"] as const satisfies readonly CaseConsent[];

export function CaseOpenPage() {
  const { referralId } = route.useParams();
  const user = useSupportUser();
  const coordinator = isCoordinator(user);
  const referral = useReferral(referralId);
  usePageTitle(referral.error ? "見つかりません" : "ケースの開始");
  if (!coordinator) {
    return (
      <>
        <h1>ケースの開始</h1>
        <p>ケースは、多機関協働の調整役がつなぐシートから開始します。</p>
      </>
    );
  }
  if (referral.isPending) return <Loading />;
  if (referral.error) return <QueryError error={referral.error} />;
  const r = referral.data;
  return (
    <>
      <p className="no-print">
        <Link to="/support/referrals/$referralId" params={{ referralId: r.id }}>
          つなぐシートへ戻る
        </Link>
      </p>
      <h1>ケースの開始</h1>
      <p className="lead">
        {r.fromAgency?.name ?? "（不明な機関）"}から {formatDateTime(r.createdAt)} に届いたつなぐシート（
        {r.concerns.join("、")}）をもとに、世帯・チーム・課題を決めてケースを開始します。
      </p>
      {OPENABLE_STATUSES.includes(r.status) ? (
        <OpenCaseForm referral={r} />
      ) : (
        <p className="notice warning">
          このつなぐシートは「{r.statusLabel}」です。ケースは受付済み・対応中のつなぐシートから開始できます。
        </p>
      )}
    </>
  );
}

function OpenCaseForm({ referral: r }: { referral: ReferralDetail }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const households = usePersonHouseholds(r.personId, true);
  // only the sheets that could join the case (each listed person is a read in the audit trail)
  const acceptedReferrals = useReferrals("accepted", true);
  const handledReferrals = useReferrals("in_progress", true);
  const existingCase = r.case;

  // the chosen household as it is after saving the members added on this page
  const [latestHousehold, setLatestHousehold] = useState<Household | null>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [address, setAddress] = useState(r.person.address ?? "");
  const [selfRelationship, setSelfRelationship] = useState("本人");
  const [added, setAdded] = useState<MemberDraft[]>([]);
  const [adding, setAdding] = useState(false);
  const [addKey, setAddKey] = useState(0);
  const [memberNotice, setMemberNotice] = useState("");
  const [mainPersonId, setMainPersonId] = useState(r.personId);
  const [leadAgencyId, setLeadAgencyId] = useState(r.toAgency?.id ?? "");
  const [teamIds, setTeamIds] = useState<string[]>([]);
  // The referral's concerns stay valid issues even when their category has been made inactive since.
  const [issues, setIssues] = useState<string[]>(r.concerns);
  const concerns = useConcerns();
  const issueOptions = [...new Set([...activeConcernLabels(concerns.data), ...r.concerns])];
  const [otherReferralIds, setOtherReferralIds] = useState<string[]>([]);
  const [consent, setConsent] = useState<string>(r.consent);
  const [consentDate, setConsentDate] = useState(r.consentDate ?? "");
  const [consentMethod, setConsentMethod] = useState(r.consentMethod ?? "");
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [householdError, setHouseholdError] = useState<unknown>(null);
  const [caseError, setCaseError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const membersHeading = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const ids = useId();

  if (households.isPending || agencies.isPending) return <Loading />;
  if (households.error) return <QueryError error={households.error} />;

  const known: HouseholdSummary[] = [
    ...(households.data ?? []).filter((h) => h.id !== latestHousehold?.id),
    ...(latestHousehold ? [latestHousehold] : []),
  ];
  const current = choice ?? known[0]?.id ?? NEW;
  const chosen = current === NEW ? null : (known.find((h) => h.id === current) ?? null);
  const referred: MemberPerson = r.person;
  const members: MemberDraft[] = chosen
    ? [...chosen.members.map((m) => ({ person: { ...m, id: m.personId }, relationship: m.relationship })), ...added]
    : [{ person: referred, relationship: selfRelationship }, ...added];
  const savedCount = chosen ? chosen.members.length : 0;
  const memberIds = new Set(members.map((m) => m.person.id));
  const publicAgencies = (agencies.data ?? []).filter((a) => a.kind === "public");
  const others = [...(acceptedReferrals.data ?? []), ...(handledReferrals.data ?? [])].filter(
    (x) => x.id !== r.id && OPENABLE_STATUSES.includes(x.status) && memberIds.has(x.personId),
  );
  const hErrors = fieldErrorMap(householdError);
  // the consent's and a new household's fields come back as consent.consentDate, household.address …: shown next
  // to the same inputs as the local checks
  const cErrors = Object.fromEntries(
    Object.entries(fieldErrorMap(caseError)).map(([k, v]) => [k.replace(/^(consent|household)\./, ""), v]),
  );
  const errors: Record<string, string> = { ...hErrors, ...cErrors, ...localErrors };
  const memberError = (i: number) =>
    chosen
      ? errors[`added.${i - savedCount}`]
      : (errors[`members.${i}.relationship`] ?? errors[`members.${i}.personId`]);

  const chooseHousehold = (id: string) => {
    setChoice(id);
    setAdded([]);
    setHouseholdError(null);
    setMainPersonId(r.personId);
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

  const check = () => {
    const out: Record<string, string> = {};
    if (!chosen && !address.trim()) out.address = "住所を入力してください";
    if (!chosen && [selfRelationship, ...added.map((m) => m.relationship)].filter((x) => x === "本人").length > 1)
      out.members = "続柄「本人」は1人だけです";
    if (!memberIds.has(mainPersonId)) out.mainPersonId = "主たる対象者を世帯員から選んでください";
    if (!leadAgencyId) out.leadAgencyId = "主担当機関を選んでください";
    if (!issues.length) out.issues = "課題を1つ以上選んでください";
    if (consent === "given" && !consentDate) out.consentDate = "同意を得た日を入力してください";
    if (consent === "given" && !consentMethod.trim())
      out.consentMethod = "同意の方法（書面・口頭など）を入力してください";
    return out;
  };

  /**
   * The household part of the request: a new household goes with the case (one transaction on the server: no
   * household is left behind when the case is refused); a chosen one gets its added members saved first.
   */
  const householdPart = async () => {
    if (!chosen)
      return {
        household: {
          name: name || null,
          address,
          members: members.map((m) => ({ personId: m.person.id, relationship: m.relationship })),
        },
      };
    let version = chosen.version;
    let latest: Household | null = null;
    for (const [i, m] of added.entries()) {
      try {
        const res = await api<{ household: Household }>(`/api/households/${encodeURIComponent(chosen.id)}/members`, {
          method: "POST",
          body: { personId: m.person.id, relationship: m.relationship },
          version,
        });
        latest = res.household;
        version = res.household.version;
      } catch (err) {
        // the members saved so far stay saved: show the household as it is now, the rest still to add
        if (latest) {
          const saved = latest;
          setLatestHousehold(saved);
          setAdded((list) => list.slice(i));
        }
        // after the slice the member that failed is the first one still to add
        setLocalErrors((e) => ({ ...e, "added.0": "この世帯員を加えられませんでした" }));
        throw err;
      }
    }
    if (latest) {
      setLatestHousehold(latest);
      setAdded([]);
    }
    return { householdId: chosen.id };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = check();
    setLocalErrors(found);
    setHouseholdError(null);
    setCaseError(null);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      let household: Awaited<ReturnType<typeof householdPart>>;
      try {
        household = await householdPart();
      } catch (err) {
        setHouseholdError(err);
        return;
      }
      let opened: CaseDetail;
      try {
        opened = (
          await api<{ case: CaseDetail }>("/api/cases", {
            method: "POST",
            body: {
              referralIds: [r.id, ...otherReferralIds.filter((id) => others.some((o) => o.id === id))],
              ...household,
              mainPersonId,
              leadAgencyId,
              teamAgencyIds: teamIds.filter((id) => id !== leadAgencyId),
              issues,
              // recorded with the case, in the same transaction
              consent: {
                consent,
                consentDate: consentDate || null,
                consentMethod: consentMethod.trim() || null,
                reason: "ケース開始時に確認",
              },
            },
          })
        ).case;
      } catch (err) {
        setCaseError(err);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: supportKeys.referral(r.id) });
      await queryClient.invalidateQueries({ queryKey: caseKeys.households(r.personId) });
      await queryClient.invalidateQueries({ queryKey: ["support", "cases"], exact: false });
      await navigate({ to: "/support/cases/$caseId", params: { caseId: opened.id } });
    } finally {
      setBusy(false);
    }
  };

  if (existingCase) {
    return (
      <p className="notice">
        このつなぐシートは既にケースになっています。{" "}
        <Link to="/support/cases/$caseId" params={{ caseId: existingCase.id }}>
          ケースを開く（{existingCase.phaseLabel}）
        </Link>
      </p>
    );
  }
  const allErrors = Object.entries(errors).filter(([k]) => !k.startsWith("added."));
  return (
    <>
      {householdError || caseError ? (
        <ErrorAlert
          error={householdError ?? caseError}
          title={householdError ? "世帯を保存できませんでした" : "ケースを開始できませんでした"}
        />
      ) : allErrors.length ? (
        <div className="alert" role="alert" tabIndex={-1} ref={summaryRef}>
          <p className="alert-title">入力内容を確かめてください</p>
          <ul>
            {allErrors.map(([k, v]) => (
              <li key={k}>{v}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <section aria-labelledby={`${ids}-household`}>
        <h2 id={`${ids}-household`}>1. 世帯</h2>
        <RadioGroup
          legend="世帯"
          name="household-choice"
          value={current}
          onChange={chooseHousehold}
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

      <form onSubmit={submit} noValidate aria-labelledby={`${ids}-case`}>
        <h2 id={`${ids}-case`}>2. ケースの内容</h2>
        <SelectField
          label="主たる対象者"
          required
          value={mainPersonId}
          onChange={setMainPersonId}
          options={members.map((m) => ({ value: m.person.id, label: `${personLabel(m.person)}（${m.relationship}）` }))}
          error={errors.mainPersonId}
        />
        <SelectField
          label="主担当機関"
          required
          hint="ケースの段階・チーム・本人同意を管理する機関です（チームにも入ります）。"
          value={leadAgencyId}
          onChange={setLeadAgencyId}
          options={[
            { value: "", label: "選んでください" },
            ...publicAgencies.map((a) => ({ value: a.id, label: a.name })),
          ]}
          error={errors.leadAgencyId}
        />
        <CheckboxGroup
          legend="チームに加える機関（主担当のほか）"
          options={publicAgencies.filter((a) => a.id !== leadAgencyId).map((a) => ({ value: a.id, label: a.name }))}
          values={teamIds.filter((id) => id !== leadAgencyId)}
          onChange={setTeamIds}
          error={Object.entries(errors).find(([k]) => k.startsWith("teamAgencyIds"))?.[1]}
        />
        <CheckboxGroup
          legend={
            <>
              課題<span className="required">必須</span>
            </>
          }
          hint="つなぐシートの困りごとを初期値にしています。"
          options={issueOptions.map((c) => ({ value: c, label: c }))}
          values={issues}
          onChange={setIssues}
          error={errors.issues ?? Object.entries(errors).find(([k]) => k.startsWith("issues."))?.[1]}
        />
        <RadioGroup
          legend="本人同意（チーム内での情報共有）"
          name="open-consent"
          value={consent}
          onChange={setConsent}
          hint="つなぐシートの記録を初期値にしています。同意があるときだけ、チームの機関どうしで支援経過とアセスメントを共有します。"
          options={OPEN_CONSENTS.map((c) => ({ value: c, label: CONSENT_LABELS[c] }))}
          error={errors.consent}
        />
        {consent === "given" ? (
          <div className="form-row">
            <TextField
              label="同意を得た日"
              type="date"
              required
              value={consentDate}
              onChange={setConsentDate}
              error={errors.consentDate}
            />
            <TextField
              label="同意の方法"
              required
              hint="書面・口頭など"
              value={consentMethod}
              onChange={setConsentMethod}
              error={errors.consentMethod}
            />
          </div>
        ) : null}
        {others.length ? (
          <CheckboxGroup
            legend="同じケースにまとめるつなぐシート（任意）"
            hint="世帯員についての、受付済み・対応中のつなぐシートです。"
            options={others.map((o) => ({
              value: o.id,
              label: `${formatDateTime(o.createdAt)} ${o.fromAgency?.name ?? "（不明な機関）"}から：${personLabel(o.person)}（${o.concerns.join("、")}）`,
            }))}
            values={otherReferralIds}
            onChange={setOtherReferralIds}
            error={Object.entries(errors).find(([k]) => k.startsWith("referralIds"))?.[1]}
          />
        ) : Object.entries(errors).find(([k]) => k.startsWith("referralIds")) ? (
          <p className="field-error">{Object.entries(errors).find(([k]) => k.startsWith("referralIds"))?.[1]}</p>
        ) : null}
        <div className="support-actions">
          <Link to="/support/referrals/$referralId" params={{ referralId: r.id }} className="button secondary">
            キャンセル
          </Link>
          <button type="submit" className="button" disabled={busy}>
            {chosen ? "ケースを開始" : "世帯を登録してケースを開始"}
          </button>
        </div>
      </form>
    </>
  );
}
