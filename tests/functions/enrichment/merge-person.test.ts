// Folding observations into a person record: trusted sources win, newer wins within a source, replays change nothing.
import { chooseAttribute, makePersonId, mergeDirectoryProfile, mergeObservations } from '../../../functions/src/enrichment/merge-person.ts';
import type { PersonDocument } from '../../../functions/src/enrichment/person-document.ts';
import type { GraphUserMetadata } from '../../../functions/src/mining/graph-shapes.ts';
import type { PersonObservation } from '../../../functions/src/mining/observe-people.ts';
import type { Attribute } from '../../../shared/domain/attribute.ts';

const TENANT = 'tenant-cascadia';
const PAT = 'pat.okafor@health.cascadia.gov';

const seen = (observedAt: string, displayName: string, titleFromName: string | null = null): PersonObservation => ({
  email: PAT,
  displayName,
  titleFromName,
  observedAt,
});

const observations = [
  seen('2024-03-02T00:00:00.000Z', 'Pat Okafor', 'Director'),
  seen('2024-01-15T00:00:00.000Z', 'P. Okafor'),
  seen('2024-05-20T00:00:00.000Z', 'Patricia Okafor'),
  seen('2024-04-01T00:00:00.000Z', ''),
];

const profile: GraphUserMetadata = {
  id: 'user-1',
  displayName: 'Patricia A. Okafor',
  mail: 'Pat.Okafor@health.cascadia.gov',
  userPrincipalName: 'pokafor@health.cascadia.gov',
  jobTitle: 'Deputy Director',
  department: 'Public Health',
};

describe('mergeObservations', () => {
  it('builds a new person from observations: newest name, first and last seen', () => {
    expect(mergeObservations(TENANT, null, observations)).toEqual({
      id: makePersonId(TENANT, PAT),
      tenantId: TENANT,
      email: PAT,
      displayName: { value: 'Patricia Okafor', source: 'display-name', observedAt: '2024-05-20T00:00:00.000Z', confidence: 0.6 },
      title: { value: 'Director', source: 'display-name', observedAt: '2024-03-02T00:00:00.000Z', confidence: 0.5, firstObservedAt: '2024-03-02' },
      department: null,
      inTenant: false,
      organization: null,
      firstSeenAt: '2024-01-15T00:00:00.000Z',
      lastSeenAt: '2024-05-20T00:00:00.000Z',
      // One sighting: the title's history so far, no change yet.
      observedValues: { title: [{ value: 'Director', source: 'display-name', day: '2024-03-02', at: '2024-03-02T00:00:00.000Z' }] },
    } satisfies PersonDocument);
  });

  it('is idempotent: merging the same observations twice equals merging them once', () => {
    const once = mergeObservations(TENANT, null, observations);
    expect(mergeObservations(TENANT, once, observations)).toEqual(once);
    expect(mergeObservations(TENANT, mergeObservations(TENANT, once, observations), observations)).toEqual(once);
  });

  it('gives the same person whatever the order of the observations', () => {
    const once = mergeObservations(TENANT, null, observations);
    expect(mergeObservations(TENANT, null, [...observations].reverse())).toEqual(once);
  });

  it('gives the same person merged in batches as merged at once', () => {
    const batched = mergeObservations(TENANT, mergeObservations(TENANT, null, observations.slice(0, 2)), observations.slice(2));
    expect(batched).toEqual(mergeObservations(TENANT, null, observations));
  });

  it('lets a newer display-name observation replace an older one, and not the reverse', () => {
    const person = mergeObservations(TENANT, null, [seen('2024-03-01T00:00:00.000Z', 'Pat Okafor')]);
    expect(mergeObservations(TENANT, person, [seen('2024-04-01T00:00:00.000Z', 'Patricia Okafor')]).displayName.value).toBe('Patricia Okafor');
    expect(mergeObservations(TENANT, person, [seen('2024-02-01T00:00:00.000Z', 'P. Okafor')]).displayName.value).toBe('Pat Okafor');
  });

  it('keeps a graph-profile name over any newer display-name observation', () => {
    const fromDirectory = mergeDirectoryProfile(TENANT, null, profile, '2024-01-01T00:00:00.000Z');
    const merged = mergeObservations(TENANT, fromDirectory, [seen('2024-06-01T00:00:00.000Z', 'Pat O.', 'Director')]);
    expect(merged.displayName).toEqual({ value: 'Patricia A. Okafor', source: 'graph-profile', observedAt: '2024-01-01T00:00:00.000Z', confidence: 0.95 });
    expect(merged.title?.value).toBe('Deputy Director');
    expect(merged.lastSeenAt).toBe('2024-06-01T00:00:00.000Z');
  });

  it('keeps the address as the name until a name is observed', () => {
    expect(mergeObservations(TENANT, null, [seen('2024-03-01T00:00:00.000Z', '')]).displayName).toEqual({
      value: PAT,
      source: 'inferred',
      observedAt: '2024-03-01T00:00:00.000Z',
      confidence: 0.1,
    });
  });

  it('refuses an empty list of observations', () => {
    expect(() => mergeObservations(TENANT, null, [])).toThrow(/at least one observation/);
  });
});

