import { and, eq } from "drizzle-orm";
import { codeAtStep, stepAt, TOTP_PERIOD_SECONDS } from "../../domain/mfa/totp.js";
import type { Db } from "../db/client.js";
import { municipalities, users } from "../db/schema/index.js";
import { DEMO_MFA_SECRETS } from "../demo/demo-mfa.js";
import { DEMO_MUNICIPALITY } from "../demo/demo-plan.js";
import { AppError } from "../platform/errors.js";

/**
 * `demo-code --login coord`: the current 確認コード of a demo account, for trying the demo without an authenticator
 * app. Only the demo municipality's accounts, and only while they keep the demo's published secret: a real
 * account's secret is never read or printed.
 */
export async function runDemoCode(db: Db, opts: { login?: string; municipality?: string }) {
  if (opts.municipality && opts.municipality !== DEMO_MUNICIPALITY.code) {
    throw new AppError(2, "not_demo", `確認コードを表示できるのはデモの自治体（${DEMO_MUNICIPALITY.code}）だけです`);
  }
  const loginId = opts.login?.trim().toLowerCase();
  const secret = loginId ? DEMO_MFA_SECRETS[loginId] : undefined;
  if (!loginId || !secret) {
    throw new AppError(
      2,
      "usage",
      `--login には ${Object.keys(DEMO_MFA_SECRETS).join("・")} のどれかを指定してください`,
    );
  }
  const [row] = await db
    .select({ secret: users.mfaSecret })
    .from(users)
    .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(and(eq(municipalities.code, DEMO_MUNICIPALITY.code), eq(users.loginId, loginId)));
  if (!row) throw new AppError(2, "not_found", "デモの自治体がないか、その利用者がいません");
  if (row.secret !== secret) {
    throw new AppError(2, "re_enrolled", "この利用者は二段階認証を登録し直したため、デモの確認コードは使えません");
  }
  const now = Date.now();
  const code = codeAtStep(secret, stepAt(now));
  const secondsLeft = TOTP_PERIOD_SECONDS - (Math.floor(now / 1000) % TOTP_PERIOD_SECONDS);
  return {
    json: { loginId, code, secondsLeft },
    text: `${loginId} の確認コード: ${code}（あと${secondsLeft}秒有効。同じコードは一度しか使えません）`,
  };
}
