/** The plan office links an indicator to a measure and filter (PUT), or removes the link (DELETE); both audited. */
import type { MeasureKey } from "../../../domain/labels/measures.js";
import { MEASURE_FILTER_LABELS, type MeasureFilter } from "../../../domain/labels/measures.js";
import { measureDefinition, unansweredFilters } from "../../../domain/measures/catalogue.js";
import type { Db, Executor } from "../../db/client.js";
import { findOne } from "../../db/records.js";
import { agencies, districts, programmeProjects } from "../../db/schema/index.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { loadIndicatorForCaller } from "../indicators/access.js";
import { versionRequired, writeYearValue } from "../indicators/yearly-values.js";
import { recordPlanChange } from "../plans/plan-change.js";
import { presentLink } from "./presenter.js";
import * as repo from "./repository.js";
import type { MeasureLinkInput } from "./schema.js";
import { filterLabelOf } from "./suggestion.js";

const FILTER_FIELDS: Record<MeasureFilter, "districtId" | "agencyId" | "projectId"> = {
  district: "districtId",
  agency: "agencyId",
  project: "projectId",
};

/** The link as asked, checked against the catalogue: a row the measure has, filters it answers to, records of ours. */
async function checkedLink(tx: Executor, municipalityId: string, input: MeasureLinkInput) {
  const m = measureDefinition(input.measureKey as MeasureKey);
  const link = {
    measureKey: input.measureKey,
    breakdownRow: input.breakdownRow ?? null,
    districtId: input.districtId ?? null,
    agencyId: input.agencyId ?? null,
    projectId: input.projectId ?? null,
  };
  const problems: { field: string; message: string }[] = [];
  if (link.breakdownRow !== null && m.breakdown === null) {
    problems.push({ field: "breakdownRow", message: `「${m.label}」には内訳がありません` });
  } else if (
    link.breakdownRow !== null &&
    m.breakdown !== "dynamic" &&
    !m.breakdown?.rows.includes(link.breakdownRow)
  ) {
    problems.push({ field: "breakdownRow", message: `「${m.label}」の内訳から選んでください` });
  }
  if (link.breakdownRow === null && m.breakdown === "dynamic") {
    problems.push({ field: "breakdownRow", message: `「${m.label}」は合計を出さないため、内訳を選んでください` });
  }
  for (const f of unansweredFilters(m, link))
    problems.push({ field: FILTER_FIELDS[f], message: `「${m.label}」は${MEASURE_FILTER_LABELS[f]}で絞り込めません` });
  if (link.districtId && !(await findOne(tx, districts, municipalityId, { id: link.districtId })))
    problems.push({ field: "districtId", message: "地区が見つかりません" });
  if (link.agencyId && !(await findOne(tx, agencies, municipalityId, { id: link.agencyId })))
    problems.push({ field: "agencyId", message: "機関が見つかりません" });
  if (link.projectId && !(await findOne(tx, programmeProjects, municipalityId, { id: link.projectId })))
    problems.push({ field: "projectId", message: "事業が見つかりません" });
  if (problems.length) throw new ValidationError(problems);
  return link;
}

const snapshotOf = (l: repo.LinkRow | null) =>
  l && {
    measureKey: l.measureKey,
    breakdownRow: l.breakdownRow,
    districtId: l.districtId,
    agencyId: l.agencyId,
    projectId: l.projectId,
  };

/**
 * PUT /api/indicators/:id/measure-link: the first link without If-Match (or "0"), a change with the link's version
 * (428 without, 412 when stale).
 */
export async function putMeasureLink(
  db: Db,
  actor: RequestActor,
  indicatorId: string,
  version: number | null,
  input: MeasureLinkInput,
) {
  return db.transaction(async (tx) => {
    const { indicator } = await loadIndicatorForCaller(tx, actor, indicatorId, "working");
    policies.linkIndicatorToMeasure(actor);
    const values = { ...(await checkedLink(tx, actor.municipalityId, input)), updatedBy: actor.userId ?? null };
    const before = await repo.findLink(tx, actor.municipalityId, indicatorId);
    const after = await writeYearValue(before, version, {
      insert: () => repo.insertLink(tx, actor.municipalityId, indicatorId, values),
      update: (current) => repo.updateLink(tx, actor.municipalityId, indicatorId, current, values),
    });
    if (!after) throw staleVersion(before?.version ?? 0);
    await recordPlanChange(tx, actor, indicator.planId, {
      action: "link_measure",
      entityType: "indicator",
      entityId: indicatorId,
      before: snapshotOf(before),
      after: snapshotOf(after),
    });
    return presentLink(after, await filterLabelOf(tx, actor.municipalityId, after));
  });
}

/** DELETE /api/indicators/:id/measure-link (If-Match required). Actuals keep what they were decided against. */
export async function deleteMeasureLink(db: Db, actor: RequestActor, indicatorId: string, version: number | null) {
  await db.transaction(async (tx) => {
    const { indicator } = await loadIndicatorForCaller(tx, actor, indicatorId, "working");
    policies.linkIndicatorToMeasure(actor);
    if (version === null) throw versionRequired();
    const before = await repo.findLink(tx, actor.municipalityId, indicatorId);
    if (!before) throw notFound("集計値とのつなぎ");
    if (before.version !== version || !(await repo.deleteLink(tx, actor.municipalityId, indicatorId, version)))
      throw staleVersion(before.version);
    await recordPlanChange(tx, actor, indicator.planId, {
      action: "unlink_measure",
      entityType: "indicator",
      entityId: indicatorId,
      before: snapshotOf(before),
    });
  });
}
