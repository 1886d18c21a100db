// Puts what an admin and Dana's team would have typed into Crosswalk for the demo tenant:
// the directory of partner organizations and the group memberships they entered by hand.
// Everything else on a card is mined from the Graph stand-in.
import type { DemoTenant } from './tenant/tenant-types.ts';
import { normalizeEmail } from '../shared/domain/email-address.ts';
import type { GroupDocument, MembershipDocument } from '../functions/src/enrichment/group-documents.ts';
import { makeStableId } from '../functions/src/ids/make-stable-id.ts';
import type { OrganizationDocument } from '../functions/src/store/organizations-repository.ts';
import type { Repositories } from '../functions/src/store/repositories.ts';
import { makeGroupId } from '../functions/src/sync/enrich-tenant.ts';

export async function seedDemoTenant(repositories: Repositories, tenant: DemoTenant, options: { now: string }): Promise<void> {
  const { tenantId } = tenant;
  const organizations: OrganizationDocument[] = tenant.organizations.map((o) => ({
    id: makeStableId(tenantId, 'organization', o.name),
    tenantId,
    name: o.name,
    kind: o.kind,
    domains: o.domains.map((d) => d.toLowerCase()),
    source: 'directory',
  }));
  await repositories.organizations.upsertMany(tenantId, organizations);

  const groups = new Map<string, GroupDocument>();
  const memberships: MembershipDocument[] = [];
  for (const seed of tenant.seedMemberships) {
    const groupId = makeGroupId(tenantId, seed.group);
    groups.set(groupId, { id: groupId, tenantId, docType: 'group', name: seed.group, kind: seed.groupKind, source: 'manual', createdAt: options.now });
    const email = normalizeEmail(seed.email);
    memberships.push({
      id: makeStableId(tenantId, 'membership', groupId, email, 'manual'),
      tenantId,
      docType: 'membership',
      groupId,
      groupName: seed.group,
      groupKind: seed.groupKind,
      email,
      role: seed.role,
      source: 'manual',
      addedBy: normalizeEmail(seed.addedBy),
      addedAt: options.now,
    });
  }
  await repositories.groups.upsertGroups(tenantId, [...groups.values()]);
  await repositories.groups.upsertMemberships(tenantId, memberships);
}
