import type { Db } from "../db/client.js";
import type { RoadmapOwner } from "../modules/roadmaps/import-roadmap.js";
import { findItemsNamed } from "../modules/roadmaps/repository.js";
import { AppError } from "../platform/errors.js";
import { projectOption } from "./stats.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The item (`--item <code|id>`, `--plan <id>` when the code is in several plans) or registry project
 * (`--project <id|number|name>`) a roadmap is imported for; null when neither is given. A name that matches several
 * is refused rather than one of them picked.
 */
export async function roadmapOwnerOption(
  db: Db,
  municipalityId: string,
  opts: { item?: string; plan?: string; project?: string },
): Promise<RoadmapOwner | null> {
  if (opts.item !== undefined && opts.project !== undefined) {
    throw new AppError(2, "usage", "--item と --project はどちらか一つを指定してください");
  }
  if (opts.project !== undefined) {
    const project = await projectOption(db, municipalityId, opts.project);
    return project ? { projectId: project.id } : null;
  }
  if (opts.item === undefined) return null;
  if (opts.plan !== undefined && !UUID.test(opts.plan)) {
    throw new AppError(2, "usage", `--plan には計画のIDを指定してください: ${opts.plan}`);
  }
  const items = await findItemsNamed(db, municipalityId, opts.item, opts.plan);
  if (items.length === 1 && items[0]) return { itemId: items[0].id };
  throw new AppError(
    2,
    "item",
    items.length === 0
      ? `項目が見つかりません: ${opts.item}（項目のコードまたはIDを指定してください）`
      : `コード ${opts.item} の項目が複数の計画にあります（--plan で計画のIDを指定してください: ${items.map((i) => i.planId).join("、")}）`,
  );
}
