import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Change, diffSnapshots } from "./diff.js";
import { DIFF_TABLE_HEADERS, diffTableRows, toCsv } from "./diff-table.js";
import { revisionOfRounds, revisionsInForce } from "./in-force.js";
import {
  type PlanSnapshot,
  type SnapshotItem,
  type SnapshotPlacement,
  type SnapshotTarget,
  treeOrder,
} from "./snapshot.js";

// ---------------------------------------------------------------------------------------------------------------
// Building snapshots

const DEPTS = ["d1", "d2", "d3", "d4", "d5"] as const;
const DEPT_NAME: Record<string, string> = {
  d1: "福祉政策課",
  d2: "高齢支援課",
  d3: "障害福祉課",
  d4: "防災課",
  d5: "健康づくり課",
};
const YEARS = [2024, 2025, 2026, 2027] as const;
const LEVELS = 3;

function item(id: string, level: number, extra: Partial<SnapshotItem> = {}): SnapshotItem {
  const departmentIds = extra.departmentIds ?? [];
  return {
    id,
    level,
    code: id,
    title: `title-${id}`,
    summary: null,
    isNew: false,
    isPriority: false,
    category: null,
    majorMeasure: null,
    constituentPlans: [],
    departmentNames: departmentIds.map((d) => DEPT_NAME[d] ?? d),
    ...extra,
    departmentIds,
  };
}

function target(indicatorId: string, fiscalYear: number, source: string, value: number | null = null): SnapshotTarget {
  return {
    indicatorId,
    fiscalYear,
    source,
    kind: value === null ? "text" : "numeric",
    comparator: value === null ? null : "gte",
    value,
    unit: value === null ? null : "件",
    step: null,
    rank: null,
  };
}

function snapshot(parts: Partial<PlanSnapshot> = {}): PlanSnapshot {
  return {
    format: 1,
    plan: {
      title: "計画",
      levelNames: ["基本目標", "施策", "事業"],
      gradeScale: [
        { code: "A", label: "達成" },
        { code: "B", label: "未達成" },
      ],
      startFiscalYear: 2024,
      endFiscalYear: 2028,
    },
    items: [],
    placements: [],
    indicators: [],
    targets: [],
    ...parts,
  };
}

const clone = (s: PlanSnapshot): PlanSnapshot => structuredClone(s);

/** A random plan: goals → measures → projects, with departments, 再掲, indicators and targets. */
const snapshotArb = fc
  .record({
    shape: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 3,
    }),
    depts: fc.array(fc.subarray([...DEPTS], { maxLength: 3 }), { minLength: 60, maxLength: 60 }),
    flags: fc.array(fc.tuple(fc.boolean(), fc.boolean(), fc.constantFrom(null, "新規", "拡充", "継続")), {
      minLength: 60,
      maxLength: 60,
    }),
    relists: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
    indicators: fc.array(fc.tuple(fc.nat(), fc.subarray([...YEARS]), fc.boolean()), { maxLength: 6 }),
  })
  .map(({ shape, depts, flags, relists, indicators }) => {
    const s = snapshot();
    let n = 0;
    const add = (level: number, parent: string | null, position: number) => {
      n += 1;
      const id = `i${n}`;
      const [isNew, isPriority, category] = flags[n % flags.length] ?? [false, false, null];
      s.items.push(item(id, level, { departmentIds: depts[n % depts.length] ?? [], isNew, isPriority, category }));
      s.placements.push({ itemId: id, parentItemId: parent, position, relisted: false });
      return id;
    };
    shape.forEach((measures, g) => {
      const goal = add(0, null, g);
      measures.forEach((projects, m) => {
        const measure = add(1, goal, m);
        for (let p = 0; p < projects; p++) add(2, measure, p);
      });
    });
    const atLevel = (l: number) => s.items.filter((i) => i.level === l);
    for (const [pi, mi] of relists) {
      const projects = atLevel(2);
      const measures = atLevel(1);
      const project = projects[pi % Math.max(1, projects.length)];
      const measure = measures[mi % measures.length];
      if (!project || !measure || s.placements.some((p) => p.itemId === project.id && p.parentItemId === measure.id)) {
        continue;
      }
      s.placements.push({
        itemId: project.id,
        parentItemId: measure.id,
        position: 100 + s.placements.length,
        relisted: true,
      });
    }
    indicators.forEach(([ii, years, planLevel], k) => {
      const owner = s.items[ii % s.items.length];
      const id = `n${k + 1}`;
      s.indicators.push({
        id,
        itemId: planLevel && k === 0 ? null : (owner?.id ?? null),
        kind: "outcome",
        name: `indicator-${id}`,
        baselineSource: null,
      });
      for (const fy of years) s.targets.push(target(id, fy, `${fy}: ${k}`, fy - 2000 + k));
    });
    return s;
  });

