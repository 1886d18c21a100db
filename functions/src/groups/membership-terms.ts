// Membership terms: board seats and rotations start and end on dates. A term whose end date has
// passed is a past role; the end day itself still counts as current. Pure.

/** Today's date in UTC, "YYYY-MM-DD": terms are days, and one clock for the whole tenant keeps
 * "current" the same for every caller. */
export function formatTermDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function isTermCurrent(term: { end?: string | null }, today: string): boolean {
  return !term.end || term.end >= today;
}

/** Null when the term is valid, else what is wrong with it (for a 400 naming the field). */
export function findTermProblem(term: { start?: string | null; end?: string | null }): string | null {
  if (term.start && term.end && term.end < term.start) return `end: ${term.end} is before the term's start ${term.start}`;
  return null;
}
