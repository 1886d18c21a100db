// How well a name matches what the user typed, for ordering type-ahead results: the whole name,
// then its start, then a whole word, then the start of a word, then anywhere; ties by name. Pure.

/** 0 (best) to 4, or null when the text does not occur at all: the whole name, its start, a whole
 * word, the start of a word, anywhere. */
export function scoreMatch(name: string, text: string): number | null {
  const haystack = name.toLowerCase();
  const needle = text.toLowerCase();
  if (!needle) return null;
  if (haystack === needle) return 0;
  if (haystack.startsWith(needle)) return 1;
  let best: number | null = null;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const wordStart = isBoundary(haystack[at - 1]);
    const score = wordStart ? (isBoundary(haystack[at + needle.length]) ? 2 : 3) : 4;
    if (best === null || score < best) best = score;
  }
  return best;
}

function isBoundary(character: string | undefined): boolean {
  return character === undefined || /[\s\-–—.,'()@/_]/.test(character);
}

/** The items whose name (or any of their other keys) matches, best first, at most `limit`. */
export function rankMatches<T>(items: readonly T[], text: string, options: { keysOf: (item: T) => readonly string[]; limit: number }): T[] {
  const scored: { item: T; score: number; name: string }[] = [];
  for (const item of items) {
    const keys = options.keysOf(item);
    let best: number | null = null;
    for (const key of keys) {
      const score = scoreMatch(key, text);
      if (score !== null && (best === null || score < best)) best = score;
    }
    if (best !== null) scored.push({ item, score: best, name: keys[0] ?? '' });
  }
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return scored.slice(0, options.limit).map((entry) => entry.item);
}