// ---------------------------------------------------------------------------------------------------------------
// Edits and the oracle

type Edit =
  | { kind: "addItem"; parent: number; depts: string[] }
  | { kind: "removeItem"; pick: number }
  | { kind: "move"; pick: number; parent: number; position: number | null }
  | { kind: "rename"; pick: number; title: string | null }
  | { kind: "recode"; pick: number }
  | { kind: "departments"; pick: number; depts: string[] }
  | { kind: "flag"; pick: number }
  | { kind: "target"; pick: number; year: number; source: string | null; remove: boolean }
  | { kind: "addRelisting"; pick: number; parent: number }
  | { kind: "removeRelisting"; pick: number }
  | { kind: "renameIndicator"; pick: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("addItem" as const), parent: fc.nat(), depts: fc.subarray([...DEPTS]) }),
  fc.record({ kind: fc.constant("removeItem" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("move" as const),
    pick: fc.nat(),
    parent: fc.nat(),
    position: fc.option(fc.integer({ min: 0, max: 4 })),
  }),
  fc.record({ kind: fc.constant("rename" as const), pick: fc.nat(), title: fc.option(fc.constantFrom("X", "Y")) }),
  fc.record({ kind: fc.constant("recode" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("departments" as const), pick: fc.nat(), depts: fc.subarray([...DEPTS]) }),
  fc.record({ kind: fc.constant("flag" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("target" as const),
    pick: fc.nat(),
    year: fc.constantFrom(...YEARS),
    source: fc.option(fc.constantFrom("10件", "20件")),
    remove: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("addRelisting" as const), pick: fc.nat(), parent: fc.nat() }),
  fc.record({ kind: fc.constant("removeRelisting" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("renameIndicator" as const), pick: fc.nat() }),
);

/**
 * Applies edits to a copy of `a`. `distinct`: every edit touches an entity no earlier edit touched and always makes
 * a real change (fresh values), so the diff must report exactly one change per edit. Otherwise edits may repeat and
 * cancel out (values come from small pools), and the oracle compares only what the edits touched.
 * Returns the edited snapshot and the keys of the changes expected (distinct) or the keys touched.
 */
function applyEdits(a: PlanSnapshot, edits: Edit[], distinct: boolean) {
  const b = clone(a);
  const keys: string[] = [];
  const touchedEntities = new Set<string>();
  let fresh = 0;
  const pickFrom = <T>(list: T[], k: number) => (list.length ? list[k % list.length] : undefined);
  const home = (id: string) => b.placements.find((p) => p.itemId === id && !p.relisted);
  const childrenOf = (id: string | null) => b.placements.filter((p) => p.parentItemId === id);
  const nextPos = (parent: string | null) => Math.max(-1, ...childrenOf(parent).map((p) => p.position)) + 1;
  const free = (...entities: string[]) => !distinct || entities.every((e) => !touchedEntities.has(e));
  const touch = (...entities: string[]) => {
    for (const e of entities) touchedEntities.add(e);
  };

  for (const edit of edits) {
    fresh += 1;
    switch (edit.kind) {
      case "addItem": {
        const parent = pickFrom(
          [null, ...b.items.filter((i) => i.level < LEVELS - 1)],
          edit.parent,
        ) as SnapshotItem | null;
        const id = `new${fresh}`;
        b.items.push(item(id, parent ? parent.level + 1 : 0, { title: `new-${fresh}`, departmentIds: edit.depts }));
        b.placements.push({
          itemId: id,
          parentItemId: parent?.id ?? null,
          position: nextPos(parent?.id ?? null),
          relisted: false,
        });
        touch(id);
        keys.push(`added:${id}`);
        break;
      }
      case "removeItem": {
        const target = pickFrom(
          b.items.filter((i) => childrenOf(i.id).length === 0),
          edit.pick,
        );
        if (!target) break;
        const inds = b.indicators.filter((n) => n.itemId === target.id);
        if (!free(target.id, ...inds.map((n) => n.id))) break;
        b.items = b.items.filter((i) => i.id !== target.id);
        b.placements = b.placements.filter((p) => p.itemId !== target.id);
        b.indicators = b.indicators.filter((n) => n.itemId !== target.id);
        b.targets = b.targets.filter((t) => !inds.some((n) => n.id === t.indicatorId));
        touch(target.id, ...inds.map((n) => n.id));
        keys.push(`removed:${target.id}`, ...inds.map((n) => `indicatorRemoved:${n.id}`));
        break;
      }
      case "move": {
        const target = pickFrom(
          b.items.filter((i) => home(i.id)),
          edit.pick,
        );
        if (!target || !free(target.id)) break;
        const placement = home(target.id) as SnapshotPlacement;
        const parents =
          target.level === 0
            ? [null]
            : b.items
                .filter((i) => i.level === target.level - 1)
                .filter(
                  (i) => !b.placements.some((p) => p.itemId === target.id && p.parentItemId === i.id && p.relisted),
                )
                .map((i) => i.id);
        const parent = pickFrom(parents, edit.parent);
        if (parent === undefined) break;
        placement.parentItemId = parent;
        placement.position = distinct || edit.position === null ? nextPos(parent) : edit.position;
        touch(target.id);
        keys.push(`moved:${target.id}:placement`);
        break;
      }
      case "rename": {
        const target = pickFrom(b.items, edit.pick);
        if (!target || !free(target.id)) break;
        target.title = distinct || edit.title === null ? `renamed-${fresh}` : edit.title;
        touch(target.id);
        keys.push(`renamed:${target.id}:title`);
        break;
      }
      case "recode": {
        const target = pickFrom(b.items, edit.pick);
        if (!target || !free(target.id)) break;
        target.code = `c${fresh}`;
        touch(target.id);
        keys.push(`renamed:${target.id}:code`);
        break;
      }
      case "departments": {
        const target = pickFrom(b.items, edit.pick);
        if (!target || !free(target.id)) break;
        let depts = edit.depts;
        if (distinct && depts.join() === target.departmentIds.join()) depts = depts.length ? depts.slice(1) : ["d1"];
        target.departmentIds = depts;
        target.departmentNames = depts.map((d) => DEPT_NAME[d] ?? d);
        touch(target.id);
        keys.push(`changed:${target.id}:departments`);
        break;
      }
      case "flag": {
        const target = pickFrom(b.items, edit.pick);
        if (!target || !free(target.id)) break;
        target.isNew = !target.isNew;
        touch(target.id);
        keys.push(`changed:${target.id}:isNew`);
        break;
      }
      case "target": {
        const ind = pickFrom(b.indicators, edit.pick);
        if (!ind || !free(ind.id)) break;
        const existing = b.targets.findIndex((t) => t.indicatorId === ind.id && t.fiscalYear === edit.year);
        if (edit.remove && existing >= 0) {
          b.targets.splice(existing, 1);
        } else {
          const source = distinct || edit.source === null ? `target-${fresh}` : edit.source;
          const t = target(ind.id, edit.year, source, source.length);
          if (existing >= 0) b.targets[existing] = t;
          else b.targets.push(t);
        }
        touch(ind.id);
        keys.push(`targetChanged:${ind.id}:${edit.year}`);
        break;
      }
      case "addRelisting": {
        const target = pickFrom(
          b.items.filter((i) => i.level > 0),
          edit.pick,
        );
        if (!target || !free(target.id)) break;
        const parent = pickFrom(
          b.items.filter(
            (i) =>
              i.level === target.level - 1 &&
              !b.placements.some((p) => p.itemId === target.id && p.parentItemId === i.id),
          ),
          edit.parent,
        );
        if (!parent) break;
        b.placements.push({ itemId: target.id, parentItemId: parent.id, position: nextPos(parent.id), relisted: true });
        touch(target.id);
        keys.push(`moved:${target.id}:relisting:${parent.id}`);
        break;
      }
      case "removeRelisting": {
        const placement = pickFrom(
          b.placements.filter((p) => p.relisted),
          edit.pick,
        );
        if (!placement || !free(placement.itemId)) break;
        b.placements = b.placements.filter((p) => p !== placement);
        touch(placement.itemId);
        keys.push(`moved:${placement.itemId}:relisting:${placement.parentItemId}`);
        break;
      }
      case "renameIndicator": {
        const ind = pickFrom(b.indicators, edit.pick);
        if (!ind || !free(ind.id)) break;
        ind.name = `indicator-renamed-${fresh}`;
        touch(ind.id);
        keys.push(`indicatorRenamed:${ind.id}`);
        break;
      }
    }
  }
  return { b, keys };
}

function keyOf(c: Change): string {
  switch (c.type) {
    case "added":
    case "removed":
      return `${c.type}:${c.itemId}`;
    case "renamed":
    case "changed":
      return `${c.type}:${c.itemId}:${c.field}`;
    case "moved": {
      if (c.field === "placement") return `moved:${c.itemId}:placement`;
      const p = (c.before ?? c.after) as { parentItemId: string };
      return `moved:${c.itemId}:relisting:${p.parentItemId}`;
    }
    case "indicatorAdded":
    case "indicatorRemoved":
    case "indicatorRenamed":
      return `${c.type}:${c.indicatorId}`;
    case "targetChanged":
      return `targetChanged:${c.indicatorId}:${c.fiscalYear}`;
    default:
      return `${c.type}:${c.itemId}:${c.field}:${c.indicatorId ?? ""}`;
  }
}

/**
 * Net effect of the touched keys: a key is a change exactly when its value differs between a and b (an item or
 * indicator added and removed again is nothing; fields of an added or removed item are part of that change).
 */
function netChanges(a: PlanSnapshot, b: PlanSnapshot, touched: string[]): Set<string> {
  const out = new Set<string>();
  const itemA = new Map(a.items.map((i) => [i.id, i]));
  const itemB = new Map(b.items.map((i) => [i.id, i]));
  const indA = new Map(a.indicators.map((i) => [i.id, i]));
  const indB = new Map(b.indicators.map((i) => [i.id, i]));
  const homeOf = (s: PlanSnapshot, id: string) => s.placements.find((p) => p.itemId === id && !p.relisted);
  const relisting = (s: PlanSnapshot, id: string, parent: string) =>
    s.placements.find((p) => p.itemId === id && p.parentItemId === parent && p.relisted);
  const tgt = (s: PlanSnapshot, id: string, fy: number) =>
    s.targets.find((t) => t.indicatorId === id && t.fiscalYear === fy);
  for (const key of new Set(touched)) {
    const [type, id = "", field, extra] = key.split(":");
    if (type === "added" || type === "removed") {
      if (itemA.has(id) && !itemB.has(id)) out.add(`removed:${id}`);
      if (!itemA.has(id) && itemB.has(id)) out.add(`added:${id}`);
      continue;
    }
    if (type === "indicatorRemoved" || type === "indicatorAdded") {
      if (indA.has(id) && !indB.has(id)) out.add(`indicatorRemoved:${id}`);
      continue;
    }
    if (type === "indicatorRenamed") {
      const x = indA.get(id);
      const y = indB.get(id);
      if (x && y && x.name !== y.name) out.add(key);
      continue;
    }
    if (type === "targetChanged") {
      if (!indA.has(id) || !indB.has(id)) continue;
      const x = tgt(a, id, Number(field));
      const y = tgt(b, id, Number(field));
      if (JSON.stringify(x) !== JSON.stringify(y)) out.add(key);
      continue;
    }
    const x = itemA.get(id);
    const y = itemB.get(id);
    if (!x || !y) continue;
    if (type === "moved" && field === "placement") {
      const hx = homeOf(a, id);
      const hy = homeOf(b, id);
      if (hx?.parentItemId !== hy?.parentItemId || hx?.position !== hy?.position) out.add(key);
    } else if (type === "moved" && field === "relisting" && extra !== undefined) {
      const rx = relisting(a, id, extra);
      const ry = relisting(b, id, extra);
      if (rx?.position !== ry?.position) out.add(key);
    } else if (field === "departments") {
      if (x.departmentIds.join() !== y.departmentIds.join()) out.add(key);
    } else if (field === "title" || field === "code" || field === "isNew") {
      if (x[field] !== y[field]) out.add(key);
    }
  }
  return out;
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

function shuffled(s: PlanSnapshot, seed: number): PlanSnapshot {
  const mix = <T>(xs: T[]) =>
    xs
      .map((x, i) => ({ x, k: (i * 7919 + seed * 104729) % 1000003 }))
      .sort((p, q) => p.k - q.k)
      .map((p) => p.x);
  return {
    ...s,
    items: mix(s.items),
    placements: mix(s.placements),
    targets: mix(s.targets),
  };
}

// ---------------------------------------------------------------------------------------------------------------

describe("diffSnapshots: properties", () => {
  it("reports exactly the applied edits when each edit touches something new and really changes it", () => {
    fc.assert(
      fc.property(snapshotArb, fc.array(editArb, { maxLength: 10 }), (a, edits) => {
        const { b, keys } = applyEdits(a, edits, true);
        const diff = diffSnapshots(a, b);
        const got = diff.changes.map(keyOf);
        expect(sorted(got)).toEqual(sorted(keys));
        expect(new Set(got).size).toBe(got.length);
      }),
      { numRuns: 400 },
    );
  });

  it("reports the net effect of edits that repeat or cancel out, and nothing outside what was touched", () => {
    fc.assert(
      fc.property(snapshotArb, fc.array(editArb, { maxLength: 14 }), (a, edits) => {
        const { b, keys } = applyEdits(a, edits, false);
        const diff = diffSnapshots(a, b);
        expect(sorted(diff.changes.map(keyOf))).toEqual(sorted(netChanges(a, b, keys)));
      }),
      { numRuns: 400 },
    );
  });

  it("an edit and its undo show nothing", () => {
    fc.assert(
      fc.property(snapshotArb, fc.array(editArb, { maxLength: 10 }), (a, edits) => {
        const { b } = applyEdits(a, edits, false);
        expect(diffSnapshots(a, a).changes).toEqual([]);
        expect(diffSnapshots(b, b).changes).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("is the mirror image when the sides are swapped", () => {
    const mirror: Record<string, string> = {
      added: "removed",
      removed: "added",
      indicatorAdded: "indicatorRemoved",
      indicatorRemoved: "indicatorAdded",
    };
    fc.assert(
      fc.property(snapshotArb, fc.array(editArb, { maxLength: 10 }), (a, edits) => {
        const { b } = applyEdits(a, edits, false);
        const forward = diffSnapshots(a, b).changes;
        const back = diffSnapshots(b, a).changes;
        const flip = (c: Change) => keyOf({ ...c, type: (mirror[c.type] ?? c.type) as Change["type"] });
        expect(sorted(back.map(keyOf))).toEqual(sorted(forward.map(flip)));
        for (const c of forward) {
          const twin = back.find((d) => keyOf(d) === flip(c));
          expect(twin?.before).toEqual(c.after);
          expect(twin?.after).toEqual(c.before);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic: the order of the snapshot arrays does not matter, and changes follow the tree of b", () => {
    fc.assert(
      fc.property(snapshotArb, fc.array(editArb, { maxLength: 10 }), fc.nat(), (a, edits, seed) => {
        const { b } = applyEdits(a, edits, false);
        const diff = diffSnapshots(a, b);
        expect(diffSnapshots(shuffled(a, seed), shuffled(b, seed + 1))).toEqual(diff);
        // item changes in the tree order of b, then the removed items
        const rank = new Map(treeOrder(b).map((i, n) => [i.id, n]));
        const ranks = diff.changes
          .filter((c) => c.itemId !== null)
          .map((c) => rank.get(c.itemId as string) ?? Number.MAX_SAFE_INTEGER);
        expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
        const s = diff.summary;
        const count = (t: Change["type"]) =>
          new Set(diff.changes.filter((c) => c.type === t).map((c) => c.itemId)).size;
        expect([s.added, s.removed, s.moved, s.renamed, s.changed]).toEqual(
          (["added", "removed", "moved", "renamed", "changed"] as const).map(count),
        );
        expect(s.targetsChanged).toBe(diff.changes.filter((c) => c.type === "targetChanged").length);
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("diffSnapshots: cases", () => {
  const base = () =>
    snapshot({
      items: [
        item("g1", 0, { code: "1", title: "目標1" }),
        item("m1", 1, { code: "1-1", title: "施策1" }),
        item("m2", 1, { code: "1-2", title: "施策2" }),
        item("p1", 2, { code: "1-1-1", title: "事業1", departmentIds: ["d1", "d2"] }),
        item("p2", 2, { code: "1-1-2", title: "事業2", departmentIds: ["d3"] }),
      ],
      placements: [
        { itemId: "g1", parentItemId: null, position: 0, relisted: false },
        { itemId: "m1", parentItemId: "g1", position: 0, relisted: false },
        { itemId: "m2", parentItemId: "g1", position: 1, relisted: false },
        { itemId: "p1", parentItemId: "m1", position: 0, relisted: false },
        { itemId: "p2", parentItemId: "m1", position: 1, relisted: false },
      ],
      indicators: [{ id: "n1", itemId: "p1", kind: "outcome", name: "参加者数", baselineSource: "100人" }],
      targets: [target("n1", 2025, "120人以上", 120), target("n1", 2026, "150人以上", 150)],
    });

  it("finds nothing between equal snapshots", () => {
    const d = diffSnapshots(base(), base());
    expect(d.changes).toEqual([]);
    expect(d.summary).toMatchObject({ added: 0, removed: 0, moved: 0, renamed: 0, changed: 0, targetsChanged: 0 });
  });

  const cases: { name: string; edit: (s: PlanSnapshot) => void; expected: Partial<Change>[] }[] = [
    {
      name: "rename",
      edit: (s) => {
        (s.items[3] as SnapshotItem).title = "事業1（改）";
      },
      expected: [{ type: "renamed", itemId: "p1", field: "title", before: "事業1", after: "事業1（改）" }],
    },
    {
      name: "move to another measure",
      edit: (s) => {
        Object.assign(s.placements[4] as SnapshotPlacement, { parentItemId: "m2", position: 0 });
      },
      expected: [
        {
          type: "moved",
          itemId: "p2",
          field: "placement",
          before: { parentItemId: "m1", parentCode: "1-1", parentTitle: "施策1", position: 1, ordinal: 2 },
          after: { parentItemId: "m2", parentCode: "1-2", parentTitle: "施策2", position: 0, ordinal: 1 },
        },
      ],
    },
    {
      name: "再掲 added",
      edit: (s) => {
        s.placements.push({ itemId: "p1", parentItemId: "m2", position: 0, relisted: true });
      },
      expected: [{ type: "moved", itemId: "p1", field: "relisting", before: null }],
    },
    {
      name: "departments reordered (the lead changes)",
      edit: (s) => {
        Object.assign(s.items[3] as SnapshotItem, {
          departmentIds: ["d2", "d1"],
          departmentNames: ["高齢支援課", "福祉政策課"],
        });
      },
      expected: [
        {
          type: "changed",
          field: "departments",
          before: { departmentIds: ["d1", "d2"], departmentNames: ["福祉政策課", "高齢支援課"] },
          after: { departmentIds: ["d2", "d1"], departmentNames: ["高齢支援課", "福祉政策課"] },
        },
      ],
    },
    {
      name: "a department renamed by 組織改正 is not a change of the item",
      edit: (s) => {
        (s.items[3] as SnapshotItem).departmentNames = ["福祉総務課", "高齢支援課"];
      },
      expected: [],
    },
    {
      name: "新 and 区分",
      edit: (s) => {
        Object.assign(s.items[4] as SnapshotItem, { isNew: true, category: "拡充" });
      },
      expected: [
        { type: "changed", itemId: "p2", field: "category", before: null, after: "拡充" },
        { type: "changed", itemId: "p2", field: "isNew", before: false, after: true },
      ],
    },
    {
      name: "a target changed only in its typed reading, one added, one removed",
      edit: (s) => {
        s.targets = [
          { ...target("n1", 2025, "120人以上", 120), comparator: "gt" },
          target("n1", 2027, "180人以上", 180),
        ];
      },
      expected: [
        {
          type: "targetChanged",
          fiscalYear: 2025,
          before: expect.objectContaining({ source: "120人以上", comparator: "gte" }),
          after: expect.objectContaining({ source: "120人以上", comparator: "gt" }),
        },
        { type: "targetChanged", fiscalYear: 2026, after: null },
        { type: "targetChanged", fiscalYear: 2027, before: null },
      ],
    },
    {
      name: "an indicator added with its targets (not each target separately)",
      edit: (s) => {
        s.indicators.push({ id: "n2", itemId: "p2", kind: "activity", name: "開催回数", baselineSource: null });
        s.targets.push(target("n2", 2025, "12回", 12));
      },
      expected: [
        {
          type: "indicatorAdded",
          itemId: "p2",
          indicatorId: "n2",
          after: {
            kind: "activity",
            name: "開催回数",
            baselineSource: null,
            targets: [{ fiscalYear: 2025, source: "12回" }],
          },
        },
      ],
    },
    {
      name: "an item added under a measure, one removed (with its indicator): removed ones come last",
      edit: (s) => {
        s.items = s.items.filter((i) => i.id !== "p1");
        s.placements = s.placements.filter((p) => p.itemId !== "p1");
        s.indicators = [];
        s.targets = [];
        s.items.push(item("p3", 2, { code: "1-2-1", title: "新事業" }));
        s.placements.push({ itemId: "p3", parentItemId: "m2", position: 0, relisted: false });
      },
      expected: [
        { type: "added", itemId: "p3", before: null },
        { type: "removed", itemId: "p1", after: null },
        { type: "indicatorRemoved", itemId: "p1", indicatorId: "n1" },
      ],
    },
    {
      name: "plan title and period",
      edit: (s) => {
        s.plan.title = "計画（改定）";
        s.plan.endFiscalYear = 2029;
      },
      expected: [
        { type: "planChanged", field: "plan.title", itemId: null },
        {
          type: "planChanged",
          field: "plan.period",
          before: { startFiscalYear: 2024, endFiscalYear: 2028 },
          after: { startFiscalYear: 2024, endFiscalYear: 2029 },
        },
      ],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const a = base();
      const b = base();
      c.edit(b);
      const d = diffSnapshots(a, b);
      expect(d.changes).toHaveLength(c.expected.length);
      c.expected.forEach((e, i) => {
        expect(d.changes[i]).toMatchObject(e);
      });
    });
  }

  it("keeps items the tree cannot reach (no home placement) in the order, after the tree", () => {
    const a = base();
    const b = base();
    b.items.push(item("orphan", 2, { code: "9-9-9", title: "どこにもない" }));
    b.placements.push({ itemId: "p2", parentItemId: "g1", position: 5, relisted: true }); // odd but harmless
    const d = diffSnapshots(a, b);
    expect(d.changes.map((c) => [c.type, c.itemId])).toEqual([
      ["moved", "p2"],
      ["added", "orphan"],
    ]);
  });

  // the time it takes on a 2,000-project plan is measured by bench/diff.ts ("diffSnapshots (pure)")
  it("diffs 2,000 items: every renamed item found, no target changed", () => {
    const s = snapshot();
    for (let g = 0; g < 10; g++) {
      s.items.push(item(`g${g}`, 0));
      s.placements.push({ itemId: `g${g}`, parentItemId: null, position: g, relisted: false });
      for (let m = 0; m < 20; m++) {
        const mid = `g${g}m${m}`;
        s.items.push(item(mid, 1));
        s.placements.push({ itemId: mid, parentItemId: `g${g}`, position: m, relisted: false });
        for (let p = 0; p < 10; p++) {
          const id = `${mid}p${p}`;
          s.items.push(item(id, 2, { departmentIds: ["d1"] }));
          s.placements.push({ itemId: id, parentItemId: mid, position: p, relisted: false });
          s.indicators.push({ id: `n${id}`, itemId: id, kind: "outcome", name: id, baselineSource: null });
          for (const fy of YEARS) s.targets.push(target(`n${id}`, fy, `${fy}`, fy));
        }
      }
    }
    const b = clone(s);
    for (let i = 0; i < b.items.length; i += 50) (b.items[i] as SnapshotItem).title += "（改）";
    const d = diffSnapshots(s, b);
    expect(d.summary.renamed).toBe(Math.ceil(b.items.length / 50));
    expect(d.summary.targetsChanged).toBe(0);
  });
});

describe("diffTableRows and csv", () => {
  it("writes the Japanese table: 種別, 番号, 名称, 項目, 変更前, 変更後", () => {
    const a = snapshot({
      items: [
        item("m1", 1, { code: "1-1", title: "施策" }),
        item("p1", 2, { code: "1-1-1", title: "事業", departmentIds: ["d1"] }),
      ],
      placements: [
        { itemId: "m1", parentItemId: null, position: 0, relisted: false },
        { itemId: "p1", parentItemId: "m1", position: 0, relisted: false },
      ],
      indicators: [{ id: "n1", itemId: "p1", kind: "outcome", name: "参加者数", baselineSource: null }],
      targets: [target("n1", 2025, "120人", 120)],
    });
    const b = clone(a);
    Object.assign(b.items[1] as SnapshotItem, {
      title: "事業（改）",
      isPriority: true,
      departmentIds: ["d2"],
      departmentNames: ["高齢支援課"],
    });
    b.targets = [target("n1", 2025, "150人", 150)];
    const rows = diffTableRows(diffSnapshots(a, b).changes, a.plan.levelNames);
    expect(rows).toEqual([
      ["名称変更", "1-1-1", "事業（改）", "名称", "事業", "事業（改）"],
      ["変更", "1-1-1", "事業（改）", "担当課", "福祉政策課", "高齢支援課"],
      ["変更", "1-1-1", "事業（改）", "重点（重）", "なし", "あり"],
      ["目標値変更", "1-1-1", "事業（改）", "指標「参加者数」令和7年度の目標値", "120人", "150人"],
    ]);
    const csv = toCsv([[...DIFF_TABLE_HEADERS], ["追加", "1", 'a,"b"', "=SUM(A1)", "-x", "-5%"]]);
    expect(csv.startsWith("\uFEFF種別,番号,名称,項目,変更前,変更後\r\n")).toBe(true);
    expect(csv).toContain(`追加,1,"a,""b""",'=SUM(A1),'-x,-5%\r\n`);
  });
});

describe("which revision a year's evaluation was made under", () => {
  const at = (s: string) => new Date(s);
  const revisions = [
    { number: 1, status: "approved", approvedAt: at("2024-10-01T00:00:00Z") },
    { number: 2, status: "approved", approvedAt: at("2025-03-20T00:00:00Z") },
    { number: 3, status: "draft", approvedAt: null },
  ];
  const rounds = [
    { fiscalYear: 2024, openedAt: at("2024-05-01T00:00:00Z") },
    { fiscalYear: 2025, openedAt: at("2025-05-01T00:00:00Z") },
  ];
  it("is the revision in force when the round opened (rounds before the baseline count under it)", () => {
    const f = revisionsInForce(revisions, rounds);
    expect(f.get(1)).toEqual({
      from: revisions[0]?.approvedAt,
      until: revisions[1]?.approvedAt,
      evaluationFiscalYears: [2024],
    });
    expect(f.get(2)).toEqual({ from: revisions[1]?.approvedAt, until: null, evaluationFiscalYears: [2025] });
    expect(f.get(3)).toEqual({ from: null, until: null, evaluationFiscalYears: [] });
    expect(revisionOfRounds(revisions, rounds).map((r) => [r.fiscalYear, r.revisionNumber])).toEqual([
      [2024, 1],
      [2025, 2],
    ]);
    expect(revisionOfRounds([], rounds).map((r) => r.revisionNumber)).toEqual([null, null]);
  });
});
