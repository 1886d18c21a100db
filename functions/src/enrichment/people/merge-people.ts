// A confirmed merge: the secondary address becomes an alias of the primary person. Pure
// record changes, applied through the people repository's conditional merge. The secondary's
// record stays (marked `mergedInto`) so later mail to that address keeps its sightings, and
// lookups, edges and cards of the alias resolve to the primary.
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
    return { ...rest, aliases };
  }
  if (email === plan.secondary || plan.movedAliases.includes(email)) {
    const { aliases: _moved, ...rest } = current;
    return { ...rest, mergedInto: plan.primary };
  }
  return current;
}

/** Both records remember that a user said these are different people. */
export function applyNotSameAs(pair: readonly [string, string], email: string, current: PersonDocument | null): PersonDocument | null {
  if (!current) return null;
  const other = email === pair[0] ? pair[1] : pair[0];
  return { ...current, notSameAs: sortedUnion(current.notSameAs, [other]) };
}
