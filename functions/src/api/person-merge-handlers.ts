// The people identity routes: list merge suggestions, confirm a merge, split an address back
// out, dismiss a suggestion. Any signed-in user of the tenant may; every change goes through the
// people repository's conditional merge and is recorded in the audit trail, and a merge or split
// rescores the affected relationships before it answers (the card shows the combined strength at
// once). Another tenant's people are never read: every query is in the caller's own partition.
import type { MergePeopleBody, MergeSuggestionView, UnmergePeopleBody } from '../../../shared/api/person-routes.ts';
import type { CallerIdentity } from '../auth/caller-identity.ts';
import { makePersonId } from '../enrichment/merge-person.ts';
import type { PersonDocument } from '../enrichment/person-document.ts';
import { applyMerge, applyNotSameAs, applyUnmerge, planMerge } from '../enrichment/people/merge-people.ts';
import { suggestMerges } from '../enrichment/people/suggest-merges.ts';
import { AppError } from '../errors/app-error.ts';
import { rescoreContacts } from '../sync/rescore-contacts.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';

function requireCaller(identity: CallerIdentity | null): CallerIdentity {
  if (!identity) throw new AppError('unauthenticated', 'sign in first');
  return identity;
}

/** Both people's records, or 404 naming the side that is unknown. */
async function readPair(people: ApiServices['repositories']['people'], tenantId: string, primary: string, secondary: string): Promise<[PersonDocument, PersonDocument]> {
  const found = new Map((await people.findByEmails(tenantId, [primary, secondary])).map((person) => [person.email, person]));
  const primaryRecord = found.get(primary);
  const secondaryRecord = found.get(secondary);
  if (!primaryRecord) throw new AppError('not-found', `primary: no person with address ${primary}`);
  if (!secondaryRecord) throw new AppError('not-found', `secondary: no person with address ${secondary}`);
  return [primaryRecord, secondaryRecord];
}

export async function handleListMergeSuggestions(services: ApiServices, input: HandlerInput<unknown>): Promise<{ suggestions: MergeSuggestionView[] }> {
  const caller = requireCaller(input.identity);
  return { suggestions: suggestMerges(caller.tenantId, await services.repositories.people.listAll(caller.tenantId)) };
}

export async function handleMergePeople(services: ApiServices, input: HandlerInput<MergePeopleBody>): Promise<{ primary: string; aliases: string[] }> {
  const caller = requireCaller(input.identity);
  const { primary, secondary } = input.body;
  const { people, audit } = services.repositories;
  const [primaryRecord, secondaryRecord] = await readPair(people, caller.tenantId, primary, secondary);
  if (primaryRecord.mergedInto) {
    throw new AppError('conflict', `primary: ${primary} is an alias of ${primaryRecord.mergedInto}; merge into that address instead`);
  }
  if (secondaryRecord.mergedInto && secondaryRecord.mergedInto !== primary) {
    throw new AppError('conflict', `secondary: ${secondary} is already an alias of ${secondaryRecord.mergedInto}`);
  }
  const plan = planMerge(primaryRecord, secondaryRecord);
  let merged = primaryRecord;
  await people.mergeMany(caller.tenantId, [plan.primary, plan.secondary, ...plan.movedAliases], (email, current) => {
    const next = applyMerge(plan, email, current);
    if (email === plan.primary && next) merged = next;
    return next;
  });
  const at = new Date().toISOString();
  await audit.append(caller.tenantId, [
    {
      at,
      actor: { email: caller.userPrincipalName, name: caller.name },
      action: 'person.update',
      targetType: 'person',
      targetId: primaryRecord.id,
      personId: primaryRecord.id,
      summary: `Merged ${secondary} into ${primary}: the same person`,
      before: { email: primary, aliases: primaryRecord.aliases ?? [] },
      after: { email: primary, aliases: merged.aliases ?? [] },
    },
    {
      at,
      actor: { email: caller.userPrincipalName, name: caller.name },
      action: 'person.update',
      targetType: 'person',
      targetId: makePersonId(caller.tenantId, secondary),
      personId: makePersonId(caller.tenantId, secondary),
      summary: `${secondary} is now an alias of ${primary}`,
      before: { email: secondary, mergedInto: secondaryRecord.mergedInto ?? null },
      after: { email: secondary, mergedInto: primary },
    },
  ]);
  // The secondary's mail now counts for the primary: every owner who wrote to it is rescored.
  await rescoreContacts({ repositories: services.repositories, now: () => new Date() }, caller.tenantId, [plan.secondary, ...plan.movedAliases]);
  return { primary, aliases: merged.aliases ?? [] };
}

