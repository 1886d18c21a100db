// The one write path for mined interactions, whatever their source (Graph sync, mailbox-file
// import): skip opted-out mailboxes, drop what the tenant's and the owner's exclusion lists and
// the do-not-track list forbid, store the rest under stable ids and fold what they say about
// people into the people records. Idempotent:
// applying the same interactions again changes nothing.
import type { Interaction } from '../../../shared/domain/interaction.ts';
import { createExclusionMatcher, excludeParticipants } from '../mining/apply-exclusions.ts';
import { observePeople } from '../mining/observe-people.ts';
import type { OrganizationEntry } from '../enrichment/resolve-organization.ts';
import type { Repositories } from '../store/repositories.ts';
import { applyPeopleObservations } from './apply-people-observations.ts';

export async function applyInteractions(
  repositories: Pick<Repositories, 'interactions' | 'people' | 'settings' | 'privacy'>,
  tenantId: string,
  interactions: readonly Interaction[],
  directory: readonly OrganizationEntry[],
): Promise<void> {
  if (interactions.some((interaction) => interaction.tenantId !== tenantId)) throw new Error('interaction of another tenant');
  const owners = [...new Set(interactions.map((interaction) => interaction.ownerEmail))];
  const tenantList = await repositories.settings.readExclusions(tenantId, { kind: 'tenant' });
  // Privacy (functions/src/privacy): do-not-track addresses are excluded like the tenant's list,
  // but kept apart from it so an admin replacing that list cannot resume tracking anyone.
  const doNotTrack = { addresses: (await repositories.privacy?.listDoNotTrack(tenantId))?.map((entry) => entry.email) ?? [], domains: [] };
  const kept: Interaction[] = [];
  for (const ownerEmail of owners) {
    // An opted-out mailbox is not mined, whatever the scheduler or an import sends here.
    if (await repositories.privacy?.readOptOut(tenantId, ownerEmail)) continue;
    const matcher = createExclusionMatcher([tenantList, doNotTrack, await repositories.settings.readExclusions(tenantId, { kind: 'user', ownerEmail })]);
    for (const interaction of interactions) {
      if (interaction.ownerEmail !== ownerEmail) continue;
      const allowed = excludeParticipants(interaction, matcher);
      if (allowed) kept.push(allowed);
    }
  }
  await repositories.interactions.upsertMany(kept);
  await applyPeopleObservations(repositories, tenantId, observePeople(kept), directory);
}
