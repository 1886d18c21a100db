// The one write path for mined interactions, whatever their source (Graph sync, mailbox-file
// import): drop what the tenant's and the owner's exclusion lists forbid, store the rest under
// stable ids and fold what they say about people into the people records. Idempotent:
// applying the same interactions again changes nothing.
import type { Interaction } from '../../../shared/domain/interaction.ts';
import { createExclusionMatcher, excludeParticipants } from '../mining/apply-exclusions.ts';
import { observePeople } from '../mining/observe-people.ts';
import type { OrganizationEntry } from '../enrichment/resolve-organization.ts';
import type { Repositories } from '../store/repositories.ts';
import { applyPeopleObservations } from './apply-people-observations.ts';

export async function applyInteractions(
  repositories: Pick<Repositories, 'interactions' | 'people' | 'settings'>,
  tenantId: string,
  interactions: readonly Interaction[],
  directory: readonly OrganizationEntry[],
): Promise<void> {
  if (interactions.some((interaction) => interaction.tenantId !== tenantId)) throw new Error('interaction of another tenant');
  const owners = [...new Set(interactions.map((interaction) => interaction.ownerEmail))];
  const tenantList = await repositories.settings.readExclusions(tenantId, { kind: 'tenant' });
  const kept: Interaction[] = [];
  for (const ownerEmail of owners) {
    const matcher = createExclusionMatcher([tenantList, await repositories.settings.readExclusions(tenantId, { kind: 'user', ownerEmail })]);
    for (const interaction of interactions) {
      if (interaction.ownerEmail !== ownerEmail) continue;
      const allowed = excludeParticipants(interaction, matcher);
      if (allowed) kept.push(allowed);
    }
  }
  await repositories.interactions.upsertMany(kept);
  await applyPeopleObservations(repositories, tenantId, observePeople(kept), directory);
}
