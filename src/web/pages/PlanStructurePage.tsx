import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { formatFiscalYear } from "../../domain/fiscal-year";
import { ROADMAP_TITLE } from "../../domain/labels/roadmaps";
import { buildTree, type TreeNode } from "../../server/modules/plans/tree";
import { api } from "../api";
import { ItemMarks } from "../components/Badges";
import { ErrorAlert } from "../components/ErrorAlert";
import { FormattedText } from "../components/FormattedText";
import { ItemDialog } from "../components/ItemDialog";
import { RelistDialog } from "../components/RelistDialog";
import { RevisionBanner, structureEditable } from "../components/RevisionBanner";
import { RowAction } from "../components/RowAction";
import { Loading, QueryError } from "../components/Status";
import { usePageTitle } from "../components/usePageTitle";
import { joinNames } from "../format";
import { useSubmit } from "../forms/useSubmit";
import { planUrl, usePlan } from "../planQueries";
import { isPlanOffice, keys, useDepartments, useSession } from "../queries";
import type { Plan, PlanItem, PlanRoadmapEntry } from "../types";

const route = getRouteApi("/plans/$planId");

export interface TreeRow {
  item: PlanItem;
  depth: number;
  relisted: boolean;
  parentId: string | null;
}

/** The plan's tree in display order; an item placed under several parents appears under each (再掲). */
export function treeRows(items: PlanItem[]): TreeRow[] {
  const placements = items.flatMap((i) => i.placements.map((p) => ({ ...p, itemId: i.id })));
  const roots = buildTree(items, placements);
  const out: TreeRow[] = [];
  const walk = (nodes: TreeNode<PlanItem>[], depth: number, parentId: string | null) => {
    for (const n of nodes) {
      out.push({ item: n.item, depth, relisted: n.relisted, parentId });
      walk(n.children, depth + 1, n.item.id);
    }
  };
  walk(roots, 0, null);
  return out;
}

type DialogState =
  | { kind: "add"; parent: PlanItem | null }
  | { kind: "edit"; item: PlanItem }
  | { kind: "relist"; item: PlanItem }
  | null;