export async function handleUnmergePeople(services: ApiServices, input: HandlerInput<UnmergePeopleBody>): Promise<{ primary: string; aliases: string[]; split: string }> {
  const caller = requireCaller(input.identity);
  const { primary, secondary } = input.body;
  const { people, audit } = services.repositories;
  const [primaryRecord, secondaryRecord] = await readPair(people, caller.tenantId, primary, secondary);
  const linked = secondaryRecord.mergedInto === primary || (primaryRecord.aliases ?? []).includes(secondary);
  if (!linked) throw new AppError('conflict', `secondary: ${secondary} is not an alias of ${primary}`);
  const pair = { primary, secondary };
  let split = primaryRecord;
  await people.mergeMany(caller.tenantId, [primary, secondary], (email, current) => {
    const next = applyUnmerge(pair, email, current);
    if (email === primary && next) split = next;
    return next;
  });
  const at = new Date().toISOString();
  const actor = { email: caller.userPrincipalName, name: caller.name };
  await audit.append(caller.tenantId, [
    {
      at,
      actor,
      action: 'person.update',
      targetType: 'person',
      targetId: primaryRecord.id,
      personId: primaryRecord.id,
      summary: `Split ${secondary} out of ${primary}: different people`,
      before: { email: primary, aliases: primaryRecord.aliases ?? [] },
      after: { email: primary, aliases: split.aliases ?? [] },
    },
    {
      at,
      actor,
      action: 'person.update',
      targetType: 'person',
      targetId: secondaryRecord.id,
      personId: secondaryRecord.id,
      summary: `${secondary} is a person of its own again, not ${primary}`,
      before: { email: secondary, mergedInto: secondaryRecord.mergedInto ?? null },
      after: { email: secondary, mergedInto: null },
    },
  ]);
  // The primary's edges included the split address's mail: every owner who has one is rescored.
  await rescoreContacts({ repositories: services.repositories, now: () => new Date() }, caller.tenantId, [primary, secondary]);
  return { primary, aliases: split.aliases ?? [], split: secondary };
}

export async function handleDismissMergeSuggestion(services: ApiServices, input: HandlerInput<unknown>): Promise<{ dismissed: string }> {
  const caller = requireCaller(input.identity);
  const id = input.params['id'] ?? '';
  const { people, audit } = services.repositories;
  const suggestion = suggestMerges(caller.tenantId, await people.listAll(caller.tenantId)).find((candidate) => candidate.id === id);
  if (!suggestion) throw new AppError('not-found', `no open merge suggestion with id ${id}`);
  const pair = [suggestion.people[0].email, suggestion.people[1].email] as const;
  await people.mergeMany(caller.tenantId, [...pair], (email, current) => applyNotSameAs(pair, email, current));
  await audit.append(caller.tenantId, [
    {
      at: new Date().toISOString(),
      actor: { email: caller.userPrincipalName, name: caller.name },
      action: 'person.update',
      targetType: 'person',
      targetId: makePersonId(caller.tenantId, pair[1]),
      personId: makePersonId(caller.tenantId, pair[1]),
      summary: `${pair[0]} and ${pair[1]} are different people`,
      before: null,
      after: { notSameAs: pair[0] },
    },
  ]);
  return { dismissed: id };
}
