// Turns what network inference found into suggestions users can read: a name, counts, members
// and one sentence of evidence ("Looks like a working group: 9 people, 14 meetings since May").
// Ids come from what identifies each finding (series key, list address, member set), so the same
// finding gets the same id on every enrichment run. Pure.
import type { SuggestionMember } from '../../../../shared/domain/suggestion.ts';
import { makeStableId } from '../../ids/make-stable-id.ts';
import type { InferredGroup } from '../infer-series-groups.ts';
import type { DistributionList } from './detect-distribution-lists.ts';
import type { Community } from './find-communities.ts';
import type { RecipientSetGroup } from './infer-recipient-set-groups.ts';
import type { SuggestionCandidate } from './suggestion-document.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface SuggestionContext {
  tenantId: string;
  now: string;
  displayNameOf: (email: string) => string | undefined;
  /** The organization's display name (or the domain when unknown). */
  organizationNameOf: (email: string) => string;
}

/** "May", or "May 2025" when it is not this year. */
export function formatSince(at: string, now: string): string {
  const date = new Date(at);
  const month = MONTHS[date.getUTCMonth()] ?? '';
  return date.getUTCFullYear() === new Date(now).getUTCFullYear() ? month : `${month} ${date.getUTCFullYear()}`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function makeSuggestionId(tenantId: string, origin: string, key: string): string {
  return makeStableId(tenantId, 'suggestion', origin, key);
}

function toMembers(emails: readonly string[], context: SuggestionContext, extra: (email: string) => Partial<SuggestionMember> = () => ({})): SuggestionMember[] {
  return emails.map((email) => {
    const displayName = context.displayNameOf(email);
    return { email, ...(displayName ? { displayName } : {}), ...extra(email) };
  });
}

/** The organizations most members come from, most first (ties by name). */
function rankOrganizations(emails: readonly string[], context: SuggestionContext): string[] {
  const counts = new Map<string, number>();
  for (const email of emails) counts.set(context.organizationNameOf(email), (counts.get(context.organizationNameOf(email)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} & ${names[names.length - 1]}`;
}

export function buildSeriesSuggestion(
  group: InferredGroup,
  options: { seriesGroupId: string; since: string },
  context: SuggestionContext,
): SuggestionCandidate {
  const emails = group.members.map((m) => m.email);
  const organizations = rankOrganizations(emails, context).length;
  const byEmail = new Map(group.members.map((m) => [m.email, m]));
  return {
    id: makeSuggestionId(context.tenantId, 'series', group.seriesKey),
    tenantId: context.tenantId,
    docType: 'suggestion',
    origin: 'series',
    key: group.seriesKey,
    seriesGroupId: options.seriesGroupId,
    kind: 'working-group',
    name: group.name,
    people: emails.length,
    organizations,
    meetings: group.occurrences,
    threads: 0,
    emails: 0,
    since: options.since,
    members: toMembers(emails, context, (email) => ({ attended: byEmail.get(email)?.attended ?? 0, role: byEmail.get(email)?.role ?? 'Member' })),
    evidence: `Looks like a working group: ${plural(emails.length, 'person', 'people')}, ${plural(group.occurrences, 'meeting')} since ${formatSince(options.since, context.now)}`,
    updatedAt: context.now,
  };
}

export function buildRecipientSetSuggestion(group: RecipientSetGroup, context: SuggestionContext): SuggestionCandidate {
  const organizations = rankOrganizations(group.members, context);
  const key = group.members.join(',');
  return {
    id: makeSuggestionId(context.tenantId, 'recipient-set', key),
    tenantId: context.tenantId,
    docType: 'suggestion',
    origin: 'recipient-set',
    key,
    kind: 'working-group',
    name: `${joinNames(organizations.slice(0, 3))} working group`,
    people: group.members.length,
    organizations: organizations.length,
    meetings: 0,
    threads: group.threads,
    emails: Object.values(group.messagesSent).reduce((sum, n) => sum + n, 0),
    since: group.since,
    members: toMembers(group.members, context, () => ({ role: 'Member' })),
    evidence:
      `Looks like a working group: ${plural(group.members.length, 'person', 'people')} from ${plural(organizations.length, 'organization')} ` +
      `on ${plural(group.threads, 'thread')} over ${plural(group.weeks, 'week')} since ${formatSince(group.since, context.now)}`,
    updatedAt: context.now,
  };
}

export function buildCommunitySuggestion(community: Community, options: { since: string | null }, context: SuggestionContext): SuggestionCandidate {
  const organizations = rankOrganizations(community.members, context);
  const key = community.members.join(',');
  const since = options.since ? ` since ${formatSince(options.since, context.now)}` : '';
  return {
    id: makeSuggestionId(context.tenantId, 'community', key),
    tenantId: context.tenantId,
    docType: 'suggestion',
    origin: 'community',
    key,
    kind: 'network',
    name: `${joinNames(organizations.slice(0, 2))} network`,
    people: community.members.length,
    organizations: organizations.length,
    meetings: 0,
    threads: 0,
    emails: 0,
    since: options.since,
    members: toMembers(community.members, context, () => ({ role: 'Member' })),
    evidence:
      `Looks like a network: ${plural(community.members.length, 'person', 'people')} from ${plural(organizations.length, 'organization')} ` +
      `who share ${plural(community.interactions, 'email or meeting', 'emails and meetings')}${since}`,
    updatedAt: context.now,
  };
}

export function buildDistributionListSuggestion(list: DistributionList, context: SuggestionContext): SuggestionCandidate {
  const emails = [...new Set([...list.posters, ...list.recipients])].sort();
  const posters = new Set(list.posters);
  return {
    id: makeSuggestionId(context.tenantId, 'distribution-list', list.address),
    tenantId: context.tenantId,
    docType: 'suggestion',
    origin: 'distribution-list',
    key: list.address,
    kind: 'distribution-list',
    name: context.displayNameOf(list.address) ?? list.address,
    people: emails.length,
    organizations: rankOrganizations(emails, context).length,
    meetings: 0,
    threads: 0,
    emails: list.messages,
    since: list.since,
    members: toMembers(emails, context, (email) => ({ role: posters.has(email) ? 'Poster' : 'Subscriber' })),
    evidence:
      `Looks like a mailing list: ${list.address} carried ${plural(list.messages, 'message')} from ${plural(list.posters.length, 'sender')} ` +
      `to ${plural(list.recipients.length, 'team mailbox', 'team mailboxes')} since ${formatSince(list.since, context.now)}`,
    updatedAt: context.now,
  };
}
