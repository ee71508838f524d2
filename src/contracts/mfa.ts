import type { z } from "zod";
import type { codeSchema, mfaPolicySchema, verifySchema } from "../server/modules/mfa/schema.js";
import type { confirmEnrolment, getPolicy, startEnrolment, status, verify } from "../server/modules/mfa/service.js";
import type { JsonOf } from "./json.js";

export type { MfaPolicy, PendingStep } from "../domain/mfa/second-factor.js";

/** GET /api/mfa: one's own second factor */
export type MfaStatus = JsonOf<typeof status>;
/** POST /api/mfa/enrolment: the secret offered (QR code and text), shown once */
export type MfaEnrolment = JsonOf<typeof startEnrolment>;
/** POST /api/mfa/enrolment/confirm and POST /api/mfa/recovery-codes */
export type RecoveryCodes = JsonOf<typeof confirmEnrolment>;
/** POST /api/mfa/verify */
export type MfaVerified = JsonOf<typeof verify>;
export type MfaVerifyInput = z.input<typeof verifySchema>;
export type MfaCodeInput = z.input<typeof codeSchema>;
/** GET and PUT /api/settings/mfa */
export type MfaPolicySetting = JsonOf<typeof getPolicy>;
export type MfaPolicyInput = z.input<typeof mfaPolicySchema>;
