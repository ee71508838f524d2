import os from "node:os";
import type { Db } from "../db/client.js";
import { createMunicipalitySchema } from "../modules/municipalities/schema.js";
import { createMunicipality } from "../modules/municipalities/service.js";
import { parseInput } from "../platform/errors.js";

/**
 * municipality create --code <団体コード> --name <name> --admin <login id> [--json]: a municipality and its first
 * administrator, whose one-time setup secret is printed here and nowhere else.
 */
export async function runMunicipalityCreate(db: Db, args: { code?: string; name?: string; admin?: string }) {
  const input = parseInput(createMunicipalitySchema, args);
  const created = await createMunicipality(db, { loginId: `cli:${os.userInfo().username}` }, input);
  const { municipality, admin } = created;
  return {
    json: created,
    text: [
      `自治体を登録しました: ${municipality.name}（団体コード ${municipality.code}）`,
      `最初の管理者（システム管理者）のログインID: ${admin.loginId}`,
      "初期設定用の文字列（ここに一度だけ表示します。控えて、管理者本人に安全な方法で渡してください）:",
      `  ${admin.setupSecret}`,
      "最初のログインではこの文字列をパスワードとして入力し、続けて自分のパスワードを設定します。",
    ].join("\n"),
  };
}
