/**
 * Levenshtein edit distance (insertions, deletions, substitutions each cost 1).
 *
 * Written here rather than taken from a package because none is installed and names are short; two rows of the
 * dynamic-programming table are enough. Works on code points, so a kanji outside the BMP (𠮷) counts as one
 * character, not two UTF-16 units.
 */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;

  // previous[j] = distance between the first i-1 characters of s and the first j characters of t.
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const substitution = (previous[j - 1] as number) + (s[i - 1] === t[j - 1] ? 0 : 1);
      const deletion = (previous[j] as number) + 1;
      const insertion = (current[j - 1] as number) + 1;
      current[j] = Math.min(substitution, deletion, insertion);
    }
    [previous, current] = [current, previous];
  }
  return previous[t.length] as number;
}

/**
 * Whether the distance is at most `max`, without filling the table when the lengths alone already rule it out:
 * duplicate search compares one new person with every registered person, and most pairs differ in length.
 */
export function withinEditDistance(a: string, b: string, max: number): boolean {
  const lengthDifference = Math.abs(Array.from(a).length - Array.from(b).length);
  if (lengthDifference > max) return false;
  return levenshtein(a, b) <= max;
}
