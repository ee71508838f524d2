import type { z } from "zod";
import type { AuditEntryDto } from "../server/modules/audit-trail/presenter.js";
import type { auditQuerySchema } from "../server/modules/audit-trail/schema.js";
import type { listAuditEntries } from "../server/modules/audit-trail/service.js";
import type { SessionDto } from "../server/modules/auth/presenter.js";
import type { listMunicipalities } from "../server/modules/auth/repository.js";
import type { loginSchema, setPasswordSchema } from "../server/modules/auth/schema.js";
import type { listAccountChanges } from "../server/modules/users/account-changes.js";
import type { UserDto } from "../server/modules/users/presenter.js";
import type { createUserSchema, updateUserSchema } from "../server/modules/users/schema.js";
import type { Jsonify, JsonOf } from "./json.js";

export type { Role } from "../domain/access/principals.js";
export type { AuditActionKind } from "../server/modules/audit-trail/schema.js";

/** GET /api/auth/session */
export type Session = Jsonify<SessionDto>;
/** The signed-in account, with its agency and whether that agency is a 多機関協働 coordinator. */
export type SessionUser = Session["user"];
export type LoginInput = z.input<typeof loginSchema>;
/** POST /api/auth/password: the account's own password when its sign-in asks for one */
export type SetPasswordInput = z.input<typeof setPasswordSchema>;
/** GET /api/municipalities */
export type Municipality = JsonOf<typeof listMunicipalities>[number];

/** GET /api/users */
export type UserAccount = Jsonify<UserDto>;
export type CreateUserInput = z.input<typeof createUserSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;
/** GET /api/account-changes */
export type AccountChange = JsonOf<typeof listAccountChanges>[number];

/** GET /api/audit/entries */
export type AuditPage = JsonOf<typeof listAuditEntries>;
export type AuditEntry = Jsonify<AuditEntryDto>;
/** The filters of the audit trail as they travel in the URL and the API (the page is asked for apart). */
export type AuditFilter = Omit<z.input<typeof auditQuerySchema>, "before" | "limit">;
