import { describe, expect, it } from "vitest";
import { PRINCIPALS, type Principal } from "./principals";
import { ROUTE_TABLE, type RouteRule } from "./route-table";
import { landingOf, mayOpen, menuOf, SCREENS } from "./screens";

const PLAN_SCREENS = ["/plans", "/evaluations", "/summary", "/indicators", "/revisions", "/matrix", "/imports"];
const SUPPORT_SCREENS = ["/support/referrals", "/support/cases", "/support/persons", "/support/agencies"];
const menu = (p: Principal) => menuOf(p).map((m) => m.path);

describe("screens follow the access table", () => {
  it("names a route of the table for every screen", () => {
    for (const s of SCREENS) expect(ROUTE_TABLE[s.needs], s.path).toBeDefined();
  });

  it("puts a screen in a menu exactly when the principal may call the route it stands on", () => {
    for (const p of PRINCIPALS) {
      for (const s of SCREENS.filter((x) => x.menu)) {
        const rule: RouteRule = ROUTE_TABLE[s.needs];
        const allowed = rule.allow === "public" || rule.allow === "signed_in" || rule.allow.includes(p);
        expect(menu(p).includes(s.path), `${p} ${s.path}`).toBe(allowed);
        expect(mayOpen(p, s.path), `${p} ${s.path}`).toBe(allowed);
      }
    }
  });

  it("keeps the two sides apart: support accounts see no plan screen, plan accounts no support screen", () => {
    for (const p of ["coordinator", "staff", "provider", "support_admin"] as const) {
      expect(
        menu(p).filter((m) => PLAN_SCREENS.includes(m)),
        p,
      ).toEqual([]);
      // and the pages under them (a sheet, a plan) are not found either
      expect(mayOpen(p, "/sheets/00000000-0000-4000-8000-000000000000"), p).toBe(false);
      expect(mayOpen(p, "/plans/00000000-0000-4000-8000-000000000000"), p).toBe(false);
    }
    for (const p of ["plan_office", "department_editor", "viewer"] as const) {
      expect(
        menu(p).filter((m) => SUPPORT_SCREENS.includes(m)),
        p,
      ).toEqual([]);
      expect(mayOpen(p, "/support/cases/00000000-0000-4000-8000-000000000000"), p).toBe(false);
    }
    // a provider: ホーム, its referrals, the resource directory (where it proposes), the persons it registered
    expect(menu("provider")).toEqual([
      "/home",
      "/support/referrals",
      "/support/resources",
      "/support/persons",
      "/support/agencies",
    ]);
    // only the coordinators open a case from a referral
    expect(mayOpen("staff", "/support/referrals/00000000-0000-4000-8000-000000000000/case")).toBe(false);
    expect(mayOpen("coordinator", "/support/referrals/00000000-0000-4000-8000-000000000000/case")).toBe(true);
  });

  it("lands each principal on its work", () => {
    // ホーム: what needs each of them now, first in every menu
    for (const p of PRINCIPALS) {
      expect(landingOf(p), p).toBe("/home");
      expect(menu(p)[0], p).toBe("/home");
    }
    // an account that may act as nothing (agency staff without an agency) has no screen at all
    expect(landingOf(null)).toBeNull();
    expect(menuOf(null)).toEqual([]);
  });
});
