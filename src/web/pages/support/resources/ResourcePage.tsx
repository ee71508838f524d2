import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { formatJapaneseDateTime } from "../../../../domain/japanese-date";
import { can } from "../../../access";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { RadioGroup, TextAreaField } from "../../../components/FormField";
import { Loading, QueryError } from "../../../components/Status";
import { usePageTitle } from "../../../components/usePageTitle";
import { useSubmit } from "../../../forms/useSubmit";
import { useSession } from "../../../queries";
import { resourceKeys, useResource } from "../../../support/resourceQueries";
import type { Resource, ReviewProposalInput } from "../../../types";
import { ActivitySection } from "./ActivitySection";
import { daysText } from "./options";
import { ResourcePlacementsSection } from "./ResourcePlacementsSection";

const route = getRouteApi("/support/resources/$resourceId");

/** One resource: everything it says, the coordinators' decision on a proposal, and a link to edit it. */
export function ResourcePage() {
  const { resourceId } = route.useParams();
  const found = useResource(resourceId);
  const session = useSession();
  usePageTitle(found.data?.name ?? "地域資源");
  if (found.isPending) return <Loading />;
  if (found.error) return <QueryError error={found.error} />;
  const r = found.data;
  const edits = can(session.data, "PUT /api/resources/:resourceId") && (r.status === "active" || r.status === "paused");
  const reviews = can(session.data, "POST /api/resources/:resourceId/review") && r.status === "proposed";
  // only the operator agency and the coordinators may ask (anyone else is refused, and the refusal is logged)
  const operator = r.operator.agency !== null && r.operator.agency.id === session.data?.user.agencyId;
  const seesPlacements =
    can(session.data, "GET /api/resources/:resourceId/placements") && (operator || !!session.data?.user.isCoordinator);
  return (
    <>
      <p className="no-print">
        <Link to="/support/resources">地域資源の一覧へ戻る</Link>
      </p>
      <h1>{r.name}</h1>
      <ResourceFacts r={r} />
      {edits && (!r.locationHidden || r.address) ? (
        <p className="no-print">
          <Link to="/support/resources/$resourceId/edit" params={{ resourceId: r.id }}>
            この地域資源を編集する
          </Link>
        </p>
      ) : null}
      {reviews ? <ReviewForm r={r} /> : null}
      {seesPlacements ? (
        <ResourcePlacementsSection resourceId={r.id} allOfThem={!!session.data?.user.isCoordinator} />
      ) : null}
      {r.status === "active" || r.status === "paused" ? <ActivitySection resourceId={r.id} /> : null}
    </>
  );
}

function ResourceFacts({ r }: { r: Resource }) {
  const rows: [string, string][] = [
    ["状態", r.statusLabel],
    ["種別", r.categoryLabel],
    ["運営", r.operator.name],
    ["地区", r.district?.name ?? "—"],
    ["所在地", r.locationHidden && !r.address ? "非公開（多機関協働と運営機関だけが見られます）" : (r.address ?? "—")],
    ["曜日", daysText(r.days)],
    ["日時の補足", r.scheduleNote ?? "—"],
    ["対象", r.audiences.map((a) => a.label).join("・") || "—"],
    ["定員", r.capacity === null ? "—" : `${r.capacity}人`],
    ["連絡先", r.contact ?? "—"],
    ["バリアフリー・配慮", r.accessibility ?? "—"],
    ["内容", r.description ?? "—"],
    ["タグ", r.tags.join("・") || "—"],
  ];
  if (r.proposedBy) rows.push(["提案した事業者", r.proposedBy.name]);
  if (r.reviewReason) rows.push(["見送った理由", r.reviewReason]);
  if (r.reviewedAt) rows.push(["判断した日時", formatJapaneseDateTime(r.reviewedAt)]);
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd className="pre-wrap">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The coordinators' decision on a provider's proposal: into the directory, or turned down with a reason. */
function ReviewForm({ r }: { r: Resource }) {
  const [decision, setDecision] = useState<"accept" | "reject">("accept");
  const [reason, setReason] = useState("");
  const submit = useSubmit({
    send: () =>
      api<{ resource: Resource }>(`/api/resources/${encodeURIComponent(r.id)}/review`, {
        method: "POST",
        version: r.version,
        body: { decision, reason: decision === "reject" ? reason : null } satisfies ReviewProposalInput,
      }),
    invalidates: [resourceKeys.all],
  });
  return (
    <section aria-labelledby="review-heading" className="no-print">
      <h2 id="review-heading">提案への対応</h2>
      <form onSubmit={submit.onSubmit()}>
        <ErrorAlert error={submit.error} />
        <RadioGroup
          legend="対応"
          name="decision"
          required
          value={decision}
          onChange={(v) => setDecision(v as "accept" | "reject")}
          error={submit.fields.decision}
          options={[
            { value: "accept", label: "受け入れて公開する" },
            { value: "reject", label: "見送る" },
          ]}
        />
        {decision === "reject" ? (
          <TextAreaField
            label="見送る理由"
            required
            hint="提案した事業者に表示されます"
            value={reason}
            onChange={setReason}
            error={submit.fields.reason}
          />
        ) : null}
        <button type="submit" disabled={submit.busy}>
          {submit.busy ? "送信しています…" : "決定する"}
        </button>
      </form>
    </section>
  );
}
