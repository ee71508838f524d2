/**
 * The items and departments a year's sheets are shown and owned under: the structure of the revision the year was
 * evaluated under (see revisions/in-force.ts). A department sees and writes the sheets of the items its departments
 * owned in that revision, whatever a draft or a later revision says.
 */
import type { SnapshotItem } from "../../../domain/revisions/snapshot.js";
import type { Executor } from "../../db/client.js";
import * as plansRepo from "../plans/repository.js";
import { frozenItem } from "../revisions/frozen-views.js";
import { resolveStructure } from "../revisions/in-force.js";

/** What a sheet shows of its item. */
export type SheetItem = Pick<SnapshotItem, "id" | "code" | "title" | "summary" | "isNew" | "isPriority" | "category">;

export interface YearStructure {
  itemOf(itemId: string): SheetItem | null;
  departmentsOf(itemId: string): string[];
}

export async function yearStructure(
  db: Executor,
  municipalityId: string,
  planId: string,
  fiscalYear: number,
): Promise<YearStructure> {
  const { frozen } = await resolveStructure(db, municipalityId, planId, { fiscalYear });
  if (frozen) {
    const byId = new Map(frozen.snapshot.items.map((i) => [i.id, i]));
    return {
      itemOf: (id) => byId.get(id) ?? null,
      departmentsOf: (id) => byId.get(id)?.departmentIds ?? [],
    };
  }
  // one after the other: inside a transaction they share one connection
  const items = await plansRepo.listItems(db, municipalityId, planId);
  const itemDepts = await plansRepo.listItemDepartments(db, municipalityId, planId);
  const byId = new Map(items.map((i) => [i.id, i]));
  const depts = new Map<string, string[]>();
  for (const d of itemDepts) depts.set(d.itemId, [...(depts.get(d.itemId) ?? []), d.departmentId]);
  return { itemOf: (id) => byId.get(id) ?? null, departmentsOf: (id) => depts.get(id) ?? [] };
}

/** One item of a year's structure with its departments (the sheet page, and every write to a sheet). */
export async function itemOfYear(
  db: Executor,
  municipalityId: string,
  planId: string,
  fiscalYear: number,
  itemId: string,
): Promise<{ item: SheetItem | null; departmentIds: string[]; plan: PlanSettings | null }> {
  const { frozen } = await resolveStructure(db, municipalityId, planId, { fiscalYear });
  if (frozen) {
    const item = frozenItem(frozen.snapshot, itemId);
    const { title, levelNames, gradeScale } = frozen.snapshot.plan;
    return { item, departmentIds: item?.departmentIds ?? [], plan: { title, levelNames, gradeScale } };
  }
  const item = await plansRepo.findItem(db, municipalityId, planId, itemId);
  return { item, departmentIds: await plansRepo.departmentIdsOfItem(db, municipalityId, itemId), plan: null };
}

/** The plan's settings as frozen with the year's revision (null: the live plan row is that revision's). */
export interface PlanSettings {
  title: string;
  levelNames: string[];
  gradeScale: { code: string; label: string }[];
}
