// Which stored person an address means: merges first, then the address itself, then a plus-address's base.
import type { PersonDocument } from '../../../../functions/src/enrichment/person-document.ts';
import { buildAliasMap, resolvePerson, resolvePrimaryAddress } from '../../../../functions/src/enrichment/people/resolve-aliases.ts';

const person = (email: string, extra: Partial<PersonDocument> = {}): PersonDocument => ({
  id: email,
  tenantId: 't',
  email,
  displayName: { value: email, source: 'display-name', observedAt: '2026-01-01T00:00:00.000Z', confidence: 0.6 },
  title: null,
  department: null,
  inTenant: false,
  organization: null,
  firstSeenAt: '2026-01-01T00:00:00.000Z',
  lastSeenAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

const STATE = 'jess.morgan@housing.cascadia.gov';
const COUNTY = 'jmorgan@orcacounty-cascadia.gov';
const primary = person(STATE, { aliases: [COUNTY] });
const secondary = person(COUNTY, { mergedInto: STATE });

describe('resolvePerson', () => {
  it.each<[string, string, PersonDocument[], string | undefined]>([
    ['the primary by its own address', STATE, [primary], STATE],
    ['the primary by an alias (only the primary was read)', COUNTY, [primary], STATE],
    ['the primary by an alias (both records read)', COUNTY, [secondary, primary], STATE],
    ['the merged record when the primary is not at hand', COUNTY, [secondary], COUNTY],
    ['a plus-address by the base person it belongs to', 'jess.morgan+shelters@housing.cascadia.gov', [primary], STATE],
    ['a plus-address of an alias, all the way to the primary', 'jmorgan+board@orcacounty-cascadia.gov', [primary], STATE],
    ['nobody for an unknown address', 'stranger@example.org', [primary], undefined],
  ])('finds %s', (_case, address, candidates, expected) => {
    expect(resolvePerson(address, candidates)?.email).toBe(expected);
  });

  it('follows a chain of merges and stops on a cycle', () => {
    const aliases = buildAliasMap([person('a@x.gov', { mergedInto: 'b@y.gov' }), person('b@y.gov', { mergedInto: 'c@z.gov' })]);
    expect(resolvePrimaryAddress('a@x.gov', aliases)).toBe('c@z.gov');
    const cycle = new Map([
      ['a@x.gov', 'b@y.gov'],
      ['b@y.gov', 'a@x.gov'],
    ]);
    expect(['a@x.gov', 'b@y.gov']).toContain(resolvePrimaryAddress('a@x.gov', cycle));
  });
});
