import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Role } from "../../../domain/access/principals.js";
import { createdAt, municipalityId, municipalityKey, recordTable, sameMunicipality, version } from "./columns.js";
import { agencies } from "./support.js";

/**
 * Tenancy root. Every municipality-owned table carries municipality_id and puts it first in
 * every primary, unique and foreign key, so that the tables can be distributed by it (Citus).
 */
export const municipalities = pgTable("municipalities", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(), // 全国地方公共団体コード (6 digits) or a demo code
  name: text("name").notNull(),
  /** whether the plan side's accounts must use a second factor (the others always must): optional | required */
  mfaForPlanSide: text("mfa_for_plan_side").$type<"optional" | "required">().notNull().default("optional"),
  /**
   * Computed measures (統計) shown outside the support side's need-to-know: counts from 1 to this − 1 are suppressed
   * (「5未満」). Set by the support-side administrator.
   */
  statsSuppressionThreshold: integer("stats_suppression_threshold").notNull().default(5),
  /** the version of the municipality's settings above (If-Match when they are changed) */
  settingsVersion: integer("settings_version").notNull().default(1),
  createdAt: createdAt(),
});

/**
 * A foreign key to the municipality itself (municipality_id → municipalities.id), which the tables written first
 * carry: departments, users, plans, agencies and the concern list.
 */
export function ofMunicipality(t: { municipalityId: AnyPgColumn }) {
  return foreignKey({ columns: [t.municipalityId], foreignColumns: [municipalities.id] });
}

/** A department keeps its identity across 組織改正; its names over time live in department_names. */
export const departments = recordTable(
  "departments",
  {
    name: text("name").notNull(), // current name
    /** set when the department was merged into another one */
    mergedIntoId: uuid("merged_into_id"),
    abolishedOn: text("abolished_on"), // ISO date
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    ofMunicipality(t),
    unique("departments_name_uq").on(t.municipalityId, t.name),
    sameMunicipality(t, t.mergedIntoId, t),
  ],
);

export const departmentNames = pgTable(
  "department_names",
  {
    municipalityId: municipalityId(),
    departmentId: uuid("department_id").notNull(),
    name: text("name").notNull(),
    validFrom: text("valid_from").notNull(), // ISO date
    validTo: text("valid_to"), // ISO date, null = current
  },
  (t) => [municipalityKey(t, t.departmentId, t.validFrom), sameMunicipality(t, t.departmentId, departments)],
);

export const users = recordTable(
  "users",
  {
    loginId: text("login_id").notNull(),
    displayName: text("display_name").notNull(),
    /** where notice mail goes (optional: an account without one gets notices in the app only) */
    email: text("email"),
    passwordHash: text("password_hash").notNull(),
    /** system_admin | plan_office | department_editor | viewer | support_staff | provider */
    role: text("role").$type<Role>().notNull(),
    /** the agency (支援機関 or 登録事業者) a support_staff or provider account works for */
    agencyId: uuid("agency_id"),
    disabled: boolean("disabled").notNull().default(false),
    /** the TOTP secret (base32) once enrolment is confirmed; null: no second factor */
    mfaSecret: text("mfa_secret"),
    /** a secret offered for enrolment, kept until the user confirms it with a code */
    mfaPendingSecret: text("mfa_pending_secret"),
    /** the last TOTP time step accepted: a code is never accepted twice (RFC 6238 §5.2) */
    mfaLastStep: bigint("mfa_last_step", { mode: "number" }),
    /**
     * The password was set by someone else (a setup secret, an administrator's reset): until the user sets their own,
     * a session of the account can do nothing else (sessions.ts, route gate).
     */
    passwordChangeRequired: boolean("password_change_required").notNull().default(false),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    ofMunicipality(t),
    unique("users_login_uq").on(t.municipalityId, t.loginId),
    sameMunicipality(t, t.agencyId, agencies),
  ],
);

export const userDepartments = pgTable(
  "user_departments",
  {
    municipalityId: municipalityId(),
    userId: uuid("user_id").notNull(),
    departmentId: uuid("department_id").notNull(),
  },
  (t) => [
    municipalityKey(t, t.userId, t.departmentId),
    sameMunicipality(t, t.userId, users),
    sameMunicipality(t, t.departmentId, departments),
  ],
);

