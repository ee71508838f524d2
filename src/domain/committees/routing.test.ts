import { describe, expect, it } from "vitest";
import {
  committeesByItem,
  inTerm,
  itemsForCommittee,
  marksWithAncestors,
  type RoutedCommittee,
  reviewsItem,
} from "./routing";

const full: RoutedCommittee = { id: "full", kind: "committee", marks: [] };
const council: RoutedCommittee = { id: "council", kind: "internal_council", marks: [] };
const elderly: RoutedCommittee = { id: "elderly", kind: "subcommittee", marks: ["高"] };
const disability: RoutedCommittee = { id: "disability", kind: "subcommittee", marks: ["障"] };
const rights: RoutedCommittee = { id: "rights", kind: "subcommittee", marks: ["後"] };

describe("routing items to committees by their constituent-plan marks", () => {
  it("an item with two marks goes to both sub-committees and to the full committee", () => {
    const routed = committeesByItem([full, council, elderly, disability, rights], [{ id: "i", marks: ["高", "障"] }]);
    expect(routed.get("i")).toEqual(["full", "council", "elderly", "disability"]);
  });

  it("an item without marks goes only to the committees that take every item", () => {
    const routed = committeesByItem([full, council, elderly, disability], [{ id: "i", marks: [] }]);
    expect(routed.get("i")).toEqual(["full", "council"]);
  });

  it("a sub-committee gets only the items whose marks meet its own", () => {
    const items = [
      { id: "a", marks: ["高"] },
      { id: "b", marks: ["地"] },
      { id: "c", marks: ["地", "高"] },
      { id: "d", marks: [] },
    ];
    expect(itemsForCommittee(elderly, items).map((i) => i.id)).toEqual(["a", "c"]);
    expect(itemsForCommittee(full, items).map((i) => i.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("a full committee given marks by the plan office routes by them like a sub-committee", () => {
    const configured: RoutedCommittee = { id: "x", kind: "committee", marks: ["地"] };
    expect(reviewsItem(configured, { id: "a", marks: ["地"] })).toBe(true);
    expect(reviewsItem(configured, { id: "b", marks: ["高"] })).toBe(false);
    expect(reviewsItem(configured, { id: "c", marks: [] })).toBe(false);
  });

  it("a sub-committee without marks reviews nothing rather than everything", () => {
    expect(reviewsItem({ id: "s", kind: "subcommittee", marks: [] }, { id: "a", marks: ["高"] })).toBe(false);
  });
});

describe("a member's term", () => {
  const term = { termFrom: "2025-04-01", termTo: "2027-03-31" };
  it("includes its first and last days", () => {
    expect(inTerm(term, "2025-04-01")).toBe(true);
    expect(inTerm(term, "2027-03-31")).toBe(true);
  });
  it("excludes the days before and after", () => {
    expect(inTerm(term, "2025-03-31")).toBe(false);
    expect(inTerm(term, "2027-04-01")).toBe(false);
  });
  it("an open end means still serving", () => {
    expect(inTerm({ termFrom: "2020-01-01", termTo: null }, "2099-12-31")).toBe(true);
  });
});

describe("marks inherited from the headings above", () => {
  it("a project under a measure marked 高 carries 高 as well as its own marks", () => {
    const items = [
      { id: "goal", constituentPlans: [] },
      { id: "measure", constituentPlans: ["高"] },
      { id: "project", constituentPlans: ["障"] },
      { id: "other", constituentPlans: [] },
    ];
    const placements = [
      { itemId: "goal", parentItemId: null, relisted: false },
      { itemId: "measure", parentItemId: "goal", relisted: false },
      { itemId: "project", parentItemId: "measure", relisted: false },
      { itemId: "other", parentItemId: "goal", relisted: false },
      // a 再掲 under the marked measure does not give the item that measure's marks
      { itemId: "other", parentItemId: "measure", relisted: true },
    ];
    const marks = new Map(marksWithAncestors(items, placements).map((i) => [i.id, i.marks]));
    expect([...(marks.get("project") ?? [])].sort()).toEqual(["障", "高"].sort());
    expect(marks.get("other")).toEqual([]);
  });
});
