// Which stored person an address means: the record of that address, unless a user merged it
// into another person (then the primary), or a plus-address whose base person is known.
// Pure: the lookup reads candidate records in one query and resolves here.
import { normalizeEmail } from '../../../../shared/domain/email-address.ts';
import type { PersonDocument } from '../person-document.ts';
import { canonicalizeAddress } from './normalize-address.ts';

/** Alias → primary address, from records marked `mergedInto` and primaries' `aliases`. */
export function buildAliasMap(people: readonly Pick<PersonDocument, 'email' | 'aliases' | 'mergedInto'>[]): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const person of people) {
    for (const alias of person.aliases ?? []) if (alias !== person.email) aliases.set(alias, person.email);
  }
  // A record's own mark wins over a primary's list: it is written in the same merge and read back here.
  for (const person of people) if (person.mergedInto && person.mergedInto !== person.email) aliases.set(person.email, person.mergedInto);
  return aliases;
}

/** Follows alias → primary links (a merged primary may itself have been merged later), stopping on a cycle. */
export function resolvePrimaryAddress(address: string, aliases: ReadonlyMap<string, string>): string {
  let current = normalizeEmail(address);
  const visited = new Set<string>([current]);
  for (let next = aliases.get(current); next && !visited.has(next); next = aliases.get(current)) {
    current = next;
    visited.add(current);
  }
  return current;
}

/**
 * The person an address means among candidate records: alias links first, then the
 * address's own record, then (for a plus-address) the record of its base address.
 */
export function resolvePerson(address: string, candidates: readonly PersonDocument[]): PersonDocument | undefined {
  const byEmail = new Map(candidates.map((person) => [person.email, person]));
  const aliases = buildAliasMap(candidates);
  const canonical = canonicalizeAddress(address, { isKnown: (base) => byEmail.has(base) || aliases.has(base) });
  const primary = resolvePrimaryAddress(canonical, aliases);
  const found = byEmail.get(primary) ?? byEmail.get(canonical) ?? byEmail.get(normalizeEmail(address));
  // Without the primary's record at hand, the merged record still describes the person.
  return found;
}
