// Attribute history: a change is a transition between consecutive distinct values in time
// order; the same observations twice, or in any order, give the same history.
import { makePersonId, mergeContact, mergeDirectoryProfile, mergeObservations } from '../../../../functions/src/enrichment/merge-person.ts';
import type { AttributePoint } from '../../../../functions/src/enrichment/person-document.ts';
import { addPoints, deriveAttributeTimeline, describeChanges, MAX_POINTS_PER_ATTRIBUTE } from '../../../../functions/src/enrichment/people/attribute-history.ts';
import type { PersonObservation } from '../../../../functions/src/mining/observe-people.ts';

const TENANT = 't';
const PAT = 'pat.okafor@orcacounty-cascadia.gov';
const seen = (observedAt: string, title: string | null, unit: string | null = null): PersonObservation => ({
  email: PAT,
  displayName: 'Pat Okafor',
  titleFromName: title,
  observedAt,
  ...(unit ? { unitFromName: unit } : {}),
});

/** Pat's mail: Program Manager until the promotion on 2026-08-17, Director after. */
const patMail = [
  seen('2026-06-02T16:00:00.000Z', 'Program Manager'),
  seen('2026-07-15T16:00:00.000Z', 'Program Manager'),
  seen('2026-08-14T16:00:00.000Z', 'Program Manager'),
  seen('2026-08-17T15:00:00.000Z', 'Director'),
  seen('2026-09-03T16:00:00.000Z', 'Director'),
  seen('2026-11-10T16:00:00.000Z', null),
];

const shuffle = <T>(items: readonly T[], seed: number): T[] => {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
};

const patFromMail = () => mergeObservations(TENANT, null, patMail);

describe('attribute history from display names', () => {
  const once = mergeObservations(TENANT, null, patMail);

  it("records Pat's promotion as one change, since the first day the new title was seen", () => {
    expect(once.title).toMatchObject({ value: 'Director', source: 'display-name', firstObservedAt: '2026-08-17', observedAt: '2026-09-03T16:00:00.000Z' });
    expect(once.history).toEqual([
      { attribute: 'title', value: 'Program Manager', source: 'display-name', from: '2026-06-02', to: '2026-08-14' },
      { attribute: 'title', value: 'Director', source: 'display-name', from: '2026-08-17', to: null },
    ]);
    expect(describeChanges(once.history ?? [])).toEqual([{ attribute: 'title', from: 'Program Manager', to: 'Director', since: '2026-08-17' }]);
  });

  it.each([
    ['replayed whole', () => mergeObservations(TENANT, once, patMail)],
    ['replayed twice, reversed', () => mergeObservations(TENANT, mergeObservations(TENANT, once, [...patMail].reverse()), patMail)],
    ['in one reversed batch', () => mergeObservations(TENANT, null, [...patMail].reverse())],
    ['one observation at a time, shuffled', () => shuffle(patMail, 7).reduce((p, o) => mergeObservations(TENANT, p, [o]), mergeObservations(TENANT, null, [patMail[5]!]))],
    ['late mail first, old mail last', () => mergeObservations(TENANT, mergeObservations(TENANT, null, patMail.slice(3)), patMail.slice(0, 3))],
  ])('gives the same record %s', (_case, merge) => {
    expect(merge()).toEqual(once);
  });

  it('keeps no history for an attribute that never changed', () => {
    const steady = mergeObservations(TENANT, null, [seen('2026-01-01T00:00:00.000Z', 'Director'), seen('2026-02-01T00:00:00.000Z', 'director ')]);
    expect(steady.history).toBeUndefined();
    expect(steady.observedValues?.title).toHaveLength(2);
  });

  it('records a change back as a change: A → B → A', () => {
    const acting = mergeObservations(TENANT, null, [
      seen('2026-01-01T00:00:00.000Z', 'Manager'),
      seen('2026-02-01T00:00:00.000Z', 'Acting Director'),
      seen('2026-03-01T00:00:00.000Z', 'Manager'),
    ]);
    expect(describeChanges(acting.history ?? [])).toEqual([
      { attribute: 'title', from: 'Acting Director', to: 'Manager', since: '2026-03-01' },
      { attribute: 'title', from: 'Manager', to: 'Acting Director', since: '2026-02-01' },
    ]);
    expect(acting.title?.firstObservedAt).toBe('2026-03-01');
  });

  it('reads a department from the unit in "Last, First (AGENCY/DIV)"', () => {
    const person = mergeObservations(TENANT, null, [seen('2026-01-01T00:00:00.000Z', null, 'DOH/OCH')]);
    expect(person.department).toMatchObject({ value: 'OCH', source: 'display-name', confidence: 0.4 });
    expect(mergeObservations(TENANT, null, [seen('2026-01-01T00:00:00.000Z', null, 'HOUSING')]).department).toMatchObject({ value: 'HOUSING', confidence: 0.3 });
  });
});

