// When an exclusion list grows, what was captured before must go too: the excluded people's
// interactions (every mailbox for a tenant list, the owner's for a personal one), their person
// records and inferred memberships (tenant list), and every score that counted them.
import type { ExclusionList } from '../../../shared/domain/exclusions.ts';
import { createExclusionMatcher, excludeParticipants } from '../mining/apply-exclusions.ts';
import type { ExclusionScope } from '../store/settings-repository.ts';
import type { Repositories } from '../store/repositories.ts';
import { enrichOwner } from './enrich-owner.ts';
import { enrichTenant } from './enrich-tenant.ts';

export interface RetroactiveRemoval {
  interactionsRemoved: number;
  interactionsTrimmed: number;
  peopleRemoved: number;
}

export async function applyExclusionsRetroactively(
  deps: { repositories: Repositories; now: () => Date },
  tenantId: string,
  scope: ExclusionScope,
  list: ExclusionList,
): Promise<RetroactiveRemoval> {
  const { repositories } = deps;
  const matcher = createExclusionMatcher([list]);
  const result: RetroactiveRemoval = { interactionsRemoved: 0, interactionsTrimmed: 0, peopleRemoved: 0 };
  if (matcher.empty) return result;
  const inScope = (ownerEmail: string) => scope.kind === 'tenant' || ownerEmail === scope.ownerEmail;
  const trimmed: Parameters<Repositories['interactions']['upsertMany']>[0][number][] = [];
  const touchedOwners = new Set<string>();
  result.interactionsRemoved = await repositories.interactions.removeWhere(tenantId, (interaction) => {
    if (!inScope(interaction.ownerEmail)) return false;
    const allowed = excludeParticipants(interaction, matcher);
    if (allowed === interaction) return false;
    touchedOwners.add(interaction.ownerEmail);
    if (allowed) trimmed.push(allowed);
    return allowed === null;
  });
  // Interactions that keep other people lose only the excluded ones.
  result.interactionsTrimmed = trimmed.length;
  await repositories.interactions.upsertMany(trimmed);
  if (scope.kind === 'tenant') {
    const people = await repositories.people.listAll(tenantId);
    const excluded = people.filter((person) => matcher.matches(person.email));
    await repositories.people.removeMany(tenantId, excluded.map((person) => person.email));
    result.peopleRemoved = excluded.length;
  }
  for (const ownerEmail of touchedOwners) await enrichOwner(deps, { tenantId, ownerEmail });
  await enrichTenant(deps, tenantId, await repositories.organizations.listAll(tenantId));
  return result;
}
