/** Helpers for the export/import tests: download, open and edit a workbook the way a person in Excel would. */
import ExcelJS from "exceljs";
import type { ApiClient } from "./api-client.js";

export interface SheetRowDto {
  id: string;
  version: number;
  status: string;
  grade: string | null;
  departmentNames: string[];
  item: { code: string; title: string };
}

export async function downloadWorkbook(client: ApiClient, planId: string, fiscalYear: number | string) {
  const res = await client.get(
    `/api/plans/${planId}/evaluations/${encodeURIComponent(String(fiscalYear))}/export.xlsx`,
  );
  if (res.status !== 200) throw new Error(`export failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { res, bytes: res.body as Buffer };
}

export async function openWorkbook(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Cell addresses of the project sheet layout (format 1), as a person would see them in Excel. */
export const CELL = { results: "C7", grade: "C8", issues: "C10" } as const;

/** Opens the workbook, writes the given cells, saves: `edits[worksheet][address] = text`. */
export async function editWorkbook(bytes: Uint8Array, edits: Record<string, Record<string, string>>) {
  const wb = await openWorkbook(bytes);
  for (const [name, cells] of Object.entries(edits)) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no worksheet ${name}`);
    for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function importBytes(client: ApiClient, bytes: Uint8Array, path = "/api/imports") {
  return client.post(path, bytes, { "content-type": "application/octet-stream", "x-file-name": "edited.xlsx" });
}

export async function listSheets(client: ApiClient, planId: string, fiscalYear: number): Promise<SheetRowDto[]> {
  return (await client.get(`/api/plans/${planId}/evaluations/${fiscalYear}/sheets`)).body.sheets;
}

export const versionsOf = (sheets: SheetRowDto[]) => Object.fromEntries(sheets.map((s) => [s.id, s.version]));
