import { ATTAINMENT_LABELS } from "../../domain/labels/indicators.js";
import type { Db } from "../db/client.js";
import { listIndicators } from "../modules/indicators/service.js";
import { fiscalYearOption, operatorForPlan } from "./operator.js";

/** Prints each indicator's target, actual and attainment, computed by the same service as the API. */
export async function runIndicators(db: Db, opts: { plan?: string; fiscalYear?: string }) {
  const operator = await operatorForPlan(db, opts.plan, "indicators --plan <計画ID> --fiscal-year <年度> [--json]");
  const fy = fiscalYearOption(opts.fiscalYear, "2025、令和7年度");
  const list = await listIndicators(db, operator, opts.plan as string, { fiscalYear: fy });
  const json = {
    plan: list.plan,
    fiscalYear: list.fiscalYear,
    counts: list.counts,
    indicators: list.indicators.map((i) => ({
      id: i.id,
      item: i.item ? { code: i.item.code, title: i.item.title, level: i.item.levelName } : null,
      name: i.name,
      kind: i.kind,
      departments: i.departments.map((d) => d.name),
      target: i.target ? { source: i.target.source, typed: i.target.typed, formatted: i.target.formatted } : null,
      actual: i.actual
        ? {
            kind: i.actual.kind,
            value: i.actual.value,
            step: i.actual.step,
            text: i.actual.text,
            display: i.actual.display,
            comment: i.actual.comment,
          }
        : null,
      attainment: { status: i.attainment.status, rate: i.attainment.rate, reason: i.attainment.reason },
    })),
  };
  const rate = (r: number | null) => (r === null ? "" : `${(r * 100).toFixed(1)}%`);
  const lines = [
    `${list.plan.title} ${list.fiscalYearLabel} 指標の達成状況（${ATTAINMENT_LABELS.met} ${list.counts.met} / 判定可能 ${list.counts.decidable}、${ATTAINMENT_LABELS.manual} ${list.counts.manual}、${ATTAINMENT_LABELS.noActual} ${list.counts.noActual}）`,
    ["項目", "指標", "目標", "実績", "達成状況", "達成率"].join("\t"),
    ...list.indicators.map((i) =>
      [
        i.item ? `${i.item.code ?? ""} ${i.item.title}`.trim() : "",
        i.name,
        i.target?.source ?? "",
        i.actual?.display ?? "",
        i.attainment.statusLabel,
        rate(i.attainment.rate),
      ].join("\t"),
    ),
  ];
  return { json, text: lines.join("\n") };
}
