// Short, human times for cards ("today", "4 days ago", "3 months ago").
const DAY_MS = 86_400_000;

/** Describes how long ago `iso` was, relative to `now`; future times read as "today". */
export function formatRelativeTime(options: { iso: string; now: Date }): string {
  const then = Date.parse(options.iso);
  if (Number.isNaN(then)) return 'unknown';
  const days = Math.floor((options.now.getTime() - then) / DAY_MS);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.floor(days / 7)} weeks ago`;
  if (days < 365) return `${Math.floor(days / 30)} months ago`;
  const years = Math.floor(days / 365);
  return years === 1 ? '1 year ago' : `${years} years ago`;
}

/** A compact calendar date such as "Mar 4" (this year) or "Mar 4, 2025". */
export function formatShortDate(options: { iso: string; now: Date }): string {
  const date = new Date(options.iso);
  if (Number.isNaN(date.getTime())) return '';
  const sameYear = date.getFullYear() === options.now.getFullYear();
  return date.toLocaleDateString('en-US', sameYear ? { month: 'short', day: 'numeric' } : { month: 'short', day: 'numeric', year: 'numeric' });
}
