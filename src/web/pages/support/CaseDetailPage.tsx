import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import {
  ASSESSMENT_SECTIONS,
  CASE_CONSENTS,
  CONSENT_LABELS,
  nextPhase,
  PHASE_LABELS,
  PHASE_TRANSITIONS,
  PHASES,
  type Phase,
  RECORD_KINDS,
  VISIBILITY_LABELS,
} from "../../../server/modules/cases/schema";
import { ApiError, api } from "../../api";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert, fieldErrorMap } from "../../components/ErrorAlert";
import { Checkbox, SelectField, TextAreaField, TextField } from "../../components/FormField";
import { Loading, QueryError } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDateTime, formatEraDate, todayIso } from "../../format";
import type { Assessment, CaseDetail } from "../../support/caseTypes";
import { birthLabel, personLabel, RadioGroup } from "../../support/components";
import { caseKeys, useAgencies, useAssessment, useAssessments, useCase, useCaseRecords } from "../../support/queries";

const route = getRouteApi("/support/cases/$caseId");

type Notice = { kind: "success" | "warning"; text: string } | null;
const STALE_TEXT =
  "他の人が先にこのケースを更新しました。最新の内容を読み込みました。内容を確かめてから、もう一度操作してください。";
const TEAM_EVENT_LABELS: Record<string, string> = {
  team_added: "チームに加入",
  team_removed: "チームから外れた",
  lead_changed: "主担当に変更",
};
const ACCESS_LABELS = { coordinator: "多機関協働の調整役", lead: "主担当機関", team: "チームの機関" } as const;

/** A write on the case with its version (If-Match); 412 reloads the case and says so. */
function useCaseWrite(c: CaseDetail, setNotice: (n: Notice) => void) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
  return async (
    path: string,
    method: "POST" | "DELETE",
    body: unknown,
    done: string,
  ): Promise<{ ok: true } | { ok: false; error: unknown }> => {
    try {
      await api(`/api/cases/${encodeURIComponent(c.id)}${path}`, { method, body, version: c.version });
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ["support", "cases"] });
      setNotice({ kind: "success", text: done });
      return { ok: true };
    } catch (error) {
      if (error instanceof ApiError && error.isStale) {
        await refresh();
        setNotice({ kind: "warning", text: STALE_TEXT });
        return { ok: true };
      }
      return { ok: false, error };
    }
  };
}

export function CaseDetailPage() {
  const { caseId } = route.useParams();
  const found = useCase(caseId);
  const [notice, setNotice] = useState<Notice>(null);
  usePageTitle(found.error ? "見つかりません" : "ケース");
  if (found.isPending) return <Loading />;
  if (found.error) return <QueryError error={found.error} />;
  const c = found.data;
  const manage = c.access !== "team";
  const who = c.mainPerson ?? { nameKanji: null, nameKana: "（不明）", dateOfBirth: null };

  return (
    <>
      <p className="no-print">
        <Link to="/support/cases">ケースの一覧へ戻る</Link>
      </p>
      <h1>
        ケース: {personLabel(who)} <span className={`status phase-${c.phase}`}>{c.phaseLabel}</span>
      </h1>
      <p className="lead">
        主担当機関: {c.leadAgency.name}／課題: {c.issues.join("、")}／あなたの立場: {ACCESS_LABELS[c.access]}
      </p>
      <div aria-live="polite">
        {notice ? (
          <p className={`notice ${notice.kind}`} role={notice.kind === "warning" ? "alert" : undefined}>
            {notice.text}
          </p>
        ) : null}
      </div>
      <PhaseSection c={c} manage={manage} setNotice={setNotice} />
      <ConsentSection c={c} manage={manage} setNotice={setNotice} />
      <TeamSection c={c} manage={manage} setNotice={setNotice} />
      <HouseholdSection c={c} />
      <RecordsSection c={c} setNotice={setNotice} />
      <AssessmentsSection c={c} setNotice={setNotice} />
    </>
  );
}

