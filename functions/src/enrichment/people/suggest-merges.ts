// Merge suggestions: the same full name at two domains is often one person who moved ("Jess
// Morgan at orcacounty-cascadia.gov and housing.cascadia.gov — she may have moved from the
// county to the state"). Only suggested; a user confirms (merge) or dismisses (notSameAs).
// Pure and computed from the people records whenever asked, so nothing goes stale.
import { domainOfEmail } from '../../../../shared/domain/email-address.ts';
import { makeStableId } from '../../ids/make-stable-id.ts';
import type { PersonDocument } from '../person-document.ts';

/** More people than this with one name are probably namesakes, not one person moving around. */
export const MAX_NAMESAKES = 3;

export interface MergeCandidate {
  email: string;
  displayName: string;
  domain: string;
  organization: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface MergeSuggestion {
  id: string;
  name: string;
  /** The earlier address first. */
  people: [MergeCandidate, MergeCandidate];
  /** The address seen more recently: the person's current one, if they moved. */
  suggestedPrimary: string;
  message: string;
}

/** "Jess Morgan", "jess  MORGAN", "Jéss Morgan" are one name; a single word is too weak to match on. */
export function makeNameKey(name: string): string | null {
  const key = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z\s'-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return key.split(' ').length >= 2 ? key : null;
}

export function makeMergeSuggestionId(tenantId: string, a: string, b: string): string {
  const [first, second] = [a, b].sort() as [string, string];
  return makeStableId(tenantId, 'merge-suggestion', first, second);
}

function toCandidate(person: PersonDocument): MergeCandidate {
  return {
    email: person.email,
    displayName: person.displayName.value,
    domain: domainOfEmail(person.email),
    organization: person.organization?.name ?? null,
    firstSeenAt: person.firstSeenAt,
    lastSeenAt: person.lastSeenAt,
  };
}

function describe(name: string, older: MergeCandidate, newer: MergeCandidate): string {
  const from = older.organization ?? older.domain;
  const to = newer.organization ?? newer.domain;
  const move = from === to ? `They may have a second address at ${to}.` : `They may have moved from ${from} to ${to}.`;
  return `${name} at ${older.domain} and ${newer.domain} — same person? ${move}`;
}

export function suggestMerges(tenantId: string, people: readonly PersonDocument[]): MergeSuggestion[] {
  const byName = new Map<string, PersonDocument[]>();
  for (const person of people) {
    // Merged records are aliases already; a name made up from the address says nothing.
    if (person.mergedInto || person.displayName.source === 'inferred') continue;
    const key = makeNameKey(person.displayName.value);
    if (!key) continue;
    byName.set(key, [...(byName.get(key) ?? []), person]);
  }
  const suggestions: MergeSuggestion[] = [];
  for (const namesakes of byName.values()) {
    if (namesakes.length < 2 || namesakes.length > MAX_NAMESAKES) continue;
    for (let i = 0; i < namesakes.length; i += 1) {
      for (let j = i + 1; j < namesakes.length; j += 1) {
        const [a, b] = [namesakes[i]!, namesakes[j]!];
        if (domainOfEmail(a.email) === domainOfEmail(b.email)) continue;
        // Two accounts in the tenant's own directory are two people the directory knows apart.
        if (a.inTenant && b.inTenant) continue;
        if (a.notSameAs?.includes(b.email) || b.notSameAs?.includes(a.email)) continue;
        if (a.aliases?.includes(b.email) || b.aliases?.includes(a.email)) continue;
        const [older, newer] = [toCandidate(a), toCandidate(b)].sort(
          (x, y) => x.lastSeenAt.localeCompare(y.lastSeenAt) || x.firstSeenAt.localeCompare(y.firstSeenAt) || x.email.localeCompare(y.email),
        ) as [MergeCandidate, MergeCandidate];
        const name = newer.displayName;
        suggestions.push({
          id: makeMergeSuggestionId(tenantId, a.email, b.email),
          name,
          people: [older, newer],
          suggestedPrimary: newer.email,
          message: describe(name, older, newer),
        });
      }
    }
  }
  return suggestions.sort((x, y) => y.people[1].lastSeenAt.localeCompare(x.people[1].lastSeenAt) || x.id.localeCompare(y.id));
}