/** Server-side sessions: the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    municipalityId: municipalityId(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id").notNull(),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** when the session passed the second factor (a code or a recovery code); null: not (yet) */
    secondFactorAt: timestamp("second_factor_at", { withTimezone: true }),
  },
  (t) => [
    municipalityKey(t, t.tokenHash),
    index("sessions_token_idx").on(t.tokenHash),
    sameMunicipality(t, t.userId, users),
  ],
);

/**
 * Append-only audit trail, one hash chain per municipality (seq is gap-free per municipality among sealed records).
 * A record is inserted in the transaction of what it records without its place in the chain (seq, prev_hash and
 * hash null: no lock, so audited reads do not wait for each other); the sealer (platform/audit-sealer.ts) sets the
 * three once, in order, shortly after. The trigger created in the migrations refuses DELETE, TRUNCATE and every
 * UPDATE but that one: a sealed record, or any other column, cannot be changed.
 */
export interface AuditSubject {
  id: string;
  basis: string | null;
}

export const auditLog = pgTable(
  "audit_log",
  {
    municipalityId: municipalityId(),
    /** the order records were inserted in: the order the sealer takes them */
    id: bigint("id", { mode: "number" }).generatedByDefaultAsIdentity(),
    /** null until sealed */
    seq: bigint("seq", { mode: "number" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorUserId: uuid("actor_user_id"),
    actorLabel: text("actor_label").notNull(),
    /** the agency the actor acted for at that moment (support staff and providers); null otherwise */
    actorAgencyId: uuid("actor_agency_id"),
    action: text("action").notNull(), // create | update | read | delete | login | denied | import …
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    basis: text("basis"), // why the access was allowed (role, team, consent …) or denied
    /**
     * A read of many entities at once (a list page, a search): one record names every entity shown, each with its
     * own basis, `[{"id", "basis"}]`, instead of one record each; entity_id and basis are null then.
     */
    subjects: jsonb("subjects").$type<AuditSubject[]>(),
    ip: text("ip"),
    before: jsonb("before"),
    after: jsonb("after"),
    /** null until sealed */
    prevHash: text("prev_hash"),
    /** null until sealed */
    hash: text("hash"),
  },
  (t) => [
    municipalityKey(t, t.id),
    uniqueIndex("audit_log_seq_key").on(t.municipalityId, t.seq),
    // what the sealer has left to do: small, whatever the log's size
    index("audit_unsealed_idx").on(t.municipalityId, t.id).where(sql`${t.seq} is null`),
    index("audit_entity_idx").on(t.municipalityId, t.entityType, t.entityId, t.at),
    // reads made through a referral or a case carry it as their basis ("referral:<id>"): who looked at it
    index("audit_basis_idx").on(t.municipalityId, t.basis),
    // who was shown an entity in a list or a search: containment of {"id"} or {"basis"} in subjects
    index("audit_subjects_idx").using("gin", sql`${t.subjects} jsonb_path_ops`),
  ],
);

/**
 * Signed checkpoints of each municipality's audit chain head (platform/audit-checkpoints). The same checkpoints are
 * appended to a file outside the database, which is what tells a rewritten or restored database from the real one;
 * this copy lets a verification see them even when the file is elsewhere.
 */
export const auditCheckpoints = pgTable(
  "audit_checkpoints",
  {
    municipalityId: municipalityId(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** the first 16 hex digits of the SHA-256 of the signing public key */
    keyId: text("key_id").notNull(),
    /** Ed25519 over the checkpoint's canonical JSON, base64 */
    signature: text("signature").notNull(),
  },
  (t) => [municipalityKey(t, t.seq, t.at)],
);

export const loginAttempts = pgTable(
  "login_attempts",
  {
    key: text("key").notNull(), // municipality code + login id, lower-cased
    failures: integer("failures").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.key] })],
);

/** A user's one-time recovery codes (SHA-256 of the code); a used code keeps its row with the time it was used. */
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    municipalityId: municipalityId(),
    userId: uuid("user_id").notNull(),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [municipalityKey(t, t.userId, t.codeHash), sameMunicipality(t, t.userId, users)],
);
