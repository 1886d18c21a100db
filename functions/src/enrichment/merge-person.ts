// Folds observations of a person into their stored record. Pure and idempotent: applying the
// same observations twice gives the same record, so replays never change anything.
import type { Attribute } from '../../../shared/domain/attribute.ts';
import { sourceRank } from '../../../shared/domain/attribute.ts';
import { makeStableId } from '../ids/make-stable-id.ts';
import type { GraphUserMetadata } from '../mining/graph-shapes.ts';
import type { PersonObservation } from '../mining/observe-people.ts';
import { parseDisplayName } from '../mining/parse-display-name.ts';
import { normalizeEmail } from '../../../shared/domain/email-address.ts';
import type { PersonDocument } from './person-document.ts';

export function makePersonId(tenantId: string, email: string): string {
  return makeStableId(tenantId, 'person', normalizeEmail(email));
}

/** Keeps the better attribute: a more trusted source wins; within a source, the newer observation. */
export function chooseAttribute(current: Attribute | null, candidate: Attribute | null): Attribute | null {
  if (!candidate || !candidate.value) return current;
  if (!current) return candidate;
  const rankDelta = sourceRank[candidate.source] - sourceRank[current.source];
  if (rankDelta !== 0) return rankDelta > 0 ? candidate : current;
  return candidate.observedAt > current.observedAt ? candidate : current;
}

function emptyPerson(tenantId: string, email: string, observedAt: string): PersonDocument {
  return {
    id: makePersonId(tenantId, email),
    tenantId,
    email,
    displayName: { value: email, source: 'inferred', observedAt, confidence: 0.1 },
    title: null,
    department: null,
    inTenant: false,
    organization: null,
    firstSeenAt: observedAt,
    lastSeenAt: observedAt,
  };
}

export function mergeObservations(
  tenantId: string,
  existing: PersonDocument | null,
  observations: readonly PersonObservation[],
): PersonDocument {
  const first = observations[0];
  if (!first) throw new Error('mergeObservations needs at least one observation');
  let person = existing ?? emptyPerson(tenantId, first.email, first.observedAt);
  for (const observation of observations) {
    person = {
      ...person,
      displayName:
        chooseAttribute(person.displayName, {
          value: observation.displayName,
          source: 'display-name',
          observedAt: observation.observedAt,
          confidence: 0.6,
        }) ?? person.displayName,
      title: chooseAttribute(
        person.title,
        observation.titleFromName
          ? { value: observation.titleFromName, source: 'display-name', observedAt: observation.observedAt, confidence: 0.5 }
          : null,
      ),
      firstSeenAt: observation.observedAt < person.firstSeenAt ? observation.observedAt : person.firstSeenAt,
      lastSeenAt: observation.observedAt > person.lastSeenAt ? observation.observedAt : person.lastSeenAt,
    };
  }
  return person;
}

/** A directory profile is the most trusted automatic source for a colleague's name, title and department. */
export function mergeDirectoryProfile(
  tenantId: string,
  existing: PersonDocument | null,
  user: GraphUserMetadata,
  observedAt: string,
): PersonDocument | null {
  const address = user.mail ?? user.userPrincipalName;
  if (!address) return null;
  const email = normalizeEmail(address);
  const person = existing ?? emptyPerson(tenantId, email, observedAt);
  const profile = (value: string | null | undefined): Attribute | null =>
    value ? { value, source: 'graph-profile', observedAt, confidence: 0.95 } : null;
  return {
    ...person,
    inTenant: true,
    // Directory names follow the same conventions ("Morgan, Jess (HOUSING)"): keep the name part.
    displayName: chooseAttribute(person.displayName, profile(user.displayName && parseDisplayName(user.displayName).name)) ?? person.displayName,
    title: chooseAttribute(person.title, profile(user.jobTitle)),
    department: chooseAttribute(person.department, profile(user.department)),
  };
}
