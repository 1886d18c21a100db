// A confirmed merge: the secondary address becomes an alias of the primary person; and its
// undoing, a split: the address becomes a person of its own again, and the pair is remembered
// as two people so it is never suggested again. Pure record changes, applied through the
// people repository's conditional merge. The secondary's record stays (marked `mergedInto`) so
// later mail to that address keeps its sightings, and lookups, edges and cards of the alias
// resolve to the primary. Mining never merges or splits: only these user decisions do, and
// sync keeps every field it does not own, so both outlast re-mining.
import type { PersonDocument } from '../person-document.ts';

export interface MergePlan {
  primary: string;
  secondary: string;
  /** Addresses that were aliases of the secondary: they now point at the primary too. */
  movedAliases: string[];
}

export function planMerge(primary: PersonDocument, secondary: PersonDocument): MergePlan {
  return {
    primary: primary.email,
    secondary: secondary.email,
    movedAliases: (secondary.aliases ?? []).filter((alias) => alias !== primary.email),
  };
}

function sortedUnion(...lists: ReadonlyArray<readonly string[] | undefined>): string[] {
  return [...new Set(lists.flatMap((list) => list ?? []))].sort();
}

/** The record of `email` after the merge (idempotent: applying it twice changes nothing more). */
export function applyMerge(plan: MergePlan, email: string, current: PersonDocument | null): PersonDocument | null {
  if (!current) return null;
  if (email === plan.primary) {
    const aliases = sortedUnion(current.aliases, [plan.secondary], plan.movedAliases).filter((alias) => alias !== plan.primary);
    const { mergedInto: _none, ...rest } = current;
    return withoutNotSameAs({ ...rest, aliases }, plan.secondary);
  }
  if (email === plan.secondary || plan.movedAliases.includes(email)) {
    const { aliases: _moved, ...rest } = current;
    return withoutNotSameAs({ ...rest, mergedInto: plan.primary }, plan.primary);
  }
  return current;
}

/** A user who merges a pair they once split (or dismissed) changed their mind: the old "different people" goes. */
function withoutNotSameAs(person: PersonDocument, other: string): PersonDocument {
  if (!person.notSameAs?.includes(other)) return person;
  const { notSameAs, ...rest } = person;
  const remaining = notSameAs.filter((address) => address !== other);
  return remaining.length > 0 ? { ...rest, notSameAs: remaining } : rest;
}

/**
 * The record of `email` after splitting `secondary` back out of `primary` (idempotent): the
 * primary loses the alias, the secondary loses its link, and both remember they are different
 * people, so the suggestion does not come back. Other aliases stay where they are.
 */
export function applyUnmerge(pair: { primary: string; secondary: string }, email: string, current: PersonDocument | null): PersonDocument | null {
  if (!current) return null;
  if (email === pair.primary) {
    const { aliases, ...rest } = current;
    const remaining = (aliases ?? []).filter((alias) => alias !== pair.secondary);
    return applyNotSameAs([pair.primary, pair.secondary], email, remaining.length > 0 ? { ...rest, aliases: remaining } : rest);
  }
  if (email === pair.secondary) {
    const { mergedInto: _gone, ...rest } = current;
    return applyNotSameAs([pair.primary, pair.secondary], email, rest);
  }
  return current;
}

/** Both records remember that a user said these are different people. */
export function applyNotSameAs(pair: readonly [string, string], email: string, current: PersonDocument | null): PersonDocument | null {
  if (!current) return null;
  const other = email === pair[0] ? pair[1] : pair[0];
  return { ...current, notSameAs: sortedUnion(current.notSameAs, [other]) };
}
