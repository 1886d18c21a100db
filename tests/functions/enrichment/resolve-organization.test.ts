// An address's organization: the tenant's partner directory first, then the domain itself.
import { resolveOrganization, type OrganizationEntry } from '../../../functions/src/enrichment/resolve-organization.ts';
import type { OrganizationSummary } from '../../../shared/domain/person-card.ts';

const directory: OrganizationEntry[] = [
  { name: 'State of Cascadia', kind: 'state', domains: ['cascadia.gov'] },
  { name: 'Cascadia Housing Agency', kind: 'state', domains: ['housing.cascadia.gov', 'cascadiahousing.org'] },
  { name: 'Cascadia Health Department', kind: 'state', domains: ['health.cascadia.gov'] },
  { name: 'City of Riverton', kind: 'city', domains: ['riverton.gov'] },
];

const housing: OrganizationSummary = { name: 'Cascadia Housing Agency', kind: 'state', kindLabel: 'State agency', domain: 'housing.cascadia.gov', source: 'directory' };

describe('resolveOrganization', () => {
  it.each<[string, string, OrganizationSummary | null]>([
    ['an exact directory domain', 'jess.morgan@housing.cascadia.gov', housing],
    ['a subdomain of a directory domain, by the longest suffix', 'jess.morgan@mail.housing.cascadia.gov', housing],
    ['a deeper subdomain', 'a@x.y.housing.cascadia.gov', housing],
    ['a second domain of the same entry', 'a@cascadiahousing.org', { ...housing, domain: 'cascadiahousing.org' }],
    ['an upper-case address', 'Jess.Morgan@HOUSING.Cascadia.GOV', housing],
    ['the parent when no child entry matches', 'a@transit.cascadia.gov', { name: 'State of Cascadia', kind: 'state', kindLabel: 'State agency', domain: 'cascadia.gov', source: 'directory' }],
    ['a city', 'a@riverton.gov', { name: 'City of Riverton', kind: 'city', kindLabel: 'City', domain: 'riverton.gov', source: 'directory' }],
  ])('resolves %s from the directory: %s', (_case, email, expected) => {
    expect(resolveOrganization(email, directory)).toEqual(expected);
  });

  it('does not match a domain that merely ends with the same letters', () => {
    expect(resolveOrganization('a@notriverton.gov', directory)).toEqual({
      name: 'notriverton.gov',
      kind: 'unknown',
      kindLabel: 'Organization',
      domain: 'notriverton.gov',
      id: 'domain:notriverton.gov',
      source: 'domain',
    });
    expect(resolveOrganization('a@evilhousing.cascadia.gov', directory)?.name).toBe('State of Cascadia');
  });

  it.each(['a@gmail.com', 'a@GMAIL.COM', 'a@outlook.com', 'a@yahoo.com', 'a@proton.me', 'a@icloud.com'])('resolves the freemail address %s to nothing', (email) => {
    expect(resolveOrganization(email, directory)).toBeNull();
  });

  it.each(['someone@co.uk', 'someone@com', 'someone@gov.uk', 'no-at-sign', 'trailing@'])('never makes a public suffix or no domain an organization: %s', (email) => {
    expect(resolveOrganization(email, directory)).toBeNull();
  });

  it.each<[string, OrganizationSummary]>([
    ['a@health.example.co.uk', { name: 'example.co.uk', kind: 'unknown', kindLabel: 'Organization', domain: 'example.co.uk', id: 'domain:example.co.uk', source: 'domain' }],
    ['a@cs.university.edu', { name: 'university.edu', kind: 'education', kindLabel: 'Education', domain: 'university.edu', id: 'domain:university.edu', source: 'domain-rule' }],
    ['a@mail.army.mil', { name: 'army.mil', kind: 'military', kindLabel: 'Military', domain: 'army.mil', id: 'domain:army.mil', source: 'domain-rule' }],
    ['a@partner.example.org', { name: 'example.org', kind: 'unknown', kindLabel: 'Organization', domain: 'example.org', id: 'domain:example.org', source: 'domain' }],
  ])('falls back to the registrable domain of %s', (email, expected) => {
    expect(resolveOrganization(email, directory)).toEqual(expected);
  });

  it('uses the registrable domain with an empty directory', () => {
    expect(resolveOrganization('jess.morgan@housing.cascadia.gov', [])).toEqual({
      name: 'cascadia.gov',
      kind: 'unknown',
      kindLabel: 'Organization',
      domain: 'cascadia.gov',
      id: 'domain:cascadia.gov',
      source: 'domain',
    });
  });

  it('lets a directory entry claim a freemail domain', () => {
    const withFreemail: OrganizationEntry[] = [{ name: 'Riverton Volunteers', kind: 'nonprofit', domains: ['gmail.com'] }];
    expect(resolveOrganization('a@gmail.com', withFreemail)?.name).toBe('Riverton Volunteers');
  });
});
