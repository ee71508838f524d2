import { formatJapaneseDate } from "../../domain/japanese-date.js";
import type { Db } from "../db/client.js";
import { municipalities } from "../db/schema/index.js";
import { listReferralsQuery } from "../modules/referrals/schema.js";
import { listReferralsAsOperator } from "../modules/referrals/service.js";
import { AppError } from "../platform/errors.js";
import { operatorFor, operatorIn } from "./operator.js";

/**
 * つなぐシート for operators: `referrals --status overdue [--municipality <code>] [--json]`. No personal data
 * (no names, no observations) is printed; every municipality listed gets a "read" record in its audit trail.
 */
export async function runReferrals(db: Db, opts: { status?: string; municipality?: string }) {
  const parsed = listReferralsQuery.safeParse({ status: opts.status });
  if (!parsed.success) {
    throw new AppError(
      2,
      "usage",
      "--status は sent・accepted・in_progress・completed・declined・forwarded・overdue のどれかです",
    );
  }
  const operators = opts.municipality
    ? [await operatorFor(db, opts.municipality)]
    : (await db.select().from(municipalities).orderBy(municipalities.code)).map(operatorIn);
  const json: { municipality: string; referrals: Awaited<ReturnType<typeof listReferralsAsOperator>> }[] = [];
  for (const operator of operators) {
    json.push({
      municipality: operator.municipalityCode,
      referrals: await listReferralsAsOperator(db, operator, parsed.data.status),
    });
  }
  const lines = json.flatMap((m) => [
    `${m.municipality}: ${m.referrals.length}件`,
    ...m.referrals.map((r) =>
      [
        r.id,
        r.statusLabel,
        r.urgency,
        r.dueDate ? `期限 ${formatJapaneseDate(r.dueDate)}` : "期限なし",
        r.overdue ? "期限超過" : "",
        `${r.from} → ${r.to}`,
      ].join("\t"),
    ),
  ]);
  return { json, text: lines.join("\n") };
}
