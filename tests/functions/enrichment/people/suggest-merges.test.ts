// Merge suggestions: the same full name at two domains, unless merged, dismissed or two directory accounts.
import type { PersonDocument } from '../../../../functions/src/enrichment/person-document.ts';
import { applyMerge, applyNotSameAs, planMerge } from '../../../../functions/src/enrichment/people/merge-people.ts';
import { makeMergeSuggestionId, makeNameKey, suggestMerges } from '../../../../functions/src/enrichment/people/suggest-merges.ts';

const TENANT = 't';
const person = (email: string, name: string, seen: [string, string], extra: Partial<PersonDocument> = {}): PersonDocument => ({
  id: email,
  tenantId: TENANT,
  email,
  displayName: { value: name, source: 'display-name', observedAt: seen[1], confidence: 0.6 },
  title: null,
  department: null,
  inTenant: false,
  organization: null,
  firstSeenAt: seen[0],
  lastSeenAt: seen[1],
  ...extra,
});
const county = person('jmorgan@orcacounty-cascadia.gov', 'Jess Morgan', ['2026-01-05T00:00:00Z', '2026-04-30T00:00:00Z'], {
  organization: { name: 'Orca County', kind: 'county', kindLabel: 'County', domain: 'orcacounty-cascadia.gov' },
});
const state = person('jess.morgan@housing.cascadia.gov', 'Jess Morgan', ['2026-05-02T00:00:00Z', '2026-11-01T00:00:00Z'], {
  organization: { name: 'Cascadia Department of Housing', kind: 'state', kindLabel: 'State agency', domain: 'housing.cascadia.gov' },
});

describe('suggestMerges', () => {
  it('suggests the same name at a new domain, the newer address as primary, saying why', () => {
    expect(suggestMerges(TENANT, [state, county])).toEqual([
      {
        id: makeMergeSuggestionId(TENANT, county.email, state.email),
        name: 'Jess Morgan',
        people: [expect.objectContaining({ email: county.email, domain: 'orcacounty-cascadia.gov' }), expect.objectContaining({ email: state.email })],
        suggestedPrimary: state.email,
        message: 'Jess Morgan at orcacounty-cascadia.gov and housing.cascadia.gov — same person? They may have moved from Orca County to Cascadia Department of Housing.',
      },
    ]);
  });

  it.each<[string, PersonDocument[]]>([
    ['one domain', [county, person('jess.m@orcacounty-cascadia.gov', 'Jess Morgan', ['2026-06-01T00:00:00Z', '2026-06-02T00:00:00Z'])]],
    ['a name made up from the address', [county, { ...state, displayName: { ...state.displayName, source: 'inferred' } }]],
    ['a single word', [person('info@a.org', 'Info', ['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z']), person('info@b.org', 'Info', ['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'])]],
    ['two accounts of the directory', [{ ...county, inTenant: true }, { ...state, inTenant: true }]],
    ['a dismissed pair', [{ ...county, notSameAs: [state.email] }, state]],
    ['a merged pair', [{ ...county, mergedInto: state.email }, { ...state, aliases: [county.email] }]],
    ['more namesakes than one person moving', ['a.org', 'b.org', 'c.org', 'd.org'].map((d) => person(`jm@${d}`, 'Jess Morgan', ['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z']))],
  ])('suggests nothing for %s', (_case, people) => {
    expect(suggestMerges(TENANT, people)).toEqual([]);
  });

  it('matches names whatever their case, spacing and accents', () => {
    expect(makeNameKey('  JÉSS   morgan ')).toBe(makeNameKey('Jess Morgan'));
  });

  it('stops suggesting once dismissed, via the records of both people', () => {
    const pair = [county.email, state.email] as const;
    const dismissed = [applyNotSameAs(pair, county.email, county)!, applyNotSameAs(pair, state.email, state)!];
    expect(suggestMerges(TENANT, dismissed)).toEqual([]);
  });
});

describe('applyMerge', () => {
  it('makes the secondary an alias of the primary, idempotently, moving its own aliases along', () => {
    const older = { ...county, aliases: ['j.morgan@orcacounty-cascadia.gov'] };
    const plan = planMerge(state, older);
    const primary = applyMerge(plan, state.email, state)!;
    expect(primary.aliases).toEqual(['j.morgan@orcacounty-cascadia.gov', county.email]);
    expect(applyMerge(plan, state.email, primary)).toEqual(primary);
    expect(applyMerge(plan, county.email, older)).toMatchObject({ mergedInto: state.email });
    expect(applyMerge(plan, county.email, older)?.aliases).toBeUndefined();
    expect(applyMerge(plan, 'j.morgan@orcacounty-cascadia.gov', person('j.morgan@orcacounty-cascadia.gov', 'J Morgan', ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'])))
      .toMatchObject({ mergedInto: state.email });
  });
});
