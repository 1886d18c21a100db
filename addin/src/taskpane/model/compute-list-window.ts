// Windowing for long lists of fixed-height rows (a 5,000-member coalition): which rows to
// render for a scroll position, where to scroll to bring a row into view, and where keyboard
// navigation goes. Pure.

export interface ListWindow {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
}

/** The rows in view plus `overscan` on either side, so a quick scroll does not show blank space. */
export function computeListWindow(options: { scrollTop: number; viewportHeight: number; rowHeight: number; count: number; overscan: number }): ListWindow {
  const { scrollTop, viewportHeight, rowHeight, count, overscan } = options;
  if (count === 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + viewportHeight) / rowHeight);
  const start = Math.min(count - 1, Math.max(0, first - overscan));
  return { start, end: Math.max(start + 1, Math.min(count, last + overscan)) };
}

/** The scroll position that shows row `index` whole, moving as little as possible. */
export function computeScrollToReveal(options: { index: number; scrollTop: number; viewportHeight: number; rowHeight: number }): number {
  const { index, scrollTop, viewportHeight, rowHeight } = options;
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return Math.max(0, top + rowHeight - viewportHeight);
  return scrollTop;
}

export type ListKey = 'ArrowDown' | 'ArrowUp' | 'PageDown' | 'PageUp' | 'Home' | 'End';

/** The row a navigation key moves to; null for other keys. A page is the rows that fit in view. */
export function moveListFocus(options: { key: string; index: number; count: number; pageSize: number }): number | null {
  const { key, index, count } = options;
  if (count === 0) return null;
  const page = Math.max(1, options.pageSize);
  const clamp = (value: number) => Math.min(count - 1, Math.max(0, value));
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1);
    case 'ArrowUp':
      return clamp(index - 1);
    case 'PageDown':
      return clamp(index + page);
    case 'PageUp':
      return clamp(index - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
