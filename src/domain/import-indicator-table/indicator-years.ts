/**
 * Reading the fiscal year a 現状値 or 計画目標値 refers to from how basic plans write it: "令和13年度末", "(令和4年度)",
 * "R5年度", "2031年度", "令和5年3月末" (a date: January–March belong to the previous 年度).
 */
import { parseFiscalYear } from "../fiscal-year";
import { toHalfWidth } from "../text/normalize";

// "令和6(2024)年度": the western year in brackets is optional; the era year is what is read.
const ERA_NENDO = /(令和|平成|R|H)\s*(元|\d{1,2})\s*(?:\(\s*\d{4}\s*\))?\s*年度/;
const ERA_MONTH = /(令和|平成|R|H)\s*(元|\d{1,2})\s*(?:\(\s*\d{4}\s*\))?\s*年\s*(\d{1,2})\s*月/;
const WESTERN_NENDO = /(\d{4})\s*年度/;
const WESTERN_MONTH = /(\d{4})\s*年\s*(\d{1,2})\s*月/;

function withMonth(calendarYear: number | null, month: number): number | null {
  if (calendarYear === null || month < 1 || month > 12) return null;
  return month >= 4 ? calendarYear : calendarYear - 1;
}

/**
 * The fiscal year written somewhere in `text`, or null. Only explicit forms are read: a bare "令和4年" without a
 * month could be either of two 年度, and a bare number is not a year.
 */
export function readFiscalYear(text: string): number | null {
  const t = toHalfWidth(text);
  const nendo = ERA_NENDO.exec(t);
  if (nendo) return parseFiscalYear(`${nendo[1]}${nendo[2]}年度`);
  const month = ERA_MONTH.exec(t);
  if (month) return withMonth(parseFiscalYear(`${month[1]}${month[2]}年度`), Number(month[3]));
  const western = WESTERN_NENDO.exec(t);
  if (western) return parseFiscalYear(`${western[1]}年度`);
  const westernMonth = WESTERN_MONTH.exec(t);
  if (westernMonth) return withMonth(parseFiscalYear(`${westernMonth[1]}年度`), Number(westernMonth[2]));
  return null;
}
