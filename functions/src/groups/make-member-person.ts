// A person added to a group before Crosswalk saw them in any mail: a minimal record, so their
// card and the group's member list show them. Later mail and directory syncs fill in the rest
// (mergeObservations keeps the better attribute). Pure.
import type { OrganizationSummary } from '../../../shared/domain/person-card.ts';
import { makePersonId } from '../enrichment/merge-person.ts';
import type { PersonDocument } from '../enrichment/person-document.ts';

export function makeMemberPerson(options: {
  tenantId: string;
  email: string;
  organization: OrganizationSummary | null;
  now: string;
}): PersonDocument {
  const { tenantId, email, now } = options;
  return {
    id: makePersonId(tenantId, email),
    tenantId,
    email,
    // Nobody typed a name: the address stands in, with the lowest confidence, until one is seen.
    displayName: { value: email, source: 'inferred', observedAt: now, confidence: 0.1 },
    title: null,
    department: null,
    inTenant: false,
    organization: options.organization,
    firstSeenAt: now,
    lastSeenAt: now,
  };
}
