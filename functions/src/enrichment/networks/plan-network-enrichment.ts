// Network inference for one tenant in one pure step: from the whole ledger (every mailbox's
// messages and meetings, each once: collect-messages.ts), the series groups enrichment already
// found, the stored suggestions and what is known about people, to the suggestions to store and
// the inferred memberships to write (points of contact, and members of groups made from
// accepted suggestions). enrich-tenant.ts does the I/O.
import type { GroupKind, GroupSource } from '../../../../shared/domain/group.ts';
import { isBulkAddress } from '../../mining/detect-bulk-sender.ts';
import { makeStableId } from '../../ids/make-stable-id.ts';
import type { MembershipDocument } from '../group-documents.ts';
import type { InferredGroup } from '../infer-series-groups.ts';
import {
  buildCommunitySuggestion,
  buildDistributionListSuggestion,
  buildRecipientSetSuggestion,
  buildSeriesSuggestion,
  formatSince,
  type SuggestionContext,
} from './build-suggestions.ts';
import type { TenantLedger } from './collect-messages.ts';
import { detectDistributionLists } from './detect-distribution-lists.ts';
import { buildCoOccurrenceEdges, findCommunities } from './find-communities.ts';
import { inferPointsOfContact } from './infer-points-of-contact.ts';
import { inferRecipientSetGroups } from './infer-recipient-set-groups.ts';
import { networkThresholds } from './network-thresholds.ts';
import { reconcileSuggestions } from './reconcile-suggestions.ts';
import type { SuggestionCandidate, SuggestionDocument } from './suggestion-document.ts';

export const POINT_OF_CONTACT_ROLE = 'Point of contact';

export interface KnownPerson {
  displayName?: string;
  /** The organization's name; absent when unknown (the domain stands in). */
  organization?: string;
}

export interface NetworkEnrichmentInput {
  tenantId: string;
  now: string;
  /** Every mailbox's ledger, each message and meeting once. */
  ledger: TenantLedger;
  /** The team: the tenant's mailbox owners. */
  owners: ReadonlySet<string>;
  /** Series groups as enrich-tenant placed them, with the group they write to. */
  seriesGroups: readonly { group: InferredGroup; groupId: string; groupSource: GroupSource }[];
  /** Existing groups (for accepted suggestions' memberships). */
  groups: ReadonlyMap<string, { name: string; kind: GroupKind }>;
  stored: readonly SuggestionDocument[];
  people: ReadonlyMap<string, KnownPerson>;
}

export interface NetworkEnrichment {
  suggestions: SuggestionDocument[];
  removedSuggestionIds: string[];
  memberships: MembershipDocument[];
  counts: { recipientSetGroups: number; networks: number; distributionLists: number; pointsOfContact: number };
}

export function makePointOfContactGroupId(tenantId: string, organization: string): string {
  return makeStableId(tenantId, 'organization-contact', organization.trim().toLowerCase());
}

export function describeMemberEvidence(document: SuggestionDocument, role: string | undefined): string {
  const since = document.since ? ` since ${formatSince(document.since, document.updatedAt)}` : '';
  switch (document.origin) {
    case 'recipient-set':
      return `On ${document.threads} threads with this group${since}`;
    case 'community':
      return `In a network of ${document.people} people who share mail and meetings${since}`;
    case 'distribution-list':
      return role === 'Poster' ? `Wrote to the list ${document.key}${since}` : `Receives the list ${document.key}${since}`;
    case 'series':
      return `Attends the series${since}`;
  }
}

