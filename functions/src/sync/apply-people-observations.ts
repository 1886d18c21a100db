// Writes what a page of interactions, or of a mailbox's contacts and Graph people, says about
// people: reads the people it mentions, folds the facts in (pure), writes back only what changed.
import type { PersonObservation } from '../mining/observe-people.ts';
import { createExclusionMatcher } from '../mining/apply-exclusions.ts';
import { mergeContact, mergeObservations, type ContactFacts } from '../enrichment/merge-person.ts';
import { resolveOrganization, type OrganizationEntry } from '../enrichment/resolve-organization.ts';
import { getDotgovRegistry } from '../registry/load-dotgov-registry.ts';
import type { Repositories } from '../store/repositories.ts';

export async function applyPeopleObservations(
  repositories: Pick<Repositories, 'people'>,
  tenantId: string,
  observations: readonly PersonObservation[],
  directory: readonly OrganizationEntry[],
): Promise<number> {
  const byEmail = new Map<string, PersonObservation[]>();
  for (const observation of observations) {
    const list = byEmail.get(observation.email) ?? [];
    list.push(observation);
    byEmail.set(observation.email, list);
  }
  if (byEmail.size === 0) return 0;
  const registry = getDotgovRegistry();
  return repositories.people.mergeMany(tenantId, [...byEmail.keys()], (email, current) => ({
    ...mergeObservations(tenantId, current, byEmail.get(email) ?? []),
    organization: resolveOrganization(email, directory, { registry }),
  }));
}

export interface ApplyContactFactsOptions {
  /** Whose contacts or people list it is: their own exclusion list applies too. */
  ownerEmail: string;
  source: 'contact' | 'graph-people';
  observedAt: string;
}

/**
 * Folds what one owner's contacts or people list says into people the tenant already knows
 * (from mail, meetings or the directory): an address book never creates a person, so nobody
 * becomes visible to the team only because they are in someone's contacts. Addresses on the
 * tenant's, the do-not-track or the owner's exclusion lists are skipped. Returns records written.
 */
export async function applyContactFacts(
  repositories: Pick<Repositories, 'people' | 'settings' | 'privacy'>,
  tenantId: string,
  facts: readonly ContactFacts[],
  options: ApplyContactFactsOptions,
): Promise<number> {
  if (facts.length === 0) return 0;
  const matcher = createExclusionMatcher([
    await repositories.settings.readExclusions(tenantId, { kind: 'tenant' }),
    { addresses: (await repositories.privacy?.listDoNotTrack(tenantId))?.map((entry) => entry.email) ?? [], domains: [] },
    await repositories.settings.readExclusions(tenantId, { kind: 'user', ownerEmail: options.ownerEmail }),
  ]);
  const byEmail = new Map<string, ContactFacts[]>();
  for (const entry of facts) {
    if (matcher.matches(entry.email)) continue;
    byEmail.set(entry.email, [...(byEmail.get(entry.email) ?? []), entry]);
  }
  if (byEmail.size === 0) return 0;
  return repositories.people.mergeMany(tenantId, [...byEmail.keys()], (email, current) =>
    current === null
      ? null
      : (byEmail.get(email) ?? []).reduce((person, entry) => mergeContact(tenantId, person, entry, options.observedAt, { source: options.source }), current),
  );
}
