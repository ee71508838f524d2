/**
 * Milestone ladders (段階目標).
 *
 * Implementation plans often promise a stage instead of a number: R6 "調査・研究", R7 "試行実施", R8 "本格実施".
 * A ladder orders those stages so that "reached at least the promised stage" can be decided automatically.
 * The ladder is data (each plan office may define its own); DEFAULT_LADDER covers the wording found in real plans.
 */
import { compactText } from "../text/normalize";

export interface MilestoneStep {
  /** canonical name shown to users, e.g. "試行実施" */
  label: string;
  /** higher = further along; steps may share a rank ("実施" and "本格実施" mean the same stage) */
  rank: number;
  /** other spellings that mean this step, e.g. "試行" for "試行実施" */
  aliases?: string[];
}

export interface MilestoneLadder {
  steps: MilestoneStep[];
}

/**
 * Default ladder, lowest stage first. Ranks were chosen from the order in which plans schedule the stages
 * (狛江市実施計画 R6→R8: 調査・研究→試行実施→実施, 検討→調整→試行実施, 実施→拡充→継続実施):
 *
 * 1 調査・研究 — looking into it. "調査・検討" also appears as the first year before "在り方の検討" (so it is
 *   counted here, not as 検討).
 * 2 検討 — deciding whether/how to do it.
 * 3 調整 — agreed, arranging with the parties (検討・調整 and 準備 are the same stage: the decision is taken).
 * 4 試行実施 — running on a trial or partial basis (試行, 試験導入, 一部実施, モデル実施).
 * 5 実施 = 本格実施 — running. 開催 (for events) and 導入 (for systems and devices) are how plans say "running".
 * 6 継続実施 — still running in a later year: more than first implementation, because it proves the activity lasted.
 * 7 拡充 — extended beyond what was running. Placed above 継続実施 on purpose: an extended activity has certainly
 *   continued, while a continued one has not necessarily been extended.
 *
 * Deliberately absent: 再検討 / 見直し (they follow a trial, so ranking them as 検討 would read as a step back),
 * 整備 / 設置 / 整理 / 拡大 (too generic: "課題の整理", "推進会議の設置" are deliverables, not stages).
 */
export const DEFAULT_LADDER: MilestoneLadder = freezeLadder({
  steps: [
    {
      label: "調査・研究",
      rank: 1,
      aliases: ["調査研究", "調査及び研究", "調査・検討", "調査検討", "調査", "研究", "情報収集"],
    },
    { label: "検討", rank: 2, aliases: ["検討開始", "協議"] },
    { label: "調整", rank: 3, aliases: ["検討・調整", "検討及び調整", "調整・準備", "準備", "実施準備"] },
    { label: "試行実施", rank: 4, aliases: ["試行", "試験実施", "試験導入", "試行導入", "一部実施", "モデル実施"] },
    { label: "実施", rank: 5, aliases: ["開催", "導入", "開始", "実施開始"] },
    { label: "本格実施", rank: 5, aliases: ["本格導入", "本格稼働", "全面実施"] },
    { label: "継続実施", rank: 6, aliases: ["継続", "実施継続", "継続して実施", "継続開催"] },
    { label: "拡充", rank: 7, aliases: ["拡充実施", "拡大実施"] },
  ],
});

// The shared default must not be changed by one caller for everyone else.
function freezeLadder(ladder: MilestoneLadder): MilestoneLadder {
  return Object.freeze({
    steps: Object.freeze(
      ladder.steps.map((s) =>
        Object.freeze({ ...s, ...(s.aliases ? { aliases: Object.freeze([...s.aliases]) as string[] } : {}) }),
      ),
    ) as MilestoneStep[],
  });
}

// Middle dots come in several code points from PDFs and IMEs (・ U+30FB, ･ U+FF65, · U+00B7, ‧ U+2027).
const MIDDLE_DOTS = /[\u30fb\uff65\u00b7\u2027]/g;

/**
 * Comparable form of a stage name: half-width, no whitespace or HTML, one kind of middle dot.
 * "調査 ・ 研究", "調査･研究" and "調査・研究" are the same stage.
 */
export function normalizeStepText(text: string): string {
  return compactText(text).replace(MIDDLE_DOTS, "・");
}

/** Every spelling of a step (label first), in comparable form. */
function spellings(step: MilestoneStep): string[] {
  return [step.label, ...(step.aliases ?? [])].map(normalizeStepText).filter((s) => s !== "");
}

