// Folds observations of a person into their stored record. Pure and idempotent: applying the
// same observations twice gives the same record, so replays never change anything; and the
// attribute history is a function of the set of sightings, so the order they arrive in does
// not matter either (people/attribute-history.ts).
import type { Attribute, AttributeSource } from '../../../shared/domain/attribute.ts';
import { sourceRank } from '../../../shared/domain/attribute.ts';
import { makeStableId } from '../ids/make-stable-id.ts';
import type { GraphUserMetadata } from '../mining/graph-shapes.ts';
import type { PersonObservation } from '../mining/observe-people.ts';
import { parseDisplayName } from '../mining/parse-display-name.ts';
import { normalizeEmail } from '../../../shared/domain/email-address.ts';
import type { AttributeHistoryEntry, AttributePoint, HistoryAttribute, PersonAttribute, PersonDocument } from './person-document.ts';
import { historyAttributes } from './person-document.ts';
import { deriveAttributeTimeline, deriveSourceTimelines, makePoint, normalizeAttributeValue, recordSightings } from './people/attribute-history.ts';

export function makePersonId(tenantId: string, email: string): string {
  return makeStableId(tenantId, 'person', normalizeEmail(email));
}

/** Keeps the better attribute: a more trusted source wins; within a source, the newer observation
 * (on a tie, the smaller value, so the result does not depend on the order of arrival). */