export function PlanStructurePage() {
  const { planId } = route.useParams();
  const { revision } = route.useSearch();
  const session = useSession();
  const plan = usePlan(planId, { draft: revision === "draft" });
  const departments = useDepartments();
  const roadmaps = useQuery({
    queryKey: ["plan-roadmaps", planId],
    queryFn: () => api<{ roadmaps: PlanRoadmapEntry[] }>(planUrl(planId, "/roadmaps")),
  });
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<DialogState>(null);
  const [message, setMessage] = useState<string | null>(null);
  usePageTitle(plan.data ? `計画の構成: ${plan.data.plan.title}` : "計画の構成");
  const planOffice = isPlanOffice(session.data);
  // changes only where the structure may change: the draft of a revision, or a plan never approved
  const office = structureEditable(planOffice, plan.data?.shown);

  // 再掲の解除: the placement under another parent goes; the item stays where it is listed first
  const unlist = useSubmit({
    send: (row: TreeRow) =>
      api(planUrl(planId, `/items/${row.item.id}/relistings/${row.parentId}`), { method: "DELETE" }),
    invalidates: [keys.plan(planId)],
    onDone: (_, row) => setMessage(`「${row.item.title}」の再掲を解除しました。`),
  });
  const rows = useMemo(() => (plan.data ? treeRows(plan.data.items) : []), [plan.data]);
  const deptName = useMemo(() => new Map((departments.data ?? []).map((d) => [d.id, d.name])), [departments.data]);

  if (plan.isPending) return <Loading />;
  if (plan.error) return <QueryError error={plan.error} />;
  const p: Plan = plan.data.plan;
  const leafLevel = p.levelNames.length - 1;

  const done = async (text: string) => {
    setDialog(null);
    setMessage(text);
    unlist.clear();
    await queryClient.invalidateQueries({ queryKey: keys.plan(planId) });
  };

  const removeRelisting = (row: TreeRow) => {
    if (row.parentId && window.confirm(`「${row.item.title}」の再掲を解除しますか。`)) void unlist.run(row);
  };

  return (
    <>
      <h1>{p.title}</h1>
      <p className="lead">
        計画の構成 ／ 計画期間 {p.periodLabel} ／ 階層 {p.levelNames.join(" › ")}
      </p>
      <RevisionBanner
        shown={plan.data.shown}
        office={planOffice}
        toDraft={{ to: `/plans/${planId}`, search: { revision: "draft" } }}
        toInForce={{ to: `/plans/${planId}`, search: {} }}
      />
      <div className="page-actions">
        <Link to="/evaluations" search={{ planId }}>
          この計画の評価
        </Link>
        <Link to="/summary" search={{ planId }}>
          この計画の総括表
        </Link>
        {office ? (
          <>
            <Link to="/plans/$planId/edit" params={{ planId }}>
              計画の設定を変更
            </Link>
            <button type="button" className="button" onClick={() => setDialog({ kind: "add", parent: null })}>
              {p.levelNames[0]}を追加
            </button>
          </>
        ) : null}
      </div>
      <div aria-live="polite">{message ? <p className="notice success">{message}</p> : null}</div>
      <ErrorAlert error={unlist.error} />
      {rows.length === 0 ? <p>まだ項目がありません。</p> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{p.title}の構成</caption>
            <thead>
              <tr>
                <th scope="col">番号</th>
                <th scope="col">名称</th>
                <th scope="col">種別</th>
                <th scope="col">区分</th>
                <th scope="col">担当課</th>
                <th scope="col">計画書頁</th>
                {office ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const { item } = row;
                const isLeaf = item.level >= leafLevel;
                return (
                  <tr key={`${row.parentId ?? "root"}:${item.id}`} className={`tree-row-${Math.min(item.level, 2)}`}>
                    <td className="nowrap">{item.code ?? ""}</td>
                    <td style={{ paddingLeft: `${0.625 + row.depth * 1.25}rem` }}>
                      <span className="tree-title">
                        {!isLeaf ? <span className="muted small">{p.levelNames[item.level]} </span> : null}
                        {item.title}
                        {row.relisted ? <span className="badge relisted">（再掲）</span> : null}
                      </span>
                      {isLeaf && item.summary ? <FormattedText className="small muted" text={item.summary} /> : null}
                      {(roadmaps.data?.roadmaps ?? [])
                        .filter((r) => r.itemId === item.id)
                        .map((r) => (
                          <div key={r.id} className="small">
                            <Link to="/roadmaps/$roadmapId" params={{ roadmapId: r.id }}>
                              {ROADMAP_TITLE}（{formatFiscalYear(r.fiscalYear)}）
                            </Link>
                          </div>
                        ))}
                    </td>
                    <td className="nowrap">
                      <ItemMarks isNew={item.isNew} isPriority={item.isPriority} />
                    </td>
                    <td>{item.category ?? ""}</td>
                    <td>{joinNames(item.departmentIds.map((id) => deptName.get(id) ?? ""))}</td>
                    <td>{item.planPage ?? ""}</td>
                    {office ? (
                      <td>
                        <div className="row-actions">
                          <RowAction of={item.title} onClick={() => setDialog({ kind: "edit", item })}>
                            編集
                          </RowAction>
                          {!isLeaf && !row.relisted ? (
                            <RowAction
                              of={`${item.title}の下`}
                              onClick={() => setDialog({ kind: "add", parent: item })}
                            >
                              {p.levelNames[item.level + 1]}を追加
                            </RowAction>
                          ) : null}
                          {item.level > 0 && !row.relisted ? (
                            <RowAction of={item.title} onClick={() => setDialog({ kind: "relist", item })}>
                              再掲
                            </RowAction>
                          ) : null}
                          {row.relisted ? (
                            <RowAction of={item.title} onClick={() => removeRelisting(row)}>
                              再掲を解除
                            </RowAction>
                          ) : null}
                        </div>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {office && dialog?.kind === "add" ? (
        <ItemDialog
          plan={p}
          parent={dialog.parent}
          departments={departments.data ?? []}
          onClose={() => setDialog(null)}
          onDone={(title) => done(`「${title}」を追加しました。`)}
        />
      ) : null}
      {office && dialog?.kind === "edit" ? (
        <ItemDialog
          plan={p}
          item={dialog.item}
          departments={departments.data ?? []}
          onClose={() => setDialog(null)}
          onDone={(title) => done(`「${title}」を保存しました。`)}
        />
      ) : null}
      {office && dialog?.kind === "relist" ? (
        <RelistDialog
          plan={p}
          item={dialog.item}
          items={plan.data.items}
          onClose={() => setDialog(null)}
          onDone={(parentTitle) => done(`「${dialog.item.title}」を「${parentTitle}」に再掲しました。`)}
        />
      ) : null}
    </>
  );
}
