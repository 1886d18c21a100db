// The one write path for mined interactions, whatever their source (Graph sync, mailbox-file
// import): store them under their stable ids and fold what they say about people into the
// people records. Idempotent: applying the same interactions again changes nothing.
import type { Interaction } from '../../../shared/domain/interaction.ts';
import { observePeople } from '../mining/observe-people.ts';
import type { OrganizationEntry } from '../enrichment/resolve-organization.ts';
import type { Repositories } from '../store/repositories.ts';
import { applyPeopleObservations } from './apply-people-observations.ts';

export async function applyInteractions(
  repositories: Pick<Repositories, 'interactions' | 'people'>,
  tenantId: string,
  interactions: readonly Interaction[],
  directory: readonly OrganizationEntry[],
): Promise<void> {
  if (interactions.some((interaction) => interaction.tenantId !== tenantId)) throw new Error('interaction of another tenant');
  await repositories.interactions.upsertMany(interactions);
  await applyPeopleObservations(repositories, tenantId, observePeople(interactions), directory);
}