describe('sightings as a bounded set', () => {
  const point = (day: number, value: string): AttributePoint => {
    const at = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString();
    return { value, source: 'display-name', day: at.slice(0, 10), at };
  };

  it('keeps the most recent sightings whatever order they were added in', () => {
    const all = Array.from({ length: MAX_POINTS_PER_ATTRIBUTE + 30 }, (_, day) => point(day, day < 100 ? 'Analyst' : 'Manager'));
    const inOrder = all.reduce<AttributePoint[]>((kept, p) => addPoints(kept, [p]), []);
    const shuffled = shuffle(all, 3).reduce<AttributePoint[]>((kept, p) => addPoints(kept, [p]), []);
    expect(shuffled).toEqual(inOrder);
    expect(inOrder).toHaveLength(MAX_POINTS_PER_ATTRIBUTE);
    expect(inOrder[0]?.day).toBe(all[30]?.day);
  });

  it('lets the latest sighting of a day decide that day', () => {
    const morning = { ...point(0, 'Program Manager'), at: '2026-01-01T09:00:00.000Z' };
    const afternoon = { ...point(0, 'Director'), at: '2026-01-01T15:00:00.000Z' };
    expect(deriveAttributeTimeline('title', addPoints([], [afternoon, morning])).map((e) => e.value)).toEqual(['Director']);
  });
});

describe('profiles and contacts', () => {
  const user = {
    id: 'u1',
    displayName: 'Morgan, Jess (HOUSING)',
    mail: 'Jess.Morgan@housing.cascadia.gov',
    jobTitle: 'Homelessness Programs Manager',
    department: 'Housing Stability Division',
    companyName: 'Cascadia Department of Housing',
    officeLocation: 'Capitol Campus, Building 4',
    businessPhones: ['+1 360 555 0111'],
  };

  it('takes phone, office and organization from the directory, with provenance', () => {
    const jess = mergeDirectoryProfile(TENANT, null, user, '2026-11-20T17:00:00.000Z')!;
    expect(jess.id).toBe(makePersonId(TENANT, 'jess.morgan@housing.cascadia.gov'));
    expect(jess.displayName.value).toBe('Jess Morgan');
    expect(jess.phone).toMatchObject({ value: '+1 360 555 0111', source: 'graph-profile', confidence: 0.95, firstObservedAt: '2026-11-20' });
    expect(jess.office?.value).toBe('Capitol Campus, Building 4');
    expect(jess.company?.value).toBe('Cascadia Department of Housing');
  });

  it('notices a directory change between two syncs', () => {
    const first = mergeDirectoryProfile(TENANT, null, user, '2026-10-01T00:00:00.000Z')!;
    const second = mergeDirectoryProfile(TENANT, first, { ...user, jobTitle: 'Homelessness Programs Director' }, '2026-11-01T00:00:00.000Z')!;
    expect(describeChanges(second.history ?? [])).toEqual([
      { attribute: 'title', from: 'Homelessness Programs Manager', to: 'Homelessness Programs Director', since: '2026-11-01' },
    ]);
  });

  it('merges an Outlook contact as a source between the directory and display names', () => {
    const fromMail = mergeObservations(TENANT, null, [{ ...seen('2026-03-01T00:00:00.000Z', 'Coordinator'), email: 'sam@driftwood.org' }]);
    const withContact = mergeContact(TENANT, fromMail, { email: 'sam@driftwood.org', title: 'Shelter Director', phone: '+1 360 555 7000', company: 'Driftwood Shelter' }, '2026-04-01T00:00:00.000Z');
    expect(withContact.title).toMatchObject({ value: 'Shelter Director', source: 'contact', confidence: 0.8 });
    expect(withContact.phone).toMatchObject({ value: '+1 360 555 7000', source: 'contact' });
    // The contact outranks display names: later mail with the old title does not undo it.
    const later = mergeObservations(TENANT, withContact, [{ ...seen('2026-05-01T00:00:00.000Z', 'Coordinator'), email: 'sam@driftwood.org' }]);
    expect(later.title?.value).toBe('Shelter Director');
    expect(mergeContact(TENANT, null, { email: 'Sam@Driftwood.org', displayName: 'Sam Delgado' }, '2026-04-01T00:00:00.000Z').email).toBe('sam@driftwood.org');
  });

  it("keeps Pat's promotion from mail as history when a contact read later knows only the new title, dated from the mail", () => {
    const withContact = mergeContact(TENANT, patFromMail(), { email: PAT, title: 'Director', phone: '+1 360 555 4100' }, '2026-11-20T17:00:00.000Z');
    expect(withContact.title).toMatchObject({ value: 'Director', source: 'contact', firstObservedAt: '2026-08-17' });
    expect(describeChanges(withContact.history ?? [])).toEqual([{ attribute: 'title', from: 'Program Manager', to: 'Director', since: '2026-08-17' }]);
  });

  it('never makes a change out of two sources spelling one value differently', () => {
    const fromMail = mergeObservations(TENANT, null, [seen('2026-06-02T16:00:00.000Z', 'Dir.'), seen('2026-07-02T16:00:00.000Z', 'Dir.')]);
    const withPeople = mergeContact(TENANT, fromMail, { email: PAT, title: 'Director' }, '2026-11-20T17:00:00.000Z', { source: 'graph-people' });
    expect(withPeople.title).toMatchObject({ value: 'Director', source: 'graph-people', confidence: 0.7, firstObservedAt: '2026-11-20' });
    expect(withPeople.history).toBeUndefined();
  });

  it('records a change a contact shows from one read to a later one', () => {
    const first = mergeContact(TENANT, null, { email: PAT, title: 'Director' }, '2026-11-20T17:00:00.000Z');
    const second = mergeContact(TENANT, first, { email: PAT, title: 'Deputy County Administrator' }, '2026-11-21T17:00:00.000Z');
    expect(describeChanges(second.history ?? [])).toEqual([{ attribute: 'title', from: 'Director', to: 'Deputy County Administrator', since: '2026-11-21' }]);
  });
});
