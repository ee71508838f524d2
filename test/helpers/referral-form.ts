import type { Page } from "playwright-core";

/** The new つなぐシート's first step: registers a person in the 新しく登録する form, as a user types it. */
export async function registerPerson(
  page: Page,
  fields: { name: string; kana: string; birth: string; address?: string },
) {
  const form = page.getByRole("form", { name: "新しく登録する" });
  await form.getByLabel("氏名").fill(fields.name);
  await form.getByLabel(/^ふりがな/).fill(fields.kana);
  await form.getByLabel("生年月日").fill(fields.birth);
  if (fields.address) await form.getByLabel("住所").fill(fields.address);
  await form.getByRole("button", { name: /^登録して/ }).click();
}

export interface SheetContent {
  concerns: string[];
  observed: string;
  urgency: "高" | "中" | "低";
  /** the consent choice as the form labels it; with 同意あり, the day and how (2025-06-01, 口頭 unless given) */
  consent: "同意あり" | "同意なし" | "未確認";
  consentDate?: string;
  consentMethod?: string;
}

/** The new つなぐシート's second step (内容), filled as a user does; the destination is left to the caller. */
export async function fillSheet(page: Page, sheet: SheetContent) {
  const concerns = page.getByRole("group", { name: /困りごと/ });
  for (const c of sheet.concerns) await concerns.getByLabel(c, { exact: true }).check();
  await page.getByLabel(/^気づいたこと/).fill(sheet.observed);
  await page
    .getByRole("group", { name: /緊急度/ })
    .getByLabel(sheet.urgency, { exact: true })
    .check();
  await page
    .getByRole("group", { name: /本人同意/ })
    .getByLabel(sheet.consent)
    .check();
  if (sheet.consent === "同意あり") {
    await page.getByLabel(/^同意を得た日/).fill(sheet.consentDate ?? "2025-06-01");
    await page.getByLabel(/^同意の方法/).fill(sheet.consentMethod ?? "口頭");
  }
}
