// User Timing marks for the pane's speed budget (bench/pane.ts reads them in headless Chromium;
// they are also visible in any browser's performance tools): Office ready, another item selected,
// and the cards painted with data. Cheap, and silent where the Performance API is missing.
export const PANE_MARKS = {
  officeReady: 'crosswalk:office-ready',
  itemChanged: 'crosswalk:item-changed',
  cardsPainted: 'crosswalk:cards-painted',
} as const;

export function markPaneTiming(name: (typeof PANE_MARKS)[keyof typeof PANE_MARKS], detail?: Record<string, unknown>): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  try {
    performance.mark(name, detail ? { detail } : undefined);
  } catch {
    // An older engine without mark options: the name alone still times it.
    performance.mark(name);
  }
}

/** Marks once the browser has painted what was just rendered (the frame after the next one). */
export function markAfterPaint(name: (typeof PANE_MARKS)[keyof typeof PANE_MARKS], detail?: Record<string, unknown>): () => void {
  if (typeof requestAnimationFrame !== 'function') return () => {};
  let second = 0;
  const first = requestAnimationFrame(() => {
    second = requestAnimationFrame(() => markPaneTiming(name, detail));
  });
  return () => {
    cancelAnimationFrame(first);
    if (second) cancelAnimationFrame(second);
  };
}
