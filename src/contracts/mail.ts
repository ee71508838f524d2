import type { z } from "zod";
import type { mailSettingsSchema } from "../server/modules/mail/schema.js";
import type { getMailSettings, sendTestMail } from "../server/modules/mail/settings-service.js";
import type { ownEmailSchema } from "../server/modules/users/schema.js";
import type { getOwnEmail } from "../server/modules/users/service.js";
import type { JsonOf } from "./json.js";

export type { MailSecurityCode } from "../domain/labels/mail.js";

/** GET and PUT /api/municipality/mail-settings (the password never comes back: passwordSet says whether one is) */
export type MailSettings = JsonOf<typeof getMailSettings>;
export type MailSettingsInput = z.input<typeof mailSettingsSchema>;
/** POST /api/municipality/mail-settings/test */
export type TestMailSent = JsonOf<typeof sendTestMail>;
/** GET and PUT /api/account/email */
export type OwnEmail = JsonOf<typeof getOwnEmail>;
export type OwnEmailInput = z.input<typeof ownEmailSchema>;
