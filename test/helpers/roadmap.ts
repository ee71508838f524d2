import { findOne } from "../../src/server/db/records.js";
import { roadmaps } from "../../src/server/db/schema/index.js";
import { commitImport } from "../../src/server/modules/imports/service.js";
import type { RoadmapOwner } from "../../src/server/modules/roadmaps/import-roadmap.js";
import { seed } from "./seeds.js";
import type { TestApp } from "./test-app.js";

/** The Meguro roadmap (seed 004) as text, for variants. */
export const roadmapSeedText = () => seed("004_8d3c3d46cf9e4ae1.txt").toString("utf8");

/** The seed's roadmap moved to another fiscal year (令和4年度 → the given one), months and headings alike. */
export function roadmapTextForYear(fiscalYear: number, text = roadmapSeedText()) {
  const reiwa = fiscalYear - 2018;
  return text.replaceAll("令和5年", `令和${reiwa + 1}年`).replaceAll("令和4年", `令和${reiwa}年`);
}

/**
 * Imports a roadmap document for an item or project as the operator's CLI does (the same service, in one
 * transaction) and answers the new roadmap's id.
 */
export async function importRoadmap(t: TestApp, owner: RoadmapOwner, text = roadmapSeedText(), fiscalYear = 2022) {
  const actor = { municipalityId: t.municipalityId, userId: null, loginId: "test" };
  const result = await commitImport(t.database.db, actor, new TextEncoder().encode(text), "roadmap.txt", {
    roadmapOwner: owner,
  });
  if (!result.created) throw new Error("the roadmap was not imported");
  const row = await findOne(t.database.db, roadmaps, t.municipalityId, { ...owner, fiscalYear });
  if (!row) throw new Error("the imported roadmap is not there");
  return row.id;
}
