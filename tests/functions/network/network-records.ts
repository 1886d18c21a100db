// Stored records for the network map's tests, as sync and the groups API write them: people with
// an organization, owner ↔ contact edges (with a subject in the owner's last interactions, which
// must never reach the map) and memberships. Plain data.
import type { OrganizationSummary } from '../../../shared/domain/person-card.ts';
import { labelStrength, makeEdgeId, type EdgeDocument } from '../../../functions/src/enrichment/build-edges.ts';
import type { MembershipDocument } from '../../../functions/src/enrichment/group-documents.ts';
import { makePersonId } from '../../../functions/src/enrichment/merge-person.ts';
import type { PersonDocument } from '../../../functions/src/enrichment/person-document.ts';

export const housing: OrganizationSummary = { id: 'org-housing', name: 'Cascadia Department of Housing', kind: 'state', kindLabel: 'State agency', domain: 'housing.cascadia.gov' };
export const health: OrganizationSummary = { id: 'org-health', name: 'Cascadia Public Health', kind: 'state', kindLabel: 'State agency', domain: 'health.cascadia.gov' };
/** No directory entry: keyed by its domain. */
export const fernridge: OrganizationSummary = { name: 'Fernridge Collective', kind: 'nonprofit', kindLabel: 'Nonprofit', domain: 'fernridge.org' };

const observedAt = '2026-01-05T00:00:00.000Z';

export function makePersonRecord(tenantId: string, email: string, name: string, organization: OrganizationSummary | null, extra: Partial<PersonDocument> = {}): PersonDocument {
  return {
    id: makePersonId(tenantId, email),
    tenantId,
    email,
    displayName: { value: name, source: 'graph-profile', observedAt, confidence: 1 },
    title: { value: `${name.split(' ')[0]}'s title`, source: 'graph-profile', observedAt, confidence: 1 },
    department: null,
    inTenant: true,
    organization,
    firstSeenAt: observedAt,
    lastSeenAt: observedAt,
    ...extra,
  };
}

export function makeEdgeRecord(tenantId: string, owner: string, contact: string, score: number, subject = `Private subject of ${owner}`): EdgeDocument {
  return {
    id: makeEdgeId(tenantId, owner, contact),
    tenantId,
    ownerEmail: owner,
    contactEmail: contact,
    strength: { score, label: labelStrength(score), emailsSent: 4, emailsReceived: 3, meetings: 1, lastInteractionAt: '2026-11-01T00:00:00.000Z' },
    lastInteractions: [{ at: '2026-11-01T00:00:00.000Z', kind: 'email', direction: 'sent', subject }],
  };
}

export function makeMembershipRecord(tenantId: string, options: { email: string; groupId: string; groupName: string; role?: string }): MembershipDocument {
  const role = options.role ?? 'member';
  return {
    id: `${options.groupId}|${options.email}|${role}`,
    tenantId,
    docType: 'membership',
    groupId: options.groupId,
    groupName: options.groupName,
    groupKind: 'initiative',
    email: options.email,
    role,
    source: 'manual',
    addedBy: 'dana.reyes@housing.cascadia.gov',
    addedAt: observedAt,
    personId: makePersonId(tenantId, options.email),
  };
}
