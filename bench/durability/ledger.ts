/**
 * Every write the bench sent, and what the server answered: an acknowledged write (2xx) must be found after any
 * crash, with its content; a write without an answer (in flight at the kill, or refused while the database was
 * down) may or may not have committed, so either outcome is accepted for it.
 */
export interface DepartmentWrites {
  id: string;
  /** the names the server acknowledged, in order (the creation's first) */
  acknowledged: string[];
  /** names sent after the last acknowledged one without an answer: the department may carry one of them */
  unanswered: string[];
  version: number;
  /** the next rename's effective date (a department's names are keyed by it, so each rename takes a new day) */
  renames: number;
}

export class Ledger {
  readonly departments = new Map<string, DepartmentWrites>();
  /** creations sent without an answer: they may exist, but nothing was promised */
  readonly unansweredCreations = new Set<string>();
  acknowledgedWrites = 0;
  unansweredWrites = 0;
  readonly refusals = new Map<string, number>();

  created(id: string, name: string, version: number) {
    this.departments.set(id, { id, acknowledged: [name], unanswered: [], version, renames: 0 });
    this.acknowledgedWrites += 1;
  }

  renamed(d: DepartmentWrites, name: string, version: number) {
    d.acknowledged.push(name);
    d.unanswered = [];
    d.version = version;
    this.acknowledgedWrites += 1;
  }

  /** no 2xx: connection cut, a 5xx while the database was gone, or a refusal (counted by its status) */
  unanswered(status: string, creation?: string, rename?: { d: DepartmentWrites; name: string }) {
    this.unansweredWrites += 1;
    this.refusals.set(status, (this.refusals.get(status) ?? 0) + 1);
    if (creation) this.unansweredCreations.add(creation);
    if (rename) rename.d.unanswered.push(rename.name);
  }
}

export interface ListedDepartment {
  id: string;
  name: string;
  version: number;
  history: { name: string }[];
}

export interface Loss {
  department: string;
  write: string;
  found: string;
}

/**
 * Acknowledged writes missing from what the server lists after the restart: a department gone, or a name it
 * acknowledged neither current (nor superseded by a later unanswered rename) nor in its history.
 */
export function lostWrites(ledger: Ledger, listed: ListedDepartment[]): Loss[] {
  const byId = new Map(listed.map((d) => [d.id, d]));
  const losses: Loss[] = [];
  for (const d of ledger.departments.values()) {
    const found = byId.get(d.id);
    if (!found) {
      losses.push({ department: d.id, write: `create ${d.acknowledged[0]}`, found: "missing" });
      continue;
    }
    const last = d.acknowledged.at(-1) as string;
    const allowed = [last, ...d.unanswered];
    if (!allowed.includes(found.name)) {
      losses.push({ department: d.id, write: `name ${last}`, found: `name ${found.name}` });
    }
    if (found.version < d.version) {
      losses.push({ department: d.id, write: `version ${d.version}`, found: `version ${found.version}` });
    }
    const history = new Set(found.history.map((h) => h.name));
    for (const name of d.acknowledged) {
      if (!history.has(name)) losses.push({ department: d.id, write: `history ${name}`, found: "not in history" });
    }
  }
  return losses;
}

export interface AuditedChange {
  entityId: string;
  action: string;
  name: string | null;
}

/**
 * Changes without their audit record: an acknowledged write whose record is missing, or any department in the
 * database (acknowledged or not) that has no creation record: nothing committed may go unaudited.
 */
export function unauditedWrites(ledger: Ledger, audited: AuditedChange[], existing: string[]): Loss[] {
  const seen = new Set(audited.map((a) => `${a.entityId} ${a.action} ${a.name}`));
  const createdIds = new Set(audited.filter((a) => a.action === "create").map((a) => a.entityId));
  const missing: Loss[] = [];
  for (const d of ledger.departments.values()) {
    d.acknowledged.forEach((name, i) => {
      const action = i === 0 ? "create" : "rename";
      if (!seen.has(`${d.id} ${action} ${name}`))
        missing.push({ department: d.id, write: `${action} ${name}`, found: "no audit record" });
    });
  }
  for (const id of existing) {
    if (!createdIds.has(id)) missing.push({ department: id, write: "create", found: "no audit record" });
  }
  return missing;
}