describe('mergeDirectoryProfile', () => {
  it('makes an in-tenant person from a directory profile, keyed by the normalized mail', () => {
    const person = mergeDirectoryProfile(TENANT, null, profile, '2024-01-01T00:00:00.000Z');
    expect(person).toMatchObject({
      id: makePersonId(TENANT, PAT),
      email: PAT,
      inTenant: true,
      displayName: { value: 'Patricia A. Okafor', source: 'graph-profile' },
      title: { value: 'Deputy Director', source: 'graph-profile' },
      department: { value: 'Public Health', source: 'graph-profile' },
    });
  });

  it('overrides display-name attributes of an existing person and keeps when they were seen', () => {
    const existing = mergeObservations(TENANT, null, [seen('2024-05-01T00:00:00.000Z', 'Pat O.', 'Director')]);
    const person = mergeDirectoryProfile(TENANT, existing, profile, '2024-01-01T00:00:00.000Z');
    expect(person?.displayName.value).toBe('Patricia A. Okafor');
    expect(person?.title?.value).toBe('Deputy Director');
    expect(person?.firstSeenAt).toBe('2024-05-01T00:00:00.000Z');
  });

  it('is idempotent', () => {
    const once = mergeDirectoryProfile(TENANT, null, profile, '2024-01-01T00:00:00.000Z');
    expect(mergeDirectoryProfile(TENANT, once, profile, '2024-01-01T00:00:00.000Z')).toEqual(once);
  });

  it('falls back to the user principal name, and skips a user with neither', () => {
    expect(mergeDirectoryProfile(TENANT, null, { ...profile, mail: null }, '2024-01-01T00:00:00.000Z')?.email).toBe('pokafor@health.cascadia.gov');
    expect(mergeDirectoryProfile(TENANT, null, { id: 'x', mail: null, userPrincipalName: null }, '2024-01-01T00:00:00.000Z')).toBeNull();
  });
});

describe('chooseAttribute', () => {
  const at = (value: string, source: Attribute['source'], observedAt: string): Attribute => ({ value, source, observedAt, confidence: 0.5 });

  it.each<[string, Attribute | null, Attribute | null, string | null]>([
    ['takes a candidate when there is nothing', null, at('A', 'display-name', '2024-01-01'), 'A'],
    ['keeps the current value over no candidate', at('A', 'display-name', '2024-01-01'), null, 'A'],
    ['keeps the current value over an empty candidate', at('A', 'display-name', '2024-01-01'), at('', 'manual', '2024-02-01'), 'A'],
    ['a more trusted source wins even when older', at('A', 'display-name', '2024-02-01'), at('B', 'graph-profile', '2024-01-01'), 'B'],
    ['a less trusted source loses even when newer', at('A', 'graph-profile', '2024-01-01'), at('B', 'display-name', '2024-02-01'), 'A'],
    ['manual beats graph-profile', at('A', 'graph-profile', '2024-02-01'), at('B', 'manual', '2024-01-01'), 'B'],
    ['within a source the newer wins', at('A', 'display-name', '2024-01-01'), at('B', 'display-name', '2024-02-01'), 'B'],
    ['within a source an equally old candidate does not replace', at('A', 'display-name', '2024-01-01'), at('B', 'display-name', '2024-01-01'), 'A'],
    ['nothing and nothing is nothing', null, null, null],
  ])('%s', (_case, current, candidate, expected) => {
    expect(chooseAttribute(current, candidate)?.value ?? null).toBe(expected);
  });
});
