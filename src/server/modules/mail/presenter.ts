import type { MailSettingsRow } from "./repository.js";

/**
 * The municipality's SMTP settings as the administrator sees them: the password never leaves the server, only
 * whether one is set (「設定済み」). Not configured yet: version 0, which the first PUT names in If-Match.
 */
export function presentMailSettings(row: MailSettingsRow | null) {
  return {
    configured: row !== null,
    enabled: row?.enabled ?? false,
    host: row?.host ?? "",
    port: row?.port ?? 587,
    security: row?.security ?? ("starttls" as const),
    username: row?.username ?? "",
    passwordSet: !!row?.passwordSealed,
    fromAddress: row?.fromAddress ?? "",
    version: row?.version ?? 0,
  };
}
export type MailSettingsDto = ReturnType<typeof presentMailSettings>;

/** What the audit trail keeps of a change: the settings without the password (only whether one is set). */
export const auditableMailSettings = (row: MailSettingsRow | null) =>
  row ? { ...presentMailSettings(row), version: undefined } : null;