export function chooseAttribute<A extends Attribute>(current: A | null, candidate: A | null): A | null {
  if (!candidate || !candidate.value) return current;
  if (!current) return candidate;
  const rankDelta = sourceRank[candidate.source] - sourceRank[current.source];
  if (rankDelta !== 0) return rankDelta > 0 ? candidate : current;
  if (candidate.observedAt !== current.observedAt) return candidate.observedAt > current.observedAt ? candidate : current;
  return candidate.value < current.value ? candidate : current;
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

type Sighting = { attribute: HistoryAttribute; point: AttributePoint };

/**
 * The department a display-name unit names: "(HOUSING/HSD)" is agency HOUSING, division HSD,
 * so the division; "(HOUSING)" alone is the agency, used as the department with less confidence.
 */
export function departmentFromUnit(unit: string): { value: string; confidence: number } | null {
  const parts = unit.split('/').map((part) => part.trim()).filter(Boolean);
  if (parts.length === 0) return null;
  return parts.length > 1 ? { value: parts.slice(1).join('/'), confidence: 0.4 } : { value: parts[0]!, confidence: 0.3 };
}

/** The first day of the last run of `value` in a timeline (a value held, changed and held again starts at its return). */
function findRunStart(timeline: readonly AttributeHistoryEntry[], value: string): string | null {
  const run = [...timeline].reverse().find((entry) => normalizeAttributeValue(entry.value) === normalizeAttributeValue(value));
  return run?.from ?? null;
}

/**
 * Sets each history attribute's firstObservedAt: the first day of the run of its current value
 * among that source's sightings. When that source never saw another value, a weaker source that
 * ends on the same value may date it earlier (a contact read today that says "Director", after
 * mail showed "Director" since August: since August).
 */
function withFirstObserved(person: PersonDocument): PersonDocument {
  let next = person;
  for (const attribute of historyAttributes) {
    const current = next[attribute];
    const points = next.observedValues?.[attribute];
    if (!current || !points) continue;
    const own = deriveAttributeTimeline(attribute, points.filter((point) => point.source === current.source));
    let from = findRunStart(own, current.value);
    if (from && own.length === 1) {
      for (const timeline of deriveSourceTimelines(attribute, points)) {
        const last = timeline.at(-1);
        if (last && normalizeAttributeValue(last.value) === normalizeAttributeValue(current.value) && last.from < from) from = last.from;
      }
    }
    if (from && current.firstObservedAt !== from) next = { ...next, [attribute]: { ...current, firstObservedAt: from } };
  }
  return next;
}

/** Applies sighted attribute values: each competes for the current value and joins the history. */
function applySightings(person: PersonDocument, sightings: readonly Sighting[], confidenceOf: (sighting: Sighting) => number): PersonDocument {
  let next: PersonDocument = person;
  for (const sighting of sightings) {
    const candidate: PersonAttribute = {
      value: sighting.point.value,
      source: sighting.point.source,
      observedAt: sighting.point.at,
      confidence: confidenceOf(sighting),
    };
    const chosen = chooseAttribute<PersonAttribute>(next[sighting.attribute] ?? null, candidate);
    // The chosen attribute keeps only its own provenance; firstObservedAt is derived below.
    next = { ...next, [sighting.attribute]: chosen };
  }
  return withFirstObserved(recordSightings(next, sightings));
}

export function mergeObservations(
  tenantId: string,
  existing: PersonDocument | null,
  observations: readonly PersonObservation[],
): PersonDocument {
  const first = observations[0];
  if (!first) throw new Error('mergeObservations needs at least one observation');
  let person = existing ?? emptyPerson(tenantId, first.email, first.observedAt);
  const sightings: Sighting[] = [];
  const confidence = new Map<AttributePoint, number>();
  for (const observation of observations) {
    person = {
      ...person,
      displayName:
        chooseAttribute<PersonAttribute>(person.displayName, {
          value: observation.displayName,
          source: 'display-name',
          observedAt: observation.observedAt,
          confidence: 0.6,
        }) ?? person.displayName,
      firstSeenAt: observation.observedAt < person.firstSeenAt ? observation.observedAt : person.firstSeenAt,
      lastSeenAt: observation.observedAt > person.lastSeenAt ? observation.observedAt : person.lastSeenAt,
    };
    if (observation.titleFromName) {
      const point = makePoint(observation.titleFromName, 'display-name', observation.observedAt);
      confidence.set(point, 0.5);
      sightings.push({ attribute: 'title', point });
    }
    const department = observation.unitFromName ? departmentFromUnit(observation.unitFromName) : null;
    if (department) {
      const point = makePoint(department.value, 'display-name', observation.observedAt);
      confidence.set(point, department.confidence);
      sightings.push({ attribute: 'department', point });
    }
  }
  return applySightings(person, sightings, (sighting) => confidence.get(sighting.point) ?? 0.5);
}

/** What a directory profile, an Outlook contact or a Graph people entry says about someone. */
export interface ProfileFacts {
  displayName?: string | null;
  title?: string | null;
  department?: string | null;
  company?: string | null;
  phone?: string | null;
  office?: string | null;
}

const profileConfidence: Partial<Record<AttributeSource, number>> = { 'graph-profile': 0.95, contact: 0.8, 'graph-people': 0.7 };

/** Folds profile-like facts from one source into a person. */
export function mergeProfileFacts(
  person: PersonDocument,
  facts: ProfileFacts,
  options: { source: 'graph-profile' | 'contact' | 'graph-people'; observedAt: string },
): PersonDocument {
  const confidence = profileConfidence[options.source] ?? 0.5;
  // Directory and contact names follow the same conventions ("Morgan, Jess (HOUSING)"): keep the name part.
  const name = facts.displayName ? parseDisplayName(facts.displayName).name : null;
  const displayName = name
    ? chooseAttribute<PersonAttribute>(person.displayName, { value: name, source: options.source, observedAt: options.observedAt, confidence })
    : person.displayName;
  const sightings: Sighting[] = [];
  for (const attribute of historyAttributes) {
    const value = facts[attribute]?.replace(/\s+/g, ' ').trim();
    if (value) sightings.push({ attribute, point: makePoint(value, options.source, options.observedAt) });
  }
  return applySightings({ ...person, displayName: displayName ?? person.displayName }, sightings, () => confidence);
}

/** A directory profile is the most trusted automatic source for a colleague's name, title, department, phone and office. */
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
  return mergeProfileFacts(
    { ...person, inTenant: true },
    {
      displayName: user.displayName,
      title: user.jobTitle,
      department: user.department,
      company: user.companyName,
      phone: user.businessPhones?.find((phone) => phone.trim()) ?? user.mobilePhone,
      office: user.officeLocation,
    },
    { source: 'graph-profile', observedAt },
  );
}

/** What one address's Outlook contact or Graph people entry says (enrichment/people/contact-facts.ts). */
export interface ContactFacts extends ProfileFacts {
  email: string;
}

/**
 * A mailbox owner's Outlook contacts ('contact') and Graph people list ('graph-people') are
 * sources between the directory and display names (shared/domain/attribute.ts). The address-book
 * sync (functions/src/sync/sync-address-book.ts) calls this for people already known.
 */
export function mergeContact(
  tenantId: string,
  existing: PersonDocument | null,
  contact: ContactFacts,
  observedAt: string,
  options: { source?: 'contact' | 'graph-people' } = {},
): PersonDocument {
  const person = existing ?? emptyPerson(tenantId, normalizeEmail(contact.email), observedAt);
  return mergeProfileFacts(person, contact, { source: options.source ?? 'contact', observedAt });
}
