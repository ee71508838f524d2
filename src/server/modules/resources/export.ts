import { createHash } from "node:crypto";
import { RESOURCE_AUDIENCE_LABELS, type ResourceAudience } from "../../../domain/labels/resources.js";
import type { Db } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { policies } from "../../platform/policies.js";
import { toCsv } from "../indicators/export-csv.js";
import { presentResource, type ResourceDetail } from "./presenter.js";
import * as repo from "./repository.js";
import { resourceNames } from "./service.js";

/**
 * The directory exported for other systems: JSON in the shape of Open Referral HSDS 3.0 (organization, service,
 * location, service_at_location, schedule) and a CSV for people (UTF-8 with BOM, so Excel reads it as such). Only
 * the directory (公開中・休止, not proposals), and a hidden location is never exported, whoever asks: the file
 * leaves the system, and where it goes is not known.
 */

/** The resources an export carries, as everyone may see them (no hidden address, whoever asks). */
async function exportedResources(db: Db, actor: AuthContext): Promise<ResourceDetail[]> {
  policies.readResources(actor);
  return db.transaction(async (tx) => {
    const rows = await repo.listResources(tx, actor.municipalityId, {
      statuses: ["active", "paused"],
      proposals: "none",
      proposalStatuses: [],
    });
    const names = await resourceNames(tx, actor.municipalityId);
    return rows.map((r) => presentResource(r, names, false));
  });
}

/** A stable id for a community group that has no record of its own (HSDS ids are UUIDs). */
function groupId(municipalityId: string, name: string) {
  const h = createHash("sha256").update(`${municipalityId}\u0000${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const HSDS_STATUS = { active: "active", paused: "temporarily closed" } as Record<string, string>;

export async function exportHsds(db: Db, actor: AuthContext) {
  const list = await exportedResources(db, actor);
  const organizations = new Map<string, { id: string; name: string; description: string | null }>();
  const services = [];
  const locations = [];
  const serviceAtLocations = [];
  for (const r of list) {
    const orgId = r.operator.agency?.id ?? groupId(actor.municipalityId, r.operator.name);
    organizations.set(orgId, { id: orgId, name: r.operator.name, description: null });
    const audience = r.audiences.map((a) => a.label).join("・");
    services.push({
      id: r.id,
      organization_id: orgId,
      name: r.name,
      description: r.description,
      status: HSDS_STATUS[r.status] ?? "inactive",
      email: null,
      eligibility_description: audience || null,
      accreditations: null,
      capacity: r.capacity,
      contacts: r.contact ? [{ id: `${r.id}-contact`, service_id: r.id, name: r.contact }] : [],
      schedules: [
        {
          id: `${r.id}-schedule`,
          service_id: r.id,
          freq: r.days.length ? "WEEKLY" : null,
          byday: r.days.map((d) => d.code).join(",") || null,
          description: r.scheduleNote,
        },
      ],
      attributes: [
        { taxonomy_term: { vocabulary: "tsunagu:category", code: r.category, term: r.categoryLabel } },
        ...r.audiences.map((a) => ({ taxonomy_term: { vocabulary: "tsunagu:audience", code: a.code, term: a.label } })),
        ...r.tags.map((t) => ({ taxonomy_term: { vocabulary: "tsunagu:tag", code: t, term: t } })),
        ...(r.district
          ? [{ taxonomy_term: { vocabulary: "tsunagu:district", code: r.district.id, term: r.district.name } }]
          : []),
      ],
    });
    if (!r.locationHidden && r.address) {
      const locationId = `${r.id}-location`;
      locations.push({
        id: locationId,
        organization_id: orgId,
        location_type: "physical",
        name: r.name,
        accessibility: r.accessibility ? [{ id: `${r.id}-accessibility`, description: r.accessibility }] : [],
        addresses: [{ id: `${r.id}-address`, address_1: r.address, country: "JP", address_type: "physical" }],
      });
      serviceAtLocations.push({ id: `${r.id}-at`, service_id: r.id, location_id: locationId });
    }
  }
  return {
    hsds_version: "3.0",
    organizations: [...organizations.values()],
    services,
    locations,
    service_at_locations: serviceAtLocations,
  };
}

const CSV_HEADER = [
  "ID",
  "名称",
  "種別",
  "運営",
  "地区",
  "所在地",
  "曜日",
  "日時の補足",
  "対象",
  "定員",
  "連絡先",
  "バリアフリー・配慮",
  "タグ",
  "状態",
];

export async function exportCsv(db: Db, actor: AuthContext) {
  const list = await exportedResources(db, actor);
  const rows = list.map((r) => [
    r.id,
    r.name,
    r.categoryLabel,
    r.operator.name,
    r.district?.name ?? "",
    r.locationHidden ? "（非公開）" : (r.address ?? ""),
    r.days.map((d) => d.label).join("・"),
    r.scheduleNote ?? "",
    r.audiences.map((a) => RESOURCE_AUDIENCE_LABELS[a.code as ResourceAudience] ?? a.code).join("・"),
    r.capacity === null ? "" : String(r.capacity),
    r.contact ?? "",
    r.accessibility ?? "",
    r.tags.join("・"),
    r.statusLabel,
  ]);
  return Buffer.concat([Buffer.from("\ufeff"), Buffer.from(toCsv([CSV_HEADER, ...rows]))]);
}
