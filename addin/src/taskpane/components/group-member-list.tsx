// The member list, windowed: only the rows in view (and a few either side) are in the page, so
// a 5,000-member coalition scrolls as smoothly as a small group. Rows have one fixed height.
// Keyboard: the list is one tab stop; arrows, Page Up / Down, Home and End move between rows
// (scrolling the row into view), Tab reaches the focused row's actions. Screen readers hear
// each row's position in the whole list (aria-posinset / aria-setsize). Scrolling near the end
// asks for the next page.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Member } from '../../../../shared/domain/group.ts';
import { computeListWindow, computeScrollToReveal, moveListFocus } from '../model/compute-list-window.ts';
import { MEMBER_ROW_HEIGHT } from './group-member-row.tsx';

/** Rows rendered beyond each edge of the view. */
const OVERSCAN = 6;
/** The view's height where layout cannot tell (tests without a layout engine). */
const FALLBACK_VIEWPORT_HEIGHT = 480;
/** Start fetching the next page this many rows before the end. */
const PREFETCH_ROWS = 20;

const useStyles = makeStyles({
  scroller: {
    maxHeight: 'min(70vh, 640px)',
    overflowY: 'auto',
    position: 'relative',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  list: { listStyle: 'none', margin: 0, padding: 0, position: 'relative' },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
});

export interface MemberListFocusRequest {
  personId: string;
  /** A new number asks again for the same person. */
  nonce: number;
}

export function GroupMemberList(props: {
  members: readonly Member[];
  /** The row's content; `tabbable` is true for the one row that holds the list's tab stop. */
  renderRow: (member: Member, options: { tabbable: boolean }) => ReactNode;
  /** There are more pages to fetch and nothing is in the way (loading, an error). */
  canLoadMore: boolean;
  onLoadMore: () => void;
  /** Moves focus to a person's row (after a dialog about them closes). */
  focusRequest?: MemberListFocusRequest | null;
}) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(FALLBACK_VIEWPORT_HEIGHT);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const count = props.members.length;
  const activeIndex = Math.min(active, Math.max(0, count - 1));
  const range = computeListWindow({ scrollTop, viewportHeight, rowHeight: MEMBER_ROW_HEIGHT, count, overscan: OVERSCAN });

  // The view's real height, when there is layout, and whenever the pane is resized.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setViewportHeight(element.clientHeight || FALLBACK_VIEWPORT_HEIGHT);
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(element);
    return () => observer?.disconnect();
  }, []);

  // Focus lands on a row once it is rendered (after a key moved the window to it).
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const row = list.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus.current}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus();
    }
  });

  const { canLoadMore, onLoadMore } = props;
  useEffect(() => {
    if (canLoadMore && range.end >= count - PREFETCH_ROWS) onLoadMore();
  }, [canLoadMore, onLoadMore, range.end, count]);

  /** Scrolls row `index` into view, makes it the tab stop, and focuses it. */
  const goTo = (index: number) => {
    const element = scroller.current;
    const next = computeScrollToReveal({ index, scrollTop, viewportHeight, rowHeight: MEMBER_ROW_HEIGHT });
    if (element && next !== scrollTop) element.scrollTop = next;
    setScrollTop(next);
    setActive(index);
    pendingFocus.current = index;
  };

  const focusRequest = props.focusRequest;
  useEffect(() => {
    if (!focusRequest) return;
    const index = props.members.findIndex((m) => m.personId === focusRequest.personId);
    // A removed person's place goes to whoever follows them.
    goTo(index >= 0 ? index : Math.min(activeIndex, Math.max(0, count - 1)));
    // Only a new request moves focus, not every change of the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    // Keys inside a row (its actions button) are the row's own.
    if (target.dataset.index === undefined) return;
    const pageSize = Math.max(1, Math.floor(viewportHeight / MEMBER_ROW_HEIGHT) - 1);
    const next = moveListFocus({ key: event.key, index: Number(target.dataset.index), count, pageSize });
    if (next === null) return;
    event.preventDefault();
    goTo(next);
  };

  const rows: ReactNode[] = [];
  for (let index = range.start; index < range.end; index += 1) {
    const member = props.members[index];
    if (!member) continue;
    const tabbable = index === activeIndex;
    rows.push(
      <li
        key={member.personId}
        data-index={index}
        className={styles.row}
        style={{ top: index * MEMBER_ROW_HEIGHT, height: MEMBER_ROW_HEIGHT }}
        tabIndex={tabbable ? 0 : -1}
        aria-posinset={index + 1}
        aria-setsize={count}
        // Focus inside a row (its actions button) makes it the list's tab stop too.
        onFocus={() => setActive(index)}
      >
        {props.renderRow(member, { tabbable })}
      </li>,
    );
  }

  return (
    <div ref={scroller} className={styles.scroller} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <ul ref={list} className={styles.list} aria-label="Members" style={{ height: count * MEMBER_ROW_HEIGHT }} onKeyDown={onKeyDown}>
        {rows}
      </ul>
    </div>
  );
}
