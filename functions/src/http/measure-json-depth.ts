// How deeply a JSON text nests, measured on the text before it is parsed. V8's JSON.parse copes
// with any depth, but what comes after it (validation, JSON.stringify, Cosmos's SDK) recurses
// and would overflow the stack on a hostile 10,000-level body: such bodies are refused up front.

/** The deepest nesting of objects and arrays in `text`, stopping early once past `limit`. */
export function measureJsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
      continue;
    }
    if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (char === 0x7d || char === 0x5d) depth -= 1;
  }
  return deepest;
}
