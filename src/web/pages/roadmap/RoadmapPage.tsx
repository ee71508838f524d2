import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { formatFiscalYear } from "../../../domain/fiscal-year";
import { WHOLE_STREAM } from "../../../domain/import-roadmap/types";
import { formatJapaneseMonth } from "../../../domain/japanese-date";
import { ROADMAP_COLUMN_LABELS as C, ROADMAP_TITLE } from "../../../domain/labels/roadmaps";
import { compactText } from "../../../domain/text/normalize";
import { api } from "../../api";
import { NoticeArea } from "../../components/NoticeArea";
import { PageHeading } from "../../components/PageHeading";
import { PrintMeta } from "../../components/PrintMeta";
import { QueryStatus } from "../../components/Status";
import { usePaper } from "../../components/usePaper";
import type { Roadmap, RoadmapMonth } from "../../types";
import { MonthEditor, roadmapKey } from "./MonthEditor";

const route = getRouteApi("/roadmaps/$roadmapId");

type StreamTexts = RoadmapMonth["planned"] | null;
const textOf = (list: StreamTexts, stream: string) => list?.find((s) => s.stream === stream)?.text ?? "";

/**
 * 年間ロードマップ: the indicators, then a month × stream grid of what was planned (取組内容, 実施方法) and what
 * happened (実際の取組状況・成果等), slipped months marked in words and colour. The owning department enters each
 * month's actual and slip during the year; a closed year is shown frozen. Printed on A4 landscape like the source.
 */