/**
 * The step whose label or alias is exactly `text` (ignoring width, spaces and middle-dot variants), or null.
 * Exact on purpose: "全件実施" or "併用実施" carry conditions that a plain "実施" would hide.
 */
export function findStep(text: string, ladder: MilestoneLadder): MilestoneStep | null {
  const needle = normalizeStepText(text);
  if (needle === "") return null;
  for (const step of ladder.steps) {
    if (spellings(step).includes(needle)) return step;
  }
  return null;
}

// Particles that join an object to a stage: "支援の試行実施", "関係者との調整", "推進会議での検討".
const JOINING_PARTICLES = ["との", "での", "の"];

export interface MilestoneMatch {
  step: MilestoneStep;
  /**
   * What the cell says before the stage, including the particle or the space that joined them ("支援の",
   * "基本理念②③の事業 "); "" when the cell is only the stage.
   */
  prefix: string;
}

/**
 * A stage named alone ("試行実施") or about an object ("新たな装置等の試行実施", "基本理念②③の事業 検討").
 *
 * The object must be joined by の / との / での or a space: without a separator the stage word is part of a compound
 * whose meaning differs ("全件実施" = every case, "併用実施" = run alongside the old way, "講座見直し・開催" = two
 * actions), so such cells stay free text for a person to classify. A prefix that is itself a stage ("継続実施
 * 継続実施", two cells merged by PDF extraction) is rejected for the same reason.
 */
export function matchMilestone(text: string, ladder: MilestoneLadder): MilestoneMatch | null {
  const whole = findStep(text, ladder);
  if (whole) return { step: whole, prefix: "" };

  // Keep single spaces (they separate the object from the stage) but fold width and dot variants.
  const spaced = text
    .split(/[\s\u00a0\u3000]+/)
    .map(normalizeStepText)
    .filter((part) => part !== "")
    .join(" ");
  const candidates = ladder.steps
    .flatMap((step) => spellings(step).map((spelling) => ({ step, spelling })))
    // Longest first, so "支援の試行実施" is 試行実施 and not 実施 preceded by "試行".
    .sort((a, b) => b.spelling.length - a.spelling.length);
  for (const { step, spelling } of candidates) {
    if (!spaced.endsWith(spelling)) continue;
    const before = spaced.slice(0, spaced.length - spelling.length);
    const joined = before.endsWith(" ") || JOINING_PARTICLES.some((p) => before.endsWith(p));
    if (!joined) continue;
    const object = before.trim();
    if (object === "" || JOINING_PARTICLES.includes(object)) continue;
    if (findStep(object, ladder)) continue;
    return { step, prefix: before };
  }
  return null;
}

/**
 * Problems that make a ladder unusable, as Japanese messages for the settings screen; [] when it is fine.
 * Equal ranks are allowed (two names for one stage); one spelling in two steps is not, because a cell could then
 * be read as either stage.
 */
export function validateLadder(ladder: MilestoneLadder): string[] {
  const errors: string[] = [];
  if (ladder.steps.length === 0) {
    errors.push("段階が1つも定義されていません");
    return errors;
  }
  const owner = new Map<string, string>();
  ladder.steps.forEach((step, i) => {
    const label = step.label.trim();
    const name = label === "" ? `${i + 1}番目の段階` : `段階「${label}」`;
    if (label === "") errors.push(`${i + 1}番目の段階の名称が空です`);
    if (typeof step.rank !== "number" || !Number.isFinite(step.rank)) {
      errors.push(`${name}の順位が数値ではありません`);
    }
    const seenInStep = new Set<string>();
    for (const raw of [step.label, ...(step.aliases ?? [])]) {
      const key = normalizeStepText(raw);
      if (key === "") {
        if (raw !== step.label) errors.push(`${name}に空の別名があります`);
        continue;
      }
      if (seenInStep.has(key)) {
        errors.push(`${name}に「${raw}」が重複して登録されています`);
        continue;
      }
      seenInStep.add(key);
      const other = owner.get(key);
      if (other !== undefined) {
        errors.push(`「${raw}」が段階「${other}」と${name}の両方に登録されています`);
      } else {
        owner.set(key, label === "" ? `${i + 1}番目` : label);
      }
    }
  });
  return errors;
}
