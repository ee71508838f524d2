/**
 * The tables without municipality_id, each with where it lives once the database is distributed and why. A table
 * that is neither municipality-owned nor listed here fails the schema's key test: a new table has to choose.
 *  - reference: copied to every node, so a municipality's queries can join it on the node that holds their rows.
 *  - local: stays on the coordinator only; nothing distributed joins it.
 */
export type GlobalPlacement = "reference" | "local";

export interface GlobalTable {
  placement: GlobalPlacement;
  reason: string;
}

export const GLOBAL_TABLES: Record<string, GlobalTable> = {
  municipalities: {
    placement: "reference",
    reason:
      "the tenancy root itself: a handful of rows, read with every session (code and name) and pointed to by the tables each municipality's data starts from",
  },
  login_attempts: {
    placement: "local",
    reason:
      "the sign-in throttle, keyed by municipality code and login id before anyone is known; written on every failed attempt and never joined, so copying it to every node would only multiply its writes",
  },
  "drizzle.__drizzle_migrations": {
    placement: "local",
    reason: "the migrations already applied; migrations run on the coordinator, which passes their DDL on to the nodes",
  },
};
