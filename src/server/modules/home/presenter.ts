import {
  HOME_ITEM_LABELS,
  HOME_SECTION_LABELS,
  type HomeItemKey,
  type HomeSectionKey,
} from "../../../domain/labels/home.js";

/** One count of the home page: what it counts (in words), how many, the screen that lists them, and whether it waits. */
export interface HomeItem {
  key: HomeItemKey;
  label: string;
  count: number;
  /** a screen path with its query, e.g. /support/referrals?box=received&status=sent */
  link: string;
  /** someone has to act on these now (shown first and marked) */
  attention: boolean;
}

/** A group of counts: a plan's evaluation year, or one of the support side's lists. */
export interface HomeSection {
  key: string;
  title: string;
  /** the evaluation year a plan's section is about */
  fiscalYear: number | null;
  items: HomeItem[];
  /** the year's deadlines that concern the caller (ISO days in Japan; the screen shows days left / 期限超過) */
  deadlines: { label: string; day: string }[];
}

export function homeItem(key: HomeItemKey, count: number, link: string, attention = false): HomeItem {
  return { key, label: HOME_ITEM_LABELS[key], count, link, attention: attention && count > 0 };
}

export function supportSection(key: HomeSectionKey, items: HomeItem[]): HomeSection {
  return { key, title: HOME_SECTION_LABELS[key], fiscalYear: null, items, deadlines: [] };
}

/** A path with its query: only the values given, in the order given. */
export function linkTo(path: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