export function planNetworkEnrichment(input: NetworkEnrichmentInput): NetworkEnrichment {
  const { tenantId, now } = input;
  const organizationOf = (email: string): string => input.people.get(email)?.organization ?? email.slice(email.lastIndexOf('@') + 1);
  const context: SuggestionContext = {
    tenantId,
    now,
    displayNameOf: (email) => input.people.get(email)?.displayName,
    organizationNameOf: organizationOf,
  };
  const { messages, meetings } = input.ledger;
  const lists = detectDistributionLists(messages, { owners: input.owners });
  const excluded = new Set<string>([...lists.map((list) => list.address)]);
  for (const message of messages) for (const email of [message.from ?? '', ...message.recipients]) if (isBulkAddress(email)) excluded.add(email);

  const candidates: SuggestionCandidate[] = [];
  const seriesSince = new Map<string, string>();
  for (const meeting of meetings) if (meeting.seriesKey && !seriesSince.has(meeting.seriesKey)) seriesSince.set(meeting.seriesKey, meeting.at);
  for (const { group, groupId, groupSource } of input.seriesGroups) {
    // A series attached to a group users made is evidence for that group, nothing to suggest.
    if (groupSource === 'manual') continue;
    candidates.push(buildSeriesSuggestion(group, { seriesGroupId: groupId, since: seriesSince.get(group.seriesKey) ?? now }, context));
  }
  const recipientSets = inferRecipientSetGroups(messages, { organizationOf, excluded });
  for (const group of recipientSets) candidates.push(buildRecipientSetSuggestion(group, context));

  const communities = findCommunities(buildCoOccurrenceEdges(messages, meetings, { excluded })).filter(
    (community) =>
      community.members.length >= networkThresholds.communities.minPeople &&
      new Set(community.members.map(organizationOf)).size >= networkThresholds.communities.minOrganizations,
  );
  for (const community of communities) {
    const inside = new Set(community.members);
    const first = messages.find((m) => m.from && inside.has(m.from) && m.recipients.some((r) => inside.has(r)))?.at ?? null;
    candidates.push(buildCommunitySuggestion(community, { since: first }, context));
  }
  for (const list of lists) candidates.push(buildDistributionListSuggestion(list, context));

  const reconciled = reconcileSuggestions(candidates, input.stored);
  const memberships: MembershipDocument[] = [];
  for (const document of reconciled.upserts) {
    // Series groups get their memberships from enrich-tenant; the others from their suggestion.
    if (document.status !== 'accepted' || !document.groupId || document.origin === 'series') continue;
    const group = input.groups.get(document.groupId);
    if (!group) continue;
    for (const member of document.members) {
      memberships.push({
        id: makeStableId(tenantId, 'membership', document.groupId, member.email, 'inferred'),
        tenantId,
        docType: 'membership',
        groupId: document.groupId,
        groupName: group.name,
        groupKind: group.kind,
        email: member.email,
        role: member.role ?? 'Member',
        source: 'inferred',
        evidence: describeMemberEvidence(document, member.role),
        addedBy: 'crosswalk',
        addedAt: now,
      });
    }
  }

  const ownOrganizations = new Set([...input.owners].map(organizationOf));
  const contacts = inferPointsOfContact(messages, {
    owners: input.owners,
    excluded,
    externalOrganizationOf: (email) => {
      const organization = organizationOf(email);
      return ownOrganizations.has(organization) ? null : organization;
    },
  });
  for (const contact of contacts) {
    const groupId = makePointOfContactGroupId(tenantId, contact.organization);
    const name = input.people.get(contact.email)?.displayName ?? contact.email;
    const margin = contact.runnerUpEmails > 0 ? ` (next: ${contact.runnerUpEmails})` : '';
    memberships.push({
      id: makeStableId(tenantId, 'membership', groupId, contact.email, 'inferred'),
      tenantId,
      docType: 'membership',
      groupId,
      groupName: contact.organization,
      groupKind: 'other',
      email: contact.email,
      role: POINT_OF_CONTACT_ROLE,
      source: 'inferred',
      evidence: `The team exchanged ${contact.emails} emails with ${name}, more than with anyone else at ${contact.organization}${margin}`,
      addedBy: 'crosswalk',
      addedAt: now,
    });
  }
  return {
    suggestions: reconciled.upserts,
    removedSuggestionIds: reconciled.removedIds,
    memberships,
    counts: { recipientSetGroups: recipientSets.length, networks: communities.length, distributionLists: lists.length, pointsOfContact: contacts.length },
  };
}