export function RoadmapPage() {
  usePaper("a4-landscape");
  const { roadmapId } = route.useParams();
  const query = useQuery({
    queryKey: roadmapKey(roadmapId),
    queryFn: () => api<{ roadmap: Roadmap }>(`/api/roadmaps/${roadmapId}`),
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const roadmap = query.data?.roadmap;
  const month = roadmap?.months.find((m) => m.month === editing) ?? null;
  const title = roadmap ? `${ROADMAP_TITLE}（${formatFiscalYear(roadmap.fiscalYear)}）` : ROADMAP_TITLE;

  return (
    <>
      <PageHeading title={title}>
        {roadmap ? (
          <>
            {roadmap.title}
            {roadmap.municipalityName ? ` ／ ${roadmap.municipalityName}` : ""}
            {roadmap.owner ? ` ／ ${ownerLabel(roadmap.owner)}` : ""}
          </>
        ) : null}
      </PageHeading>
      <PrintMeta status={roadmap?.yearClosed ? "締め済み（変更できません）" : undefined} />
      <QueryStatus query={query} />
      <NoticeArea notice={message ? { kind: "success", text: message } : null} />
      {roadmap ? (
        <div className="page-actions no-print">
          {roadmap.owner?.kind === "item" ? (
            <Link to="/plans/$planId" params={{ planId: roadmap.owner.planId }}>
              計画の構成へ
            </Link>
          ) : null}
          <button type="button" className="button secondary" onClick={() => window.print()}>
            印刷（A4横）
          </button>
        </div>
      ) : null}
      {roadmap?.yearClosed ? <p className="notice">この年度は締められています。実績と遅れは変更できません。</p> : null}
      {roadmap && month && roadmap.canEdit ? (
        <MonthEditor
          key={`${month.month}-${month.version}`}
          roadmap={roadmap}
          month={month}
          onClose={() => setEditing(null)}
          onSaved={(label) => {
            setEditing(null);
            setMessage(`${label}の実績を保存しました。`);
          }}
        />
      ) : null}
      {roadmap ? <IndicatorTable roadmap={roadmap} /> : null}
      {roadmap ? (
        <MonthGrid
          roadmap={roadmap}
          onEdit={
            roadmap.canEdit
              ? (m) => {
                  setMessage(null);
                  setEditing(m);
                }
              : null
          }
        />
      ) : null}
      {roadmap && roadmap.context.length > 0 ? <ContextFacts roadmap={roadmap} /> : null}
    </>
  );
}

function ownerLabel(owner: NonNullable<Roadmap["owner"]>) {
  return owner.kind === "item" ? `${owner.code ?? ""} ${owner.title}`.trim() : `事業${owner.number} ${owner.name}`;
}

function IndicatorTable({ roadmap }: { roadmap: Roadmap }) {
  const point = roadmap.indicators[0]?.targetPoint;
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>{C.indicator}</caption>
        <thead>
          <tr>
            <th scope="col">{C.indicator}</th>
            <th scope="col">
              {C.current}
              {roadmap.currentPoint ? `（${roadmap.currentPoint}）` : ""}
            </th>
            <th scope="col">
              {C.target}
              {point ? `（${point}）` : ""}
            </th>
            <th scope="col">{C.effect}</th>
          </tr>
        </thead>
        <tbody>
          {roadmap.indicators.map((i) => (
            <tr key={`${i.number}-${i.name}`}>
              <th scope="row">
                {i.number !== null ? `${i.number} ` : ""}
                {i.name}
              </th>
              <td>{i.current}</td>
              <td>{i.target}</td>
              <td>{i.effect}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One stream's part of a month: the plan, the progress sheet's differing repetition, the actual. */
function Cell({ month, stream }: { month: RoadmapMonth; stream: string }) {
  const planned = textOf(month.planned, stream);
  const method = textOf(month.method, stream);
  const actual = textOf(month.actual, stream);
  const differs = (plan: string, repeated: StreamTexts) =>
    repeated !== null && compactText(plan) !== compactText(textOf(repeated, stream));
  const repeatedPlanned = differs(planned, month.progressPlanned) ? textOf(month.progressPlanned, stream) : null;
  const repeatedMethod = differs(method, month.progressMethod) ? textOf(month.progressMethod, stream) : null;
  const part = (label: string, text: string | null, className = "") =>
    text ? (
      <p className={`roadmap-part ${className}`.trim()}>
        <span className="roadmap-label">{label}</span> {text}
      </p>
    ) : null;
  return (
    <td>
      {part(C.planned, planned)}
      {part(C.progressPlanned, repeatedPlanned, "muted")}
      {part(C.method, method)}
      {part(C.progressMethod, repeatedMethod, "muted")}
      {part(C.actual, actual, "roadmap-actual")}
    </td>
  );
}

function MonthGrid({ roadmap, onEdit }: { roadmap: Roadmap; onEdit: ((month: string) => void) | null }) {
  return (
    <div className="table-wrap">
      <table className="data roadmap-grid">
        <caption>月ごとの取組と実績（{formatFiscalYear(roadmap.fiscalYear)}）</caption>
        <thead>
          <tr>
            <th scope="col">{C.month}</th>
            {roadmap.streams.map((s) => (
              <th scope="col" key={s}>
                {s === WHOLE_STREAM ? `${s}（分類なし）` : s}
              </th>
            ))}
            {onEdit ? (
              <th scope="col" className="no-print">
                操作
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {roadmap.months.map((m) => (
            <tr key={m.month} className={m.slipped ? "roadmap-slipped" : undefined}>
              <th scope="row" className="nowrap">
                {formatJapaneseMonth(m.month)}
                {m.slipped ? <div className="badge overdue">{C.slipped}</div> : null}
                {m.slipped && m.slipNote ? <div className="small">{m.slipNote}</div> : null}
              </th>
              {roadmap.streams.map((s) => (
                <Cell key={s} month={m} stream={s} />
              ))}
              {onEdit ? (
                <td className="no-print">
                  <button
                    type="button"
                    className="button secondary small"
                    aria-label={`${formatJapaneseMonth(m.month)}の実績を記入`}
                    onClick={() => onEdit(m.month)}
                  >
                    記入
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ContextFacts({ roadmap }: { roadmap: Roadmap }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>{C.context}（取り込んだ文書のとおり）</caption>
        <tbody>
          {roadmap.context.map((f, i) => (
            // the facts are rows of the source as written: their order is their identity
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of the source, in the source's order
            <tr key={i}>
              <th scope="row">{f.section}</th>
              <th scope="row">{f.label}</th>
              <td>{f.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
