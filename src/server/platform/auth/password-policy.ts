import { passwordProblem } from "../../../domain/passwords.js";
import { ValidationError } from "../errors.js";

/**
 * The common-password list is the one zxcvbn-ts ships (@zxcvbn-ts/language-common, "passwords-common": about
 * 49,000 passwords most often found in published leaks, lower case). It is loaded the first time a password is
 * set, not at start: unpacking it takes a noticeable part of a start.
 */
let common: Promise<Set<string>> | null = null;
function commonPasswords(): Promise<Set<string>> {
  common ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase())),
  );
  return common;
}

/** A password about to be set for the account `loginId`: a field-named 400 when it breaks the password rule. */
export async function checkNewPassword(password: string, loginId: string, field = "password"): Promise<void> {
  const list = await commonPasswords();
  const problem = passwordProblem(password, { loginId, isCommon: (form) => list.has(form) });
  if (problem) throw new ValidationError([{ field, message: problem }]);
}