function PhaseSection({ c, manage, setNotice }: { c: CaseDetail; manage: boolean; setNotice: (n: Notice) => void }) {
  const [to, setTo] = useState<Phase | null>(null);
  const phase = c.phase as Phase;
  const next = nextPhase(phase);
  const moves = manage ? (PHASE_TRANSITIONS[phase] ?? []) : [];
  const reached = new Set(c.phaseHistory.map((h) => h.phase));
  return (
    <section aria-labelledby="phase-heading">
      <h2 id="phase-heading">段階</h2>
      <ol className="steps" aria-label="支援の段階">
        {PHASES.map((p) => (
          <li key={p} aria-current={p === phase ? "step" : undefined} className={p === phase ? "current" : undefined}>
            {PHASE_LABELS[p]}
            {p !== phase && reached.has(p) ? <span className="visually-hidden">（済）</span> : null}
          </li>
        ))}
      </ol>
      {moves.length ? (
        <div className="support-actions">
          {moves.map((p) => (
            <button
              key={p}
              type="button"
              className={`button${p === next ? "" : " secondary"}`}
              onClick={() => setTo(p)}
            >
              {p === next ? `次へ: ${PHASE_LABELS[p]}` : p === "closed" ? "終結" : `戻す: ${PHASE_LABELS[p]}`}
            </button>
          ))}
        </div>
      ) : !manage ? (
        <p className="small muted">段階・チーム・本人同意の変更は、主担当機関と多機関協働の調整役が行います。</p>
      ) : null}
      <div className="table-wrap">
        <table className="data">
          <caption>段階の履歴</caption>
          <thead>
            <tr>
              <th scope="col">日時</th>
              <th scope="col">段階</th>
              <th scope="col">機関</th>
              <th scope="col">理由</th>
            </tr>
          </thead>
          <tbody>
            {c.phaseHistory.map((h) => (
              <tr key={h.seq}>
                <td className="nowrap">{formatDateTime(h.at)}</td>
                <td>{h.phaseLabel}</td>
                <td>{h.byAgency?.name ?? <span className="muted">－</span>}</td>
                <td className="pre-wrap">{h.reason ?? <span className="muted">－</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {to ? (
        <PhaseDialog c={c} to={to} needsReason={to !== next} onClose={() => setTo(null)} setNotice={setNotice} />
      ) : null}
    </section>
  );
}

function PhaseDialog({
  c,
  to,
  needsReason,
  onClose,
  setNotice,
}: {
  c: CaseDetail;
  to: Phase;
  needsReason: boolean;
  onClose: () => void;
  setNotice: (n: Notice) => void;
}) {
  const write = useCaseWrite(c, setNotice);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await write(
      "/phase",
      "POST",
      { to, reason: reason || null },
      `段階を「${PHASE_LABELS[to]}」にしました。`,
    );
    setBusy(false);
    if (r.ok) onClose();
    else setError(r.error);
  };
  return (
    <Dialog open title={`段階を「${PHASE_LABELS[to]}」にする`} onClose={onClose}>
      <ErrorAlert error={error} />
      <form onSubmit={submit} noValidate>
        <TextAreaField
          label={needsReason ? "理由" : "メモ（任意）"}
          required={needsReason}
          hint={needsReason ? "段階を戻す・終結するときは理由を書いてください。" : undefined}
          rows={3}
          value={reason}
          onChange={setReason}
          error={fieldErrorMap(error).reason}
        />
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            キャンセル
          </button>
          <button type="submit" className="button" disabled={busy}>
            「{PHASE_LABELS[to]}」にする
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ConsentSection({ c, manage, setNotice }: { c: CaseDetail; manage: boolean; setNotice: (n: Notice) => void }) {
  const write = useCaseWrite(c, setNotice);
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [consent, setConsent] = useState(c.consent);
  const [consentDate, setConsentDate] = useState("");
  const [consentMethod, setConsentMethod] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const fields = fieldErrorMap(error);
  // the form takes the focus when it opens; the button gets it back when it closes
  const show = (on: boolean) => {
    setOpen(on);
    if (on) {
      setConsent(c.consent);
      setError(null);
    }
    requestAnimationFrame(() =>
      on
        ? (
            formRef.current?.querySelector<HTMLInputElement>("input:checked") ?? formRef.current?.querySelector("input")
          )?.focus()
        : openRef.current?.focus(),
    );
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await write(
      "/consent",
      "POST",
      { consent, consentDate: consentDate || null, consentMethod: consentMethod || null, reason: reason || null },
      `本人同意を「${CONSENT_LABELS[consent as keyof typeof CONSENT_LABELS] ?? consent}」にしました。`,
    );
    setBusy(false);
    if (r.ok) {
      show(false);
      // what the team may read depends on the consent
      await queryClient.invalidateQueries({ queryKey: caseKeys.records(c.id) });
      await queryClient.invalidateQueries({ queryKey: caseKeys.assessments(c.id) });
    } else setError(r.error);
  };
  return (
    <section aria-labelledby="consent-heading">
      <h2 id="consent-heading">本人同意（チーム内での情報共有）</h2>
      <p className="small">
        本人の同意があるときだけ、チームの他の機関もこのケースの支援経過（チーム全体に公開したもの）とアセスメントを見られ、同意がないあいだは記録した機関と多機関協働の調整役だけが見られます。
      </p>
      <p>
        現在: <strong>{c.consentLabel}</strong>
        {c.consentDate ? `（${formatEraDate(c.consentDate)}${c.consentMethod ? `・${c.consentMethod}` : ""}）` : null}
      </p>
      {c.consent !== "given" ? (
        <p className="notice warning">
          同意がないため、チームの他の機関の支援経過とアセスメントは共有されません（自機関の記録だけが見えます）。
        </p>
      ) : null}
      {c.consentHistory.length ? (
        <div className="table-wrap">
          <table className="data">
            <caption>本人同意の履歴</caption>
            <thead>
              <tr>
                <th scope="col">記録日時</th>
                <th scope="col">本人同意</th>
                <th scope="col">日付</th>
                <th scope="col">確認の方法</th>
                <th scope="col">記録した機関</th>
                <th scope="col">備考</th>
              </tr>
            </thead>
            <tbody>
              {c.consentHistory.map((h) => (
                <tr key={h.seq}>
                  <td className="nowrap">{formatDateTime(h.at)}</td>
                  <td>{h.consentLabel}</td>
                  <td className="nowrap">
                    {h.consentDate ? formatEraDate(h.consentDate) : <span className="muted">－</span>}
                  </td>
                  <td>{h.consentMethod ?? <span className="muted">－</span>}</td>
                  <td>{h.byAgency?.name ?? <span className="muted">－</span>}</td>
                  <td className="pre-wrap">{h.reason ?? <span className="muted">－</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {manage && !open ? (
        <p>
          <button ref={openRef} type="button" className="button secondary small" onClick={() => show(true)}>
            本人同意を更新
          </button>
        </p>
      ) : null}
      {manage && open ? (
        <form ref={formRef} onSubmit={submit} noValidate aria-label="本人同意の更新">
          <ErrorAlert error={error} title="更新できませんでした" />
          <RadioGroup
            legend="本人同意"
            name="case-consent"
            value={consent}
            options={CASE_CONSENTS.map((k) => ({ value: k, label: CONSENT_LABELS[k] }))}
            onChange={setConsent}
            error={fields.consent}
          />
          <div className="form-row">
            <TextField
              label={consent === "withdrawn" ? "撤回の申し出があった日" : "同意を得た日"}
              type="date"
              value={consentDate}
              onChange={setConsentDate}
              error={fields.consentDate}
            />
            <TextField
              label="確認の方法"
              hint="書面・口頭など"
              value={consentMethod}
              onChange={setConsentMethod}
              error={fields.consentMethod}
            />
          </div>
          <TextField label="備考" value={reason} onChange={setReason} inputClassName="wide" error={fields.reason} />
          <div className="support-actions">
            <button type="button" className="button secondary" onClick={() => show(false)}>
              キャンセル
            </button>
            <button type="submit" className="button" disabled={busy}>
              本人同意を保存
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function TeamSection({ c, manage, setNotice }: { c: CaseDetail; manage: boolean; setNotice: (n: Notice) => void }) {
  const agencies = useAgencies();
  const write = useCaseWrite(c, setNotice);
  const [agencyId, setAgencyId] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inTeam = new Set(c.team.map((t) => t.agency.id));
  const candidates = (agencies.data ?? []).filter((a) => a.kind === "public" && !inTeam.has(a.id));
  const fields = fieldErrorMap(error);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const name = candidates.find((a) => a.id === agencyId)?.name ?? "";
    const r = await write("/team", "POST", { agencyId, reason: reason || null }, `「${name}」をチームに加えました。`);
    setBusy(false);
    if (r.ok) {
      setAgencyId("");
      setReason("");
    } else setError(r.error);
  };
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
        <form onSubmit={add} noValidate className="filters" aria-label="チームに機関を加える">
          <SelectField
            label="加える機関"
            value={agencyId}
            onChange={setAgencyId}
            options={[
              { value: "", label: "選んでください" },
              ...candidates.map((a) => ({ value: a.id, label: a.name })),
            ]}
            error={fields.agencyId}
          />
          <TextField label="理由（任意）" value={reason} onChange={setReason} error={fields.reason} />
          <div className="field">
            <button type="submit" className="button secondary" disabled={busy || !agencyId}>
              チームに加える
            </button>
          </div>
          <div style={{ flexBasis: "100%" }}>
            {error && !fields.agencyId && !fields.reason ? <ErrorAlert error={error} /> : null}
          </div>
        </form>
      ) : null}
      <div className="table-wrap">
        <table className="data">
          <caption>チームの変更履歴</caption>
          <thead>
            <tr>
              <th scope="col">日時</th>
              <th scope="col">変更</th>
              <th scope="col">機関</th>
              <th scope="col">変更した機関</th>
              <th scope="col">理由</th>
            </tr>
          </thead>
          <tbody>
            {c.teamHistory.map((h) => (
              <tr key={`${h.seq}-${h.kind}-${h.agency.id}`}>
                <td className="nowrap">{formatDateTime(h.at)}</td>
                <td>{TEAM_EVENT_LABELS[h.kind] ?? h.kind}</td>
                <td>{h.agency.name}</td>
                <td>{h.byAgency?.name ?? <span className="muted">－</span>}</td>
                <td className="pre-wrap">{h.reason ?? <span className="muted">－</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
}: {
  c: CaseDetail;
  agency: { id: string; name: string };
  onClose: () => void;
  onRemoved: () => void;
  setNotice: (n: Notice) => void;
}) {
  const write = useCaseWrite(c, setNotice);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await write(
      `/team/${encodeURIComponent(agency.id)}`,
      "DELETE",
      { reason: reason || null },
      `「${agency.name}」をチームから外しました。`,
    );
    if (r.ok) onRemoved();
    else setError(r.error);
  };
  return (
    <Dialog open title={`「${agency.name}」をチームから外す`} onClose={onClose}>
      <ErrorAlert error={error} />
      <form onSubmit={submit} noValidate>
        <TextField
          label="理由（任意）"
          hint="チームの変更履歴に残ります。"
          value={reason}
          onChange={setReason}
          error={fieldErrorMap(error).reason}
        />
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            キャンセル
          </button>
          <button type="submit" className="button danger">
            チームから外す
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function HouseholdSection({ c }: { c: CaseDetail }) {
  return (
    <section aria-labelledby="household-heading">
      <h2 id="household-heading">世帯{c.household.name ? `（${c.household.name}）` : ""}</h2>
      <p>住所: {c.household.address}</p>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">世帯員</caption>
          <thead>
            <tr>
              <th scope="col">続柄</th>
              <th scope="col">氏名</th>
              <th scope="col">ふりがな</th>
              <th scope="col">生年月日</th>
            </tr>
          </thead>
          <tbody>
            {c.household.members.map((m) => (
              <tr key={m.personId}>
                <td>{m.relationship}</td>
                <th scope="row">{m.nameKanji ?? <span className="muted">（未登録）</span>}</th>
                <td>{m.nameKana}</td>
                <td className="nowrap">{birthLabel(m.dateOfBirth)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
    </section>
  );
}

function RecordsSection({ c, setNotice }: { c: CaseDetail; setNotice: (n: Notice) => void }) {
  const records = useCaseRecords(c.id, true);
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<string>(RECORD_KINDS[0]);
  const [date, setDate] = useState(todayIso());
  const [text, setText] = useState("");
  const [visibility, setVisibility] = useState("team");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = fieldErrorMap(error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/api/cases/${encodeURIComponent(c.id)}/records`, {
        method: "POST",
        body: { kind, date, text, visibility },
      });
      setText("");
      await queryClient.invalidateQueries({ queryKey: caseKeys.records(c.id) });
      setNotice({ kind: "success", text: "支援経過を記録しました。" });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const rows = records.data ? [...records.data.records].sort((a, b) => b.date.localeCompare(a.date)) : [];
  return (
    <section aria-labelledby="records-heading">
      <h2 id="records-heading">支援経過</h2>
      {records.isPending ? <Loading /> : null}
      {records.error ? <QueryError error={records.error} /> : null}
      {records.data && !records.data.sharedWithTeam ? (
        <p className="small">本人同意がないため、あなたの機関の記録だけを表示しています。</p>
      ) : null}
      {records.data ? (
        rows.length ? (
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">支援経過（新しい順）</caption>
              <thead>
                <tr>
                  <th scope="col">実施日</th>
                  <th scope="col">種別</th>
                  <th scope="col">機関</th>
                  <th scope="col">公開範囲</th>
                  <th scope="col">内容</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap">{formatEraDate(r.date)}</td>
                    <td>{r.kind}</td>
                    <td>{r.agency.name}</td>
                    <td>{r.visibilityLabel}</td>
                    <td className="pre-wrap">{r.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>表示できる支援経過はありません。</p>
        )
      ) : null}
      <form onSubmit={submit} noValidate aria-labelledby="record-form-heading">
        <h3 id="record-form-heading">支援経過を記録する</h3>
        <ErrorAlert error={error} title="記録できませんでした" />
        <div className="form-row">
          <SelectField
            label="種別"
            value={kind}
            onChange={setKind}
            options={RECORD_KINDS.map((k) => ({ value: k, label: k }))}
            error={fields.kind}
          />
          <TextField label="実施日" type="date" required value={date} onChange={setDate} error={fields.date} />
        </div>
        <TextAreaField label="内容" required rows={4} value={text} onChange={setText} error={fields.text} />
        <RadioGroup
          legend="公開範囲"
          name="record-visibility"
          value={visibility}
          options={(["team", "agency"] as const).map((v) => ({ value: v, label: VISIBILITY_LABELS[v] }))}
          onChange={setVisibility}
          hint="チーム全体の記録も、本人同意がないあいだは他の機関には見えません。"
          error={fields.visibility}
        />
        <p>
          <button type="submit" className="button" disabled={busy}>
            記録する
          </button>
        </p>
      </form>
    </section>
  );
}

function AssessmentsSection({ c, setNotice }: { c: CaseDetail; setNotice: (n: Notice) => void }) {
  const list = useAssessments(c.id, true);
  const [shown, setShown] = useState<number | null>(null);
  const [compare, setCompare] = useState(false);
  const [editing, setEditing] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const versions = list.data?.versions ?? [];
  // the version before the one shown, among those the caller may see
  const previous = shown === null ? null : (versions.find((v) => v.version < shown)?.version ?? null);
  const assessment = useAssessment(c.id, shown);
  const before = useAssessment(c.id, compare ? previous : null);
  const latestVisible = versions[0]?.version ?? null;
  return (
    <section aria-labelledby="assessment-heading">
      <h2 id="assessment-heading">アセスメント</h2>
      <p className="small">
        共通の項目で世帯の状況を整理します。保存するたびに新しい版になり、前の版は書き換えられません。
      </p>
      {list.isPending ? <Loading /> : null}
      {list.error ? <QueryError error={list.error} /> : null}
      {list.data ? (
        versions.length ? (
          <ul className="plain-list">
            {versions.map((v) => (
              <li key={v.version}>
                第{v.version}版 {formatDateTime(v.createdAt)} {v.agency.name}
                {v.note ? `（${v.note}）` : ""}{" "}
                <button
                  type="button"
                  className="link-button"
                  aria-expanded={shown === v.version}
                  onClick={() => {
                    setShown(shown === v.version ? null : v.version);
                    setCompare(false);
                  }}
                >
                  {shown === v.version ? "閉じる" : "表示"}
                  <span className="visually-hidden">：第{v.version}版</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p>表示できるアセスメントはありません。</p>
        )
      ) : null}
      {list.data && list.data.latestVersion > (latestVisible ?? 0) ? (
        <p className="small muted">
          本人同意がないため、他の機関が保存した版（最新は第{list.data.latestVersion}版）は表示されません。
        </p>
      ) : null}
      {shown !== null ? (
        assessment.isPending ? (
          <Loading />
        ) : assessment.error ? (
          <QueryError error={assessment.error} />
        ) : assessment.data ? (
          <>
            <h3>アセスメント 第{shown}版</h3>
            <p className="small">
              {formatDateTime(assessment.data.createdAt)} {assessment.data.agency.name}
              {assessment.data.note ? `（${assessment.data.note}）` : ""}
            </p>
            {previous !== null ? (
              <Checkbox label={`前の版（第${previous}版）と並べて比べる`} checked={compare} onChange={setCompare} />
            ) : null}
            {compare && previous !== null ? (
              before.isPending ? (
                <Loading />
              ) : before.error ? (
                <QueryError error={before.error} />
              ) : before.data ? (
                <div className="table-wrap">
                  <table className="data assessment-compare">
                    <caption>
                      第{previous}版と第{shown}版の比較
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">項目</th>
                        <th scope="col">第{previous}版</th>
                        <th scope="col">第{shown}版</th>
                      </tr>
                    </thead>
                    <tbody>
                      {assessment.data.sections.map((sec) => {
                        const old = before.data?.sections.find((x) => x.key === sec.key)?.text ?? "";
                        const changed = old !== sec.text;
                        return (
                          <tr key={sec.key} className={changed ? "changed" : undefined}>
                            <th scope="row">
                              {sec.label}
                              {changed ? <span className="badge coordinator">変更あり</span> : null}
                            </th>
                            <td className="pre-wrap">{old || <span className="muted">（記載なし）</span>}</td>
                            <td className="pre-wrap">{sec.text || <span className="muted">（記載なし）</span>}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              ) : null
            ) : (
              <dl className="summary-list">
                {assessment.data.sections.map((sec) => (
                  <div key={sec.key}>
                    <dt>{sec.label}</dt>
                    <dd className="pre-wrap">{sec.text || <span className="muted">（記載なし）</span>}</dd>
                  </div>
                ))}
              </dl>
            )}
          </>
        ) : null
      ) : null}
      {list.data && !editing ? (
        <p>
          <button ref={openRef} type="button" className="button secondary" onClick={() => setEditing(true)}>
            アセスメントの新しい版を作成
          </button>
        </p>
      ) : null}
      {list.data && editing ? (
        <AssessmentForm
          c={c}
          latestVersion={list.data.latestVersion}
          base={latestVisible}
          onClose={(saved) => {
            setEditing(false);
            if (saved !== null) {
              setShown(saved);
              setCompare(false);
              setNotice({ kind: "success", text: `アセスメントの第${saved}版を保存しました。` });
            }
            requestAnimationFrame(() => openRef.current?.focus());
          }}
          setNotice={setNotice}
        />
      ) : null}
    </section>
  );
}

/**
 * A new version of the shared assessment, starting from the latest version the caller may see. If-Match names the
 * latest version of the case: when someone saved in the meantime, the text stays on screen and the list reloads.
 */
function AssessmentForm({
  c,
  latestVersion,
  base,
  onClose,
  setNotice,
}: {
  c: CaseDetail;
  latestVersion: number;
  base: number | null;
  onClose: (saved: number | null) => void;
  setNotice: (n: Notice) => void;
}) {
  const queryClient = useQueryClient();
  const baseAssessment = useAssessment(c.id, base);
  const [texts, setTexts] = useState<Record<string, string> | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fields = fieldErrorMap(error);
  const ready = base === null || !baseAssessment.isPending;
  // the form takes the focus once it is on screen
  useEffect(() => {
    if (ready) headingRef.current?.focus();
  }, [ready]);
  if (!ready) return <Loading />;
  const values =
    texts ??
    Object.fromEntries(
      ASSESSMENT_SECTIONS.map((sec) => [
        sec.key,
        baseAssessment.data?.sections.find((x) => x.key === sec.key)?.text ?? "",
      ]),
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { assessment } = await api<{ assessment: Assessment }>(
        `/api/cases/${encodeURIComponent(c.id)}/assessments`,
        { method: "POST", body: { sections: values, note: note || null }, version: latestVersion },
      );
      await queryClient.invalidateQueries({ queryKey: caseKeys.assessments(c.id) });
      onClose(assessment.version);
    } catch (err) {
      if (err instanceof ApiError && err.isStale) {
        setTexts(values);
        await queryClient.invalidateQueries({ queryKey: caseKeys.assessments(c.id) });
        setNotice({
          kind: "warning",
          text: "他の人が先にアセスメントの新しい版を保存しました。一覧を読み込み直しました。入力した内容は残っています。新しい版を確かめてから、もう一度保存してください。",
        });
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="assessment-form-heading">
      <h3 id="assessment-form-heading" ref={headingRef} tabIndex={-1}>
        アセスメントの新しい版（第{latestVersion + 1}版）
      </h3>
      <p className="small">
        {base !== null ? `第${base}版の内容を初期値にしています。` : "最初の版です。"}
        分かる項目だけ書いてください（少なくとも1つ）。
      </p>
      <ErrorAlert error={error} title="保存できませんでした" />
      {fields.sections ? <p className="field-error">{fields.sections}</p> : null}
      <div>
        {ASSESSMENT_SECTIONS.map((sec, i) => (
          <TextAreaField
            key={sec.key}
            label={sec.label}
            hint={sec.hint}
            rows={i < 2 ? 4 : 3}
            value={values[sec.key] ?? ""}
            onChange={(v) => setTexts({ ...values, [sec.key]: v })}
            error={fields[`sections.${sec.key}`]}
          />
        ))}
      </div>
      <TextField
        label="更新メモ（任意）"
        hint="何を見直したか（例: 支援会議の前に見立てを更新）"
        value={note}
        onChange={setNote}
        inputClassName="wide"
        error={fields.note}
      />
      <div className="support-actions">
        <button type="button" className="button secondary" onClick={() => onClose(null)}>
          キャンセル
        </button>
        <button type="submit" className="button" disabled={busy}>
          新しい版として保存
        </button>
      </div>
    </form>
  );
}
