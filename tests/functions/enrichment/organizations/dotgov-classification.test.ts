// .gov classification over real rows of CISA's registry (the CC0 copy beside the checkout):
// one row of every Domain type found by scanning the file, sub-organizations, subdomains.
import { readFileSync } from 'node:fs';
import { classifyDomainType } from '../../../../functions/src/enrichment/organizations/classify-domain-type.ts';
import { parseDotgovRegistry, type DotgovEntry, type DotgovRegistry } from '../../../../functions/src/enrichment/organizations/dotgov-registry.ts';
import { resolveOrganization } from '../../../../functions/src/enrichment/resolve-organization.ts';

const REGISTRY_CSV = new URL('../../../../../shared/data/dotgov/current-full.csv', import.meta.url);

let registry: DotgovRegistry;
const firstOfType = new Map<string, DotgovEntry>();

beforeAll(() => {
  registry = parseDotgovRegistry(readFileSync(REGISTRY_CSV, 'utf8'));
  for (const entry of registry.byDomain.values()) if (!firstOfType.has(entry.domainType)) firstOfType.set(entry.domainType, entry);
});

function entryOfType(domainType: string): DotgovEntry {
  const entry = firstOfType.get(domainType);
  if (!entry) throw new Error(`no row of type ${domainType} in the registry file`);
  return entry;
}

describe('the .gov registry file', () => {
  it('indexes every row by domain (16,539 rows in the copy SOURCE.md describes)', () => {
    expect(registry.byDomain.size).toBe(16_539);
  });

  it('classifies every Domain type the file uses to a known kind', () => {
    const unknown = [...firstOfType.keys()].filter((type) => classifyDomainType(type).kind === 'unknown');
    expect(unknown).toEqual([]);
    expect(firstOfType.size).toBeGreaterThanOrEqual(16);
  });

  it.each<[string, string, string]>([
    ['Federal - Executive', 'federal', 'Federal · Executive'],
    ['Federal - Legislative', 'federal', 'Federal · Legislative'],
    ['Federal - Judicial', 'federal', 'Federal · Judicial'],
    ['Federal', 'federal', 'Federal'],
    ['State or territory', 'state', 'State or territory'],
    ['State or territory - Election', 'state', 'State or territory · Election office'],
    ['County', 'county', 'County'],
    ['County - Election', 'county', 'County · Election office'],
    ['City', 'city', 'City'],
    ['City - Election', 'city', 'City · Election office'],
    ['Tribal', 'tribal', 'Tribal'],
    ['Tribal - Election', 'tribal', 'Tribal · Election office'],
    ['Special district', 'special-district', 'Special district'],
    ['Special district - Election', 'special-district', 'Special district · Election office'],
    ['School district', 'school-district', 'School district'],
    ['Interstate', 'interstate', 'Interstate'],
  ])('a real "%s" row resolves as %s (%s), with its agency, city and state', (domainType, kind, detail) => {
    const entry = entryOfType(domainType);
    const summary = resolveOrganization(`someone@${entry.domain}`, [], { registry });
    expect(summary).toMatchObject({
      kind,
      detail,
      domain: entry.domain,
      source: 'dotgov',
      id: `domain:${entry.domain}`,
      name: entry.subOrganization || entry.organization,
      agency: entry.organization,
    });
    if (entry.city) expect(summary?.city).toBe(entry.city);
    if (entry.state) expect(summary?.state).toBe(entry.state);
  });

  it('names a federal sub-organization, with its department as the agency', () => {
    expect(resolveOrganization('a@cdc.gov', [], { registry })).toEqual({
      id: 'domain:cdc.gov',
      name: 'Centers for Disease Control and Prevention',
      kind: 'federal',
      kindLabel: 'Federal agency',
      domain: 'cdc.gov',
      source: 'dotgov',
      detail: 'Federal · Executive',
      agency: 'Department of Health and Human Services',
      subOrganization: 'Centers for Disease Control and Prevention',
      city: 'Atlanta',
      state: 'GA',
    });
  });

  it.each(['a@cdc.gov', 'a@mail.cdc.gov', 'a@x.y.CDC.gov'])('resolves %s and its subdomains to the entry', (email) => {
    expect(resolveOrganization(email, [], { registry })?.domain).toBe('cdc.gov');
  });

  it('keeps the curly apostrophe and embedded commas of real rows', () => {
    expect(registry.byDomain.get('mprtx.gov')?.organization).toBe('City of Morgan’s Point Resort');
    expect(registry.byDomain.get('acton-ma.gov')?.organization).toBe('Town of Acton, Massachusetts');
  });

  it('leaves a .gov domain the registry does not list to the domain itself', () => {
    expect(resolveOrganization('a@housing.cascadia.gov', [], { registry })).toMatchObject({ name: 'cascadia.gov', kind: 'unknown', source: 'domain' });
  });
});
