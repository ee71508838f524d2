import {
  RESOURCE_AUDIENCE_LABELS,
  RESOURCE_AUDIENCES,
  RESOURCE_CATEGORIES,
  RESOURCE_CATEGORY_LABELS,
  RESOURCE_STATUS_LABELS,
  RESOURCE_STATUSES,
  WEEKDAY_LABELS,
  WEEKDAYS,
} from "../../../../domain/labels/resources";

/** The directory's lists as choices on its screens (words from the labels). */
export const categoryOptions = RESOURCE_CATEGORIES.map((value) => ({ value, label: RESOURCE_CATEGORY_LABELS[value] }));
export const audienceOptions = RESOURCE_AUDIENCES.map((value) => ({ value, label: RESOURCE_AUDIENCE_LABELS[value] }));
export const dayOptions = WEEKDAYS.map((value) => ({ value, label: `${WEEKDAY_LABELS[value]}曜日` }));
export const statusOptions = RESOURCE_STATUSES.map((value) => ({ value, label: RESOURCE_STATUS_LABELS[value] }));

/** 「月・水・金」, or 「—」 when no day is given. */
export const daysText = (days: readonly { label: string }[]) => days.map((d) => d.label).join("・") || "—";
