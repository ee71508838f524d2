import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { type FieldError, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { DEFAULT_CONCERNS } from "../referrals/schema.js";
import { presentConcern } from "./presenter.js";
import * as repo from "./repository.js";
import type { PutConcernsInput } from "./schema.js";

/** id null: a category of the default list (the municipality has not stored its own list yet). */
export interface ConcernCategory {
  id: string | null;
  label: string;
  active: boolean;
}
export interface ConcernList {
  /** 0 while the municipality uses the default list */
  version: number;
  categories: ConcernCategory[];
}

/** The municipality's list in order, or the default list (version 0) when it has stored none. */
export async function loadConcernList(db: Executor, municipalityId: string): Promise<ConcernList> {
  const rows = await repo.listConcerns(db, municipalityId);
  if (rows.length === 0)
    return { version: 0, categories: DEFAULT_CONCERNS.map((label) => ({ id: null, label, active: true })) };
  return {
    version: Math.max(...rows.map((r) => r.version)),
    categories: rows.map((r) => ({ id: r.id, label: r.label, active: r.active })),
  };
}

/**
 * Refuses labels that are not active categories of the municipality (field-named 400). `kept` are labels the record
 * already carries: they stay valid even when their category has been made inactive since.
 */
export async function checkActiveConcerns(
  db: Executor,
  municipalityId: string,
  field: string,
  labels: readonly string[],
  kept: readonly string[] = [],
) {
  const { categories } = await loadConcernList(db, municipalityId);
  const active = new Set(categories.filter((c) => c.active).map((c) => c.label));
  const known = new Set(categories.map((c) => c.label));
  const errors: FieldError[] = [];
  labels.forEach((label, i) => {
    if (active.has(label) || kept.includes(label)) return;
    errors.push({
      field: `${field}.${i}`,
      message: known.has(label)
        ? `「${label}」は現在使われていない分類です`
        : `「${label}」は相談の分類にありません（${[...active].join("・")} から選んでください）`,
    });
  });
  if (errors.length) throw new ValidationError(errors);
}

const present = (list: ConcernList) => ({ version: list.version, categories: list.categories.map(presentConcern) });

export async function getConcerns(db: Db, actor: AuthContext) {
  policies.readConcerns(actor);
  return present(await loadConcernList(db, actor.municipalityId));
}

export async function putConcerns(db: Db, actor: RequestActor, version: number, input: PutConcernsInput) {
  policies.manageConcerns(actor);
  return db.transaction(async (tx) => {
    await repo.lockMunicipality(tx, actor.municipalityId);
    const before = await loadConcernList(tx, actor.municipalityId);
    if (version !== before.version) throw staleVersion(before.version);
    const stored = await repo.listConcerns(tx, actor.municipalityId);
    const byId = new Map(stored.map((r) => [r.id, r]));
    const byLabel = new Map(stored.map((r) => [r.label, r]));
    const errors: FieldError[] = [];
    const claimed = new Set<string>();
    // Each item is an existing category (by id, or by its unchanged label) or a new one.
    const resolved = input.categories.map((c, i) => {
      const existing = c.id ? byId.get(c.id) : byLabel.get(c.label);
      if (c.id && !existing) errors.push({ field: `categories.${i}.id`, message: "存在しない分類が指定されています" });
      if (existing) {
        if (claimed.has(existing.id))
          errors.push({ field: `categories.${i}.label`, message: `分類「${c.label}」が2回指定されています` });
        claimed.add(existing.id);
      }
      return { ...c, existing: existing ?? null };
    });
    const renamed = resolved.filter((c) => c.existing && c.existing.label !== c.label);
    const newLabels = new Set(input.categories.map((c) => c.label));
    const removed = before.categories.filter(
      (c) => !newLabels.has(c.label) && !renamed.some((r) => r.existing?.label === c.label),
    );
    const used = await repo.usedLabels(tx, actor.municipalityId, [
      ...removed.map((c) => c.label),
      ...renamed.map((c) => c.existing?.label as string),
    ]);
    for (const r of renamed) {
      const old = r.existing?.label as string;
      if (used.has(old))
        errors.push({
          field: `categories.${resolved.indexOf(r)}.label`,
          message: `分類「${old}」はつなぐシートまたはケースで使われているため名前を変えられません（使わない場合は無効にしてください）`,
        });
    }
    for (const c of removed) {
      if (used.has(c.label))
        errors.push({
          field: "categories",
          message: `分類「${c.label}」はつなぐシートまたはケースで使われているため削除できません（使わない場合は無効にしてください）`,
        });
    }
    if (errors.length) throw new ValidationError(errors);
    const next = before.version + 1;
    const now = new Date();
    const rows = await repo.replaceConcerns(
      tx,
      actor.municipalityId,
      resolved.map((c, position) => ({
        municipalityId: actor.municipalityId,
        ...(c.existing ? { id: c.existing.id, createdAt: c.existing.createdAt } : {}),
        label: c.label,
        position,
        active: c.active,
        version: next,
        updatedAt: now,
      })),
    );
    const after: ConcernList = {
      version: next,
      categories: rows
        .sort((a, b) => a.position - b.position)
        .map((r) => ({ id: r.id, label: r.label, active: r.active })),
    };
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update",
      entityType: "concern_categories",
      entityId: actor.municipalityId,
      before: present(before),
      after: present(after),
    });
    return present(after);
  });
}
