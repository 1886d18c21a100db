// Writes what a page of interactions says about people: reads the people it mentions,
// folds the observations in (pure), writes back only what changed.
import type { PersonObservation } from '../mining/observe-people.ts';
import { mergeObservations } from '../enrichment/merge-person.ts';
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
  const existing = new Map(
    (await repositories.people.findByEmails(tenantId, [...byEmail.keys()])).map((person) => [person.email, person]),
  );
  const changed = [];
  for (const [email, list] of byEmail) {
    const before = existing.get(email) ?? null;
    const merged = mergeObservations(tenantId, before, list);
    const withOrganization = { ...merged, organization: resolveOrganization(email, directory, { registry: getDotgovRegistry() }) };
    if (JSON.stringify(withOrganization) !== JSON.stringify(before && stripSystemFields(before))) changed.push(withOrganization);
  }
  await repositories.people.upsertMany(tenantId, changed);
  return changed.length;
}

/** Cosmos adds _rid, _etag and friends on read; compare without them. */
function stripSystemFields<T extends object>(document: T): T {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_'))) as T;
}
