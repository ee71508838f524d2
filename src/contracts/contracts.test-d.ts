/**
 * The web compiles against the server's own types. This file is type-checked by vitest (the "types" project runs
 * tsc over it and everything it imports): it pulls in the whole web app through its router, so a presenter field
 * renamed while a screen still reads it fails the test run as an error in that screen, and it pins a few answers
 * to the server functions that build them.
 */
import { describe, expectTypeOf, test } from "vitest";
import type { SessionDto } from "../server/modules/auth/presenter.js";
import type { presentSheet } from "../server/modules/evaluations/presenter.js";
import type { presentPlan } from "../server/modules/plans/presenter.js";
import type { getPlanWithItems } from "../server/modules/plans/service.js";
import type { useSession } from "../web/queries";
import type { createAppRouter } from "../web/router";
import type { useCase } from "../web/support/queries";
import type {
  CaseDetail,
  HouseholdMember,
  IndicatorYear,
  Jsonify,
  Plan,
  PlanItem,
  PlanShown,
  Session,
  Sheet,
  Summary,
  UserAccount,
} from "./index.js";

describe("Jsonify: what JSON makes of a presenter's object", () => {
  test("a Date becomes the string it writes; nested objects and arrays are mapped", () => {
    expectTypeOf<Jsonify<{ at: Date; list: { at: Date | null }[] }>>().toEqualTypeOf<{
      at: string;
      list: { at: string | null }[];
    }>();
  });

  test("properties that are undefined or functions are left out, optional ones stay optional", () => {
    expectTypeOf<Jsonify<{ a: undefined; b: () => void; c?: number; d: number | undefined }>>().toEqualTypeOf<{
      c?: number;
      d: number;
    }>();
  });

  test("unknown stays unknown (jsonb columns)", () => {
    expectTypeOf<Jsonify<{ source: unknown }>>().toEqualTypeOf<{ source: unknown }>();
  });
});

describe("the web's types are the server's answers", () => {
  test("a plan is what presentPlan returns", () => {
    expectTypeOf<Plan>().toEqualTypeOf<Jsonify<ReturnType<typeof presentPlan>>>();
    expectTypeOf<Plan>().not.toBeAny();
  });

  test("a sheet is what presentSheet returns, its instants as strings", () => {
    expectTypeOf<Sheet>().toEqualTypeOf<Jsonify<ReturnType<typeof presentSheet>>>();
    expectTypeOf<Sheet["updatedAt"]>().toEqualTypeOf<string>();
    expectTypeOf<Sheet["submittedAt"]>().toEqualTypeOf<string | null>();
  });

  test("GET /api/plans/:planId is what getPlanWithItems answers", () => {
    type Answer = Jsonify<Awaited<ReturnType<typeof getPlanWithItems>>>;
    expectTypeOf<Answer["items"]>().toEqualTypeOf<PlanItem[]>();
    expectTypeOf<Answer["shown"]>().toEqualTypeOf<PlanShown>();
  });

  test("the session comes from its presenter, with the agency and the coordinator flag", () => {
    expectTypeOf<Session>().toEqualTypeOf<Jsonify<SessionDto>>();
    expectTypeOf<Session["user"]>().toHaveProperty("agencyId").toEqualTypeOf<string | null>();
    expectTypeOf<Session["user"]>().toHaveProperty("isCoordinator").toEqualTypeOf<boolean>();
    // @ts-expect-error the session user has no field the server does not send
    expectTypeOf<Session["user"]>().toHaveProperty("agency");
  });

  test("the web's hooks hand the screens these types", () => {
    expectTypeOf<NonNullable<ReturnType<typeof useSession>["data"]>>().toEqualTypeOf<Session>();
    expectTypeOf<NonNullable<ReturnType<typeof useCase>["data"]>>().toEqualTypeOf<CaseDetail>();
  });

  test("what the copies got wrong is now what the server sends", () => {
    // a household member the caller has no basis for keeps its place but not its name
    expectTypeOf<HouseholdMember["nameKana"]>().toEqualTypeOf<string | null>();
    expectTypeOf<HouseholdMember["hidden"]>().toEqualTypeOf<boolean>();
    expectTypeOf<UserAccount["role"]>().toEqualTypeOf<Session["user"]["role"]>();
    expectTypeOf<Summary["lines"][number]["kind"]>().toEqualTypeOf<"heading" | "project" | "subtotal">();
    expectTypeOf<IndicatorYear["attainment"]["status"]>().toEqualTypeOf<"met" | "notMet" | "manual" | "noActual">();
  });

  test("every screen compiles against these types (the router imports them all)", () => {
    expectTypeOf<typeof createAppRouter>().toBeFunction();
  });
});
