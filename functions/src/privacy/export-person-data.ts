// Everything Crosswalk holds about one person, for a records request (admins only): their person
// record, their group memberships, the team's relationship aggregates with them (strength, never
// the owners' interactions or subjects, which belong to those mailboxes), the audit trail about
// them, their privacy marks, and how many interactions their own mailbox's ledger holds.
import { normalizeEmail } from '../../../shared/domain/email-address.ts';
import { AUDIT_PAGE_SIZE } from '../../../shared/domain/group.ts';
import { makePersonId } from '../enrichment/merge-person.ts';
import { makeOwnerKey } from '../mining/mine-message.ts';
import { requirePrivacyRepository, type PrivacyDependencies } from './privacy-dependencies.ts';

/** Cosmos's own fields (_rid, _etag, …) are storage, not data about the person. */
function withoutSystemFields<T extends object>(document: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_')));
}

export async function exportPersonData(deps: Pick<PrivacyDependencies, 'repositories' | 'now'>, options: { tenantId: string; email: string }) {
  const { repositories } = deps;
  const privacy = requirePrivacyRepository(repositories);
  const { tenantId } = options;
  const email = normalizeEmail(options.email);
  const personId = makePersonId(tenantId, email);
  const [people, memberships, edges, audit, optOut, doNotTrack, ownLedger] = await Promise.all([
    repositories.people.findByEmails(tenantId, [email]),
    repositories.groups.findMembershipsForPeople(tenantId, [email]),
    privacy.listEdgesAsContact(tenantId, email),
    repositories.audit.listForPerson(tenantId, personId, { limit: AUDIT_PAGE_SIZE }),
    privacy.readOptOut(tenantId, email),
    privacy.listDoNotTrack(tenantId),
    repositories.interactions.listByOwner(tenantId, makeOwnerKey(tenantId, email)),
  ]);
  return {
    email,
    personId,
    exportedAt: deps.now().toISOString(),
    person: people[0] ? withoutSystemFields(people[0]) : null,
    memberships: memberships.map(withoutSystemFields),
    relationships: edges.map((edge) => ({ ownerEmail: edge.ownerEmail, strength: edge.strength })),
    audit: audit.map(withoutSystemFields),
    privacy: {
      optedOut: optOut,
      doNotTrack: doNotTrack.find((entry) => entry.email === email) ?? null,
    },
    mailbox: { interactions: ownLedger.length },
  };
}
