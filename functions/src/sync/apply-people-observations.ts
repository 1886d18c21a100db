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
  const registry = getDotgovRegistry();
  return repositories.people.mergeMany(tenantId, [...byEmail.keys()], (email, current) => ({
    ...mergeObservations(tenantId, current, byEmail.get(email) ?? []),
    organization: resolveOrganization(email, directory, { registry }),
  }));
}
